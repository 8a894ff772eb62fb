// Each relationship type, stated once: which kinds it joins, how it is read in both directions,
// where it points in a chain of command, and which of its properties are free text that may name
// a protected person (after followthemoney/schema/Directorship.yaml's `edge:` and `reverse:` blocks).
import { z } from 'zod';
import { Provenance, StableId, text, Validity } from './provenance.ts';
import type { nodeKinds } from './node-kinds.ts';

export const RelationshipProps = Provenance.extend(Validity.shape).extend({
  id: StableId,
  /** On HELD_POST: the post's title as the source gives it. */
  title: text.optional(),
  /** On HELD_POST: the post heads the organisation (secretary, director, minister), not a member or deputy. */
  head: z.boolean().optional(),
  /** The source's own wording of the link ("reports_to (PSD director to PLAC secretary)"). */
  relation: text.optional(),
  /** On ASSIGNED_TO: the guard's role at the facility. */
  role: text.optional(),
  /** On DETAINED_AT: the reason the record gives. */
  recordedReason: text.optional(),
  /** On RELATED_TO: the family relation the record gives (father, sister, spouse...). */
  kinship: text.optional(),
  notes: text.optional(),
});

type Label = keyof typeof nodeKinds;

export interface RelationshipTypeSpec {
  title: string;
  /** Read in the stored direction, and in reverse (e.g. on a chain drawn upward). */
  caption: string;
  reverse: string;
  /** The kinds each end may be: the importer refuses anything else. */
  ends: { from: readonly Label[]; to: readonly Label[] };
  /**
   * Which end is higher in a chain of command: `up` points upward as stored (a detainee is
   * DETAINED_AT a facility, which sits below its operator); `down` points downward (an organisation
   * OPERATES a facility). Null: not a command link.
   */
  command: 'up' | 'down' | null;
  /** On a link that touches a protected person: properties withheld from redacted roles. */
  personal: readonly string[];
  /**
   * Whether a redacted role receives this link at all when one end is a protected person. `withheld`:
   * the link itself is personal data (where a victim lives, who their family is), whatever its properties.
   */
  withVictim: 'shown' | 'withheld';
}

/** Free text on any link may name the people it joins. */
const FREE_TEXT = ['notes'];

export const relationshipTypes = {
  HELD_POST: {
    title: 'Held post',
    caption: 'held post in',
    reverse: 'post held by',
    ends: { from: ['Person'], to: ['Organization'] },
    command: 'up',
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  SUBORDINATE_TO: {
    title: 'Subordinate to',
    caption: 'subordinate to',
    reverse: 'superior of',
    ends: { from: ['Organization'], to: ['Organization'] },
    command: 'up',
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  REPORTS_TO: {
    title: 'Reports to',
    caption: 'reports to',
    reverse: 'receives reports from',
    ends: { from: ['Person'], to: ['Person'] },
    command: 'up',
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  OPERATES: {
    title: 'Operates',
    caption: 'operates',
    reverse: 'operated by',
    ends: { from: ['Organization'], to: ['Facility'] },
    command: 'down',
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  ASSIGNED_TO: {
    title: 'Assigned to',
    caption: 'assigned to',
    reverse: 'staffed by',
    ends: { from: ['Guard'], to: ['Facility'] },
    command: 'up',
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  DETAINED_AT: {
    title: 'Detained at',
    caption: 'detained at',
    reverse: 'holds',
    ends: { from: ['Detainee'], to: ['Facility'] },
    command: 'up',
    // The reason a record gives for detaining someone is theirs: "relative abroad", "phone content".
    personal: [...FREE_TEXT, 'recordedReason', 'relation'],
    withVictim: 'shown',
  },
  ISSUED: {
    title: 'Issued',
    caption: 'issued',
    reverse: 'issued by',
    ends: { from: ['Person', 'Organization'], to: ['Directive'] },
    command: null,
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  ADDRESSED_TO: {
    title: 'Addressed to',
    caption: 'addressed to',
    reverse: 'received',
    ends: { from: ['Directive'], to: ['Organization', 'Person', 'Facility'] },
    command: null,
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  INVOKES: {
    title: 'Invokes',
    caption: 'invokes',
    reverse: 'invoked by',
    ends: { from: ['Directive'], to: ['Directive'] },
    command: null,
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  APPLIES_TO: {
    title: 'Applied at',
    caption: 'applied at',
    reverse: 'applied',
    ends: { from: ['Directive'], to: ['Facility', 'Organization'] },
    command: null,
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  LOCATED_IN: {
    title: 'Located in',
    caption: 'located in',
    reverse: 'contains',
    ends: { from: ['Facility', 'Organization', 'Place'], to: ['Place'] },
    command: null,
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  DEPICTS: {
    title: 'Depicts',
    caption: 'depicts',
    reverse: 'depicted in',
    ends: { from: ['Photo'], to: ['Person'] },
    command: null,
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  SANCTIONED_UNDER: {
    title: 'Sanctioned under',
    caption: 'sanctioned under',
    reverse: 'sanctions',
    ends: { from: ['Person', 'Organization'], to: ['Sanction'] },
    command: null,
    personal: FREE_TEXT,
    withVictim: 'shown',
  },
  RELATED_TO: {
    title: 'Relative of',
    caption: 'relative of',
    reverse: 'relative of',
    ends: { from: ['Person'], to: ['Person'] },
    command: null,
    // A victim's family is personal data: the link is withheld, and with it the kinship it names.
    personal: [...FREE_TEXT, 'kinship', 'relation'],
    withVictim: 'withheld',
  },
  // A victim's home village is their address.
  RESIDES_IN: {
    title: 'Lives in',
    caption: 'lives in',
    reverse: 'home of',
    ends: { from: ['Person'], to: ['Place'] },
    command: null,
    personal: FREE_TEXT,
    withVictim: 'withheld',
  },
} as const satisfies Record<string, RelationshipTypeSpec>;
