// Parameters of shortest-path.cypher.
import { z } from 'zod';
import { EntityId, RelationshipTypes } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

/** Shared with public-shortest-path.ts: the same question over the links a redacted reader receives. */
export const params = z.object({
  fromId: EntityId,
  toId: EntityId,
  types: RelationshipTypes,
  maxDepth: z.number().int().min(1).max(10).default(6),
});

export const query = evidenceQuery({ name: 'shortest-path', params, disclosed: { parameters: ['fromId', 'toId', 'types', 'maxDepth'], columns: ['hops'] } });
