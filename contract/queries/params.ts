// Parameter schemas shared by several curated queries, so each rule and its message is written once.
import { z } from 'zod';
import { RelationshipType, StableId } from '../model.ts';

/** A node's stable id as a query parameter: the model's own rule. */
export const EntityId = StableId;

/** "As of" a date: only links in force that day count. Absent: every link ever recorded. */
export const AsOf = z.iso.date({ error: 'must be an ISO date (YYYY-MM-DD)' }).nullable().default(null);

/** A stored date-time (Neo4j writes nanoseconds) as the ISO instant the API answers with: a row's part, read back by views, notes and judgements. */
export const StoredInstant = z.string().transform((text) => new Date(text).toISOString());

/** Relationship types an analyst picks are values checked against the model, never Cypher text. */
export const RelationshipTypes = z.array(RelationshipType).max(RelationshipType.options.length).default([]);

export function rowLimit(max: number, fallback: number) {
  return z.number().int().min(1).max(max).default(fallback);
}

/**
 * A value as one exact term of a keyword-analysed full-text index: quoted, its quotes and backslashes
 * escaped, so Lucene reads nothing in it as syntax (the colon of an import's id would name a field).
 */
export function keywordTerm(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * An import's id as the queries that find what it asserted take it: `id` as stored in `imports`, and
 * `term`, the same id as the one term to look up in the imports indexes (schema.cypher's entityImports).
 */
export const ImportLookup = z
  .string()
  .min(1)
  .transform((id) => ({ id, term: keywordTerm(id) }));
