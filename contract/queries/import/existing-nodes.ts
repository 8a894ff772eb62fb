// Parameters of existing-nodes.cypher.
import { z } from 'zod';

/** Ids are checked only for being text: a `sources` entry need not be a well-formed id to be looked up. */
export const params = z.object({
  ids: z.array(z.string().min(1)).min(1).max(10_000),
  limit: z.number().int().min(1).max(10_000),
});
