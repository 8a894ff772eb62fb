// Parameters of timeline.cypher.
import { z } from 'zod';
import { EntityId, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({
  ids: z.array(EntityId).min(1, 'must name at least one node').max(50, 'must name at most fifty nodes'),
  limit: rowLimit(5_000, 500),
});

export const query = evidenceQuery({ name: 'timeline', params, disclosed: { parameters: ['ids', 'limit'], columns: ['event'] } });
