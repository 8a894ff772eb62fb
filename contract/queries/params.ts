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
