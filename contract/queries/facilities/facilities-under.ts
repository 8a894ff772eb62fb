// Parameters of facilities-under.cypher.
import { z } from 'zod';
import { AsOf, EntityId, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ id: EntityId, asOf: AsOf, limit: rowLimit(500, 100) });

export const query = evidenceQuery({
  name: 'facilities-under',
  params,
  disclosed: { parameters: ['id', 'asOf', 'limit'], columns: ['strength', 'weakestLinkId', 'distance'] },
});
