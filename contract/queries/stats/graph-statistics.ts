// graph-statistics.cypher takes no parameters.
import { z } from 'zod';
import { evidenceQuery } from '../define-query.ts';

const params = z.object({});

export const query = evidenceQuery({
  name: 'graph-statistics',
  params,
  disclosed: { parameters: [], columns: ['labels', 'relationshipTypes', 'syntheticNodes'] },
});
