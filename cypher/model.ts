// The graph's vocabulary, stated once: labels, relationship types, their properties and drawing hints.
// Seed, server and client import this file; catalogue checks refuse a query that names anything else.
import { z } from 'zod';

/** How well a fact is supported by its sources. Order matters: a chain is as strong as its weakest link. */
export const Confidence = z.enum(['confirmed', 'reported', 'inferred']);
export type Confidence = z.infer<typeof Confidence>;

/** Higher is stronger; used to rank chains by their weakest link. Mirrored in cypher/chain/*.cypher. */
export const confidenceRank: Record<Confidence, number> = { confirmed: 3, reported: 2, inferred: 1 };

export function weakestConfidence(confidences: readonly Confidence[]): Confidence | null {
  if (confidences.length === 0) return null;
  return confidences.reduce((weakest, c) => (confidenceRank[c] < confidenceRank[weakest] ? c : weakest));
}

export const OrganizationLevel = z.enum(['central', 'region', 'province', 'prefecture', 'city', 'county', 'township']);
export type OrganizationLevel = z.infer<typeof OrganizationLevel>;

/**
 * Every evidence node also carries `Entity`, so a lookup by `id` alone is one index seek whatever
 * the node's kind; saved views and users get underscore labels and never carry it.
 */
export const ENTITY_LABEL = 'Entity';

/** The labels of the evidence graph. Role labels (Official, Guard, Detainee) sit on a `Person`. */
export const NodeLabel = z.enum([
  'Person',
  'Official',
  'Guard',
  'Detainee',
  'Organization',
  'Facility',
  'Directive',
  'Document',
]);
export type NodeLabel = z.infer<typeof NodeLabel>;

export const RelationshipType = z.enum([
  'HELD_POST',
  'SUBORDINATE_TO',
  'REPORTS_TO',
  'OPERATES',
  'ASSIGNED_TO',
  'DETAINED_AT',
  'ISSUED',
]);
export type RelationshipType = z.infer<typeof RelationshipType>;

/**
 * Which end of a relationship is higher in a chain of command. `source` means the relationship
 * points upward as stored (a detainee is DETAINED_AT a facility, which sits below its operator);
 * `target` means it points downward (an organisation OPERATES a facility). Null: not a command link.
 */
export const commandDirection: Record<RelationshipType, 'up' | 'down' | null> = {
  HELD_POST: 'up',
  SUBORDINATE_TO: 'up',
  REPORTS_TO: 'up',
  OPERATES: 'down',
  ASSIGNED_TO: 'up',
  DETAINED_AT: 'up',
  ISSUED: null,
};

/** Captions for drawing an edge in its stored direction and in reverse (e.g. on a chain drawn upward). */
export const relationshipCaption: Record<RelationshipType, { forward: string; reverse: string }> = {
  HELD_POST: { forward: 'held post in', reverse: 'post held by' },
  SUBORDINATE_TO: { forward: 'subordinate to', reverse: 'superior of' },
  REPORTS_TO: { forward: 'reports to', reverse: 'receives reports from' },
  OPERATES: { forward: 'operates', reverse: 'operated by' },
  ASSIGNED_TO: { forward: 'assigned to', reverse: 'staffed by' },
  DETAINED_AT: { forward: 'detained at', reverse: 'holds' },
  ISSUED: { forward: 'issued', reverse: 'issued by' },
};

/** The one kind shown for a node, most specific label first (a Person who is an Official is an official). */
const kindPriority: readonly NodeLabel[] = [
  'Official',
  'Guard',
  'Detainee',
  'Person',
  'Organization',
  'Facility',
  'Directive',
  'Document',
];

export function kindOf(labels: readonly string[]): NodeLabel | 'Unknown' {
  return kindPriority.find((label) => labels.includes(label)) ?? 'Unknown';
}

const isoDate = z.iso.date();

/** Provenance carried by every node and relationship of the evidence graph. */
export const Provenance = z.object({
  sources: z.array(z.string().min(1)),
  confidence: Confidence,
  synthetic: z.boolean().default(false),
});

/**
 * A validity window. Dates are ISO; a partial date in a source ("2016-08") becomes the first day of
 * the period for `from` and the last day for `to`, with the precision kept so the UI can say "2016-08".
 * A missing `from` means the start is unknown; a missing `to` means the tenure is open-ended.
 */
export const DatePrecision = z.enum(['year', 'month', 'day']);
export const Validity = z.object({
  from: isoDate.optional(),
  fromPrecision: DatePrecision.optional(),
  to: isoDate.optional(),
  toPrecision: DatePrecision.optional(),
});

export const PersonProps = Provenance.extend({
  id: z.string().min(1),
  name: z.string().min(1),
  nameZh: z.string().optional(),
  pinyin: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  notes: z.string().optional(),
});

export const OrganizationProps = Provenance.extend({
  id: z.string().min(1),
  name: z.string().min(1),
  nameZh: z.string().optional(),
  level: OrganizationLevel,
});

export const FacilityProps = Provenance.extend({
  id: z.string().min(1),
  name: z.string().min(1),
  nameZh: z.string().optional(),
  facilityType: z.string().min(1),
  county: z.string().optional(),
  prefecture: z.string().optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  notes: z.string().optional(),
});

export const DirectiveProps = Provenance.extend({
  id: z.string().min(1),
  name: z.string().min(1),
  nameZh: z.string().optional(),
  date: isoDate.optional(),
  datePrecision: DatePrecision.optional(),
  summary: z.string().optional(),
  notes: z.string().optional(),
});

/** A source: a leaked file or a published report. Documents are their own evidence, so no `sources`. */
export const DocumentProps = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  collection: z.string().min(1),
  publisher: z.string().optional(),
  date: z.string().optional(),
  url: z.url().optional(),
  notes: z.string().optional(),
  synthetic: z.boolean().default(false),
});

export const RelationshipProps = Provenance.extend(Validity.shape).extend({
  id: z.string().min(1),
  title: z.string().optional(),
  /** On HELD_POST: the post heads the organisation (secretary, director, minister), not a member or deputy. */
  head: z.boolean().optional(),
  relation: z.string().optional(),
  notes: z.string().optional(),
});
