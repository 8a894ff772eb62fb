// The graph's vocabulary, stated once: labels, relationship types, their properties and drawing hints.
// Seed, server and client import this file; catalogue checks refuse a query that names anything else.
import { z } from 'zod';

/** How well a fact is supported by its sources. Order matters: a chain is as strong as its weakest link. */
export const Confidence = z.enum(['confirmed', 'reported', 'inferred']);
export type Confidence = z.infer<typeof Confidence>;

/** Higher is stronger; used to rank chains by their weakest link. Mirrored in contract/queries/chain/*.cypher. */
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

/** Labels of the app's own records. The underscore keeps them out of every evidence query. */
export const InternalLabel = z.enum(['_Import', '_View', '_ViewVersion', '_User', '_Session', '_Audit']);

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
  'Photo',
  'Place',
  'Sanction',
  'Figure',
]);
export type NodeLabel = z.infer<typeof NodeLabel>;

/** A person may hold several roles at once (an official who was later detained). */
export const PersonRole = z.enum(['Official', 'Guard', 'Detainee']);
export type PersonRole = z.infer<typeof PersonRole>;

/** The kind a node is written as: its primary label. Role labels ride on `Person`. */
export const NodeKind = NodeLabel.exclude(['Official', 'Guard', 'Detainee']);
export type NodeKind = z.infer<typeof NodeKind>;

export const RelationshipType = z.enum([
  'HELD_POST',
  'SUBORDINATE_TO',
  'REPORTS_TO',
  'OPERATES',
  'ASSIGNED_TO',
  'DETAINED_AT',
  'ISSUED',
  'ADDRESSED_TO',
  'INVOKES',
  'APPLIES_TO',
  'LOCATED_IN',
  'DEPICTS',
  'SANCTIONED_UNDER',
  'RELATED_TO',
  'RESIDES_IN',
]);
export type RelationshipType = z.infer<typeof RelationshipType>;

/**
 * Which end of a relationship is higher in a chain of command. `up` means the relationship points
 * upward as stored (a detainee is DETAINED_AT a facility, which sits below its operator); `down`
 * means it points downward (an organisation OPERATES a facility). Null: not a command link.
 */
export const commandDirection: Record<RelationshipType, 'up' | 'down' | null> = {
  HELD_POST: 'up',
  SUBORDINATE_TO: 'up',
  REPORTS_TO: 'up',
  OPERATES: 'down',
  ASSIGNED_TO: 'up',
  DETAINED_AT: 'up',
  ISSUED: null,
  ADDRESSED_TO: null,
  INVOKES: null,
  APPLIES_TO: null,
  LOCATED_IN: null,
  DEPICTS: null,
  SANCTIONED_UNDER: null,
  RELATED_TO: null,
  RESIDES_IN: null,
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
  ADDRESSED_TO: { forward: 'addressed to', reverse: 'received' },
  INVOKES: { forward: 'invokes', reverse: 'invoked by' },
  APPLIES_TO: { forward: 'applied at', reverse: 'applied' },
  LOCATED_IN: { forward: 'located in', reverse: 'contains' },
  DEPICTS: { forward: 'depicts', reverse: 'depicted in' },
  SANCTIONED_UNDER: { forward: 'sanctioned under', reverse: 'sanctions' },
  RELATED_TO: { forward: 'relative of', reverse: 'relative of' },
  RESIDES_IN: { forward: 'lives in', reverse: 'home of' },
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
  'Photo',
  'Place',
  'Sanction',
  'Figure',
];

export function kindOf(labels: readonly string[]): NodeLabel | 'Unknown' {
  return kindPriority.find((label) => labels.includes(label)) ?? 'Unknown';
}

/** The kind a set of labels is written as, or null when they name none, several, or a role without Person. */
export function primaryKind(labels: readonly string[]): NodeKind | null {
  const kinds = labels.filter((label): label is NodeKind => NodeKind.safeParse(label).success);
  if (kinds.length !== 1) return null;
  const hasRole = labels.some((label) => PersonRole.safeParse(label).success);
  if (hasRole && kinds[0] !== 'Person') return null;
  return kinds[0]!;
}

const isoDate = z.iso.date();
const text = z.string().trim().min(1, 'must not be empty');
const sha256 = z.string().regex(/^(sha256:)?[0-9a-f]{64}$/i, 'must be a SHA-256 hex digest');

/** Our stable ids (seed, importer): short, printable, no whitespace. Views and merges rely on them. */
export const StableId = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'may hold only letters, digits, "_", ".", ":" and "-"');

/** Provenance carried by every node and relationship of the evidence graph. */
export const Provenance = z.object({
  /** Ids of the Document nodes that state this fact. */
  sources: z.array(text).min(1, 'must cite at least one source document'),
  confidence: Confidence,
  /** Generated test data, never evidence; the API and UI say so. */
  synthetic: z.boolean().default(false),
  /** Ids of the imports that wrote this element (each an `_Import` node). */
  imports: z.array(text).optional(),
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

/** Names in every script an analyst may type; `nameKeys` (derived by names.ts) is what search matches. */
const Names = z.object({
  name: text,
  nameZh: text.optional(),
  pinyin: text.optional(),
  aliases: z.array(text).default([]),
  nameKeys: z.array(z.string()).optional(),
});

export const PersonProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  gender: z.enum(['female', 'male', 'unknown']).optional(),
  /** Detainee records carry these; they are personal data that a viewer never receives. */
  birthDate: isoDate.optional(),
  age: z.number().int().min(0).max(120).optional(),
  idNumber: text.optional(),
  address: text.optional(),
  ethnicity: text.optional(),
  notes: text.optional(),
});

export const OrganizationType = z.enum([
  'party-committee',
  'government',
  'public-security',
  'political-legal-commission',
  'armed-police',
  'camp-administration',
  'court',
  'other',
]);

export const OrganizationProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  level: OrganizationLevel,
  orgType: OrganizationType.default('other'),
  notes: text.optional(),
});

export const FacilityType = z.enum(['camp', 'detention-centre', 'prison', 'police-station', 'other']);

export const FacilityProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  facilityType: FacilityType,
  /** The source's own wording of the type ("re-education camp (VSETC)"). */
  typeDescription: text.optional(),
  county: text.optional(),
  prefecture: text.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  capacity: z.number().int().min(0).optional(),
  notes: text.optional(),
});

export const DirectiveType = z.enum(['speech', 'order', 'protocol', 'telegram', 'regulation', 'bulletin', 'other']);

export const DirectiveProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  directiveType: DirectiveType.default('other'),
  date: isoDate.optional(),
  datePrecision: DatePrecision.optional(),
  summary: text.optional(),
  /** The source's own description of who received it, when no organisation can be named. */
  recipients: text.optional(),
  notes: text.optional(),
});

/** A source: a leaked file or a published report. It is its own evidence, so `sources` is optional. */
export const DocumentProps = z.object({
  id: StableId,
  name: text,
  collection: text,
  publisher: text.optional(),
  /** As the source gives it, possibly partial ("2022-05"). */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date, year or year-month').optional(),
  pages: z.number().int().min(1).optional(),
  checksum: sha256.optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  notes: text.optional(),
  sources: z.array(text).optional(),
  confidence: Confidence.default('confirmed'),
  synthetic: z.boolean().default(false),
  imports: z.array(text).optional(),
});

export const PhotoProps = Provenance.extend({
  id: StableId,
  name: text.optional(),
  takenAt: isoDate.optional(),
  checksum: sha256.optional(),
  /** A path in the local evidence store, never a remote address: photos are served locally or not at all. */
  file: text.optional(),
});

export const PlaceType = z.enum(['region', 'prefecture', 'county', 'township', 'village', 'city', 'other']);

export const PlaceProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  placeType: PlaceType,
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});

export const SanctionProps = Provenance.extend({
  id: StableId,
  name: text,
  authority: text,
  program: text.optional(),
  date: isoDate.optional(),
  measures: text.optional(),
});

/** A headline figure about the leak itself (volumes, counts), kept with its sources. */
export const FigureProps = Provenance.extend({
  id: StableId,
  name: text,
  value: text,
});

export const nodeSchemas = {
  Person: PersonProps,
  Organization: OrganizationProps,
  Facility: FacilityProps,
  Directive: DirectiveProps,
  Document: DocumentProps,
  Photo: PhotoProps,
  Place: PlaceProps,
  Sanction: SanctionProps,
  Figure: FigureProps,
} satisfies Record<NodeKind, z.ZodObject>;

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

/** Which kinds each relationship type may join: the importer refuses anything else. */
export const relationshipEnds: Record<RelationshipType, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }> = {
  HELD_POST: { from: ['Person'], to: ['Organization'] },
  SUBORDINATE_TO: { from: ['Organization'], to: ['Organization'] },
  REPORTS_TO: { from: ['Person'], to: ['Person'] },
  OPERATES: { from: ['Organization'], to: ['Facility'] },
  ASSIGNED_TO: { from: ['Guard'], to: ['Facility'] },
  DETAINED_AT: { from: ['Detainee'], to: ['Facility'] },
  ISSUED: { from: ['Person', 'Organization'], to: ['Directive'] },
  ADDRESSED_TO: { from: ['Directive'], to: ['Organization', 'Person', 'Facility'] },
  INVOKES: { from: ['Directive'], to: ['Directive'] },
  APPLIES_TO: { from: ['Directive'], to: ['Facility', 'Organization'] },
  LOCATED_IN: { from: ['Facility', 'Organization', 'Place'], to: ['Place'] },
  DEPICTS: { from: ['Photo'], to: ['Person'] },
  SANCTIONED_UNDER: { from: ['Person', 'Organization'], to: ['Sanction'] },
  RELATED_TO: { from: ['Person'], to: ['Person'] },
  RESIDES_IN: { from: ['Person'], to: ['Place'] },
};
