// Parameters of touch-store.cypher: none.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({});

export const query = recordQuery({
  name: 'touch-store',
  params,
  warm: 'plan',
  row: z.object({ touched: z.object({ nodes: z.number().int(), relationships: z.number().int() }) }),
});
