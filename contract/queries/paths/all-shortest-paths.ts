// Parameters of all-shortest-paths.cypher.
import { z } from 'zod';
import { EntityId, RelationshipTypes, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

/** Shared with public-all-shortest-paths.ts: the same question over the links a redacted reader receives. */
export const params = z.object({
  fromId: EntityId,
  toId: EntityId,
  types: RelationshipTypes,
  maxDepth: z.number().int().min(1).max(10).default(6),
  limit: rowLimit(500, 50),
});

export const query = evidenceQuery({
  name: 'all-shortest-paths',
  params,
  disclosed: { parameters: ['fromId', 'toId', 'types', 'maxDepth', 'limit'], columns: ['hops'] },
});
