// Parameters of who-is-responsible.cypher.
import { z } from 'zod';
import { AsOf, EntityId, rowLimit } from '../params.ts';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({ id: EntityId, asOf: AsOf, limit: rowLimit(500, 100) });

export const query = evidenceQuery({
  name: 'who-is-responsible',
  params,
  disclosed: { parameters: ['id', 'asOf', 'limit'], columns: ['strength', 'weakestLinkId', 'head', 'title', 'distance'] },
});
