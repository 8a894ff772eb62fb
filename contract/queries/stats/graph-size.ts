// Parameters of graph-size.cypher: none.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({});

export const query = recordQuery({
  name: 'graph-size',
  params,
  row: z.object({ size: z.object({ nodes: z.number().int(), relationships: z.number().int() }) }),
});
