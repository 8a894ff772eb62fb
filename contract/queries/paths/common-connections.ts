// Parameters of common-connections.cypher.
import { z } from 'zod';
import { EntityId, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

/** Shared with public-common-connections.ts: the same question over the links a redacted reader receives. */
export const params = z.object({
  ids: z
    .array(EntityId)
    .min(2, 'must name at least two nodes')
    .max(10, 'must name at most ten nodes')
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id'),
  limit: rowLimit(200, 50),
});

export const query = evidenceQuery({ name: 'common-connections', params, disclosed: { parameters: ['ids', 'limit'], columns: [] } });
