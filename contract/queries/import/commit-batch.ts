// Parameters of commit-batch.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  importId: z.string().min(1),
  batchIndex: z.number().int().min(0),
  finished: z.boolean(),
});

export const query = recordQuery({ name: 'commit-batch', background: true, params, row: z.object({ committedBatches: z.number().int() }) });
