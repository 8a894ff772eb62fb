// Parameters of sanctions-of.cypher.
import { z } from 'zod';
import { EntityId, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({
  ids: z.array(EntityId).min(1).max(500),
  limit: rowLimit(500, 200),
});

export const query = evidenceQuery({
  name: 'sanctions-of',
  params,
  // A chain's own columns too: GET /api/chain/:id/sanctions answers the chain and its sanctions as one.
  disclosed: { parameters: ['ids', 'limit'], columns: ['sanctioned', 'notSanctioned', 'strength', 'weakestLinkId', 'hops'] },
});
