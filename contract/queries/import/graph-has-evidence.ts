// Parameters of graph-has-evidence.cypher: none.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({});

export const query = recordQuery({ name: 'graph-has-evidence', params, row: z.object({ state: z.object({ seeded: z.boolean() }) }) });
