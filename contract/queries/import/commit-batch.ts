// Parameters of commit-batch.cypher.
import { z } from 'zod';

export const params = z.object({
  importId: z.string().min(1),
  batchIndex: z.number().int().min(0),
  finished: z.boolean(),
});
