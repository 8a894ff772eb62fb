// Parameters of rehearsal-subjects.cypher: the one row's cap (every read query has one).
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ limit: z.number().int().min(1).max(1).default(1) });

export const query = recordQuery({
  name: 'rehearsal-subjects',
  params,
  row: z.object({ ids: z.array(z.string()) }),
});
