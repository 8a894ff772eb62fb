// Parameters of photos-of.cypher.
import { z } from 'zod';
import { EntityId, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({
  ids: z.array(EntityId).min(1, 'must name at least one person').max(500, 'must name at most 500 people'),
  limit: rowLimit(1_000, 200),
});

export const query = evidenceQuery({ name: 'photos-of', params, disclosed: { parameters: ['ids', 'limit'], columns: [] } });
