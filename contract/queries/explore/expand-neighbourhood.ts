// Parameters of expand-neighbourhood.cypher.
import { z } from 'zod';
import { EntityId, RelationshipTypes, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

/** Shared with public-expand-neighbourhood.ts: the same expansion over the links a redacted reader receives. */
export const params = z.object({
  id: EntityId,
  types: RelationshipTypes,
  direction: z.enum(['out', 'in', 'both']).default('both'),
  /** Bounded: skipping still reads the skipped links, so a page deep in a crowd costs what it skips. */
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: rowLimit(2_000, 200),
});

export const query = evidenceQuery({ name: 'expand-neighbourhood', params, disclosed: { parameters: ['id', 'types', 'direction', 'limit'], columns: [] } });
