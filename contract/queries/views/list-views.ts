// Parameters of list-views.cypher.
import { z } from 'zod';

export const params = z.object({
  viewerId: z.string().min(1),
  mine: z.boolean().default(false),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
