// Parameters of list-users.cypher.
import { z } from 'zod';

export const params = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
