// What every public-record row is built with: the rows' raw shape, provenance from an entry's sources
// and confidence, validity from the record's partial dates, and leaving out empty fields.
import type { z } from 'zod';
import type { NodeRow, RelationshipRow } from '../../contract/graph-rows.ts';
import { parsePartialDate } from '../dates.ts';
import { confidenceOf, type ReferenceConfidence } from './reference.ts';

export type NodeInput = z.input<typeof NodeRow>;
export type RelationshipInput = z.input<typeof RelationshipRow>;

/** Rows before the model's checks, which seed/public-record.ts runs once on all of them. */
export interface RawRows {
  nodes: NodeInput[];
  relationships: RelationshipInput[];
}

export function provenance(sourceIds: string[], confidence: z.infer<typeof ReferenceConfidence>) {
  return {
    sources: sourceIds,
    confidence: confidenceOf[confidence],
    synthetic: false,
  };
}

/** Optional fields are left out rather than stored as null or "": Neo4j has no null properties. */
export function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

export function validity(fromText: string | null | undefined, toText: string | null | undefined) {
  const from = parsePartialDate(fromText);
  const to = parsePartialDate(toText);
  return {
    from: from?.start,
    fromPrecision: from?.precision,
    to: to?.end,
    toPrecision: to?.precision,
  };
}
