// What every fact of the evidence graph carries: its sources, how well they support it, whether it
// is generated test data, and when it held. Shared by every node kind and relationship type.
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

export const isoDate = z.iso.date();
export const text = z.string().trim().min(1, 'must not be empty');
export const sha256 = z.string().regex(/^(sha256:)?[0-9a-f]{64}$/i, 'must be a SHA-256 hex digest');

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
export const Names = z.object({
  name: text,
  nameZh: text.optional(),
  pinyin: text.optional(),
  aliases: z.array(text).default([]),
  nameKeys: z.array(z.string()).optional(),
  /** Whole names folded (names.ts matchKeys): how an import finds the same name already in the graph. */
  matchKeys: z.array(z.string()).optional(),
});

/** The name fields of a searchable kind, all in the one full-text index (contract/queries/schema/schema.cypher); `matchKeys` has its own. */
export const SEARCHED_NAME_FIELDS = Object.keys(Names.shape).filter((field) => field !== 'matchKeys') as readonly (keyof typeof Names.shape)[];
