// Parameters of existing-nodes.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

/** Ids are checked only for being text: a `sources` entry need not be a well-formed id to be looked up. */
const params = z.object({
  ids: z.array(z.string().min(1)).min(1).max(10_000),
  limit: z.number().int().min(1).max(10_000),
});

export const query = recordQuery({ name: 'existing-nodes', params, row: z.object({ id: z.string(), labels: z.array(z.string()) }) });
