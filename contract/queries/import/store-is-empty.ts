// Parameters of store-is-empty.cypher: none.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({});

export const query = recordQuery({ name: 'store-is-empty', background: true, params, row: z.object({ state: z.object({ empty: z.boolean() }) }) });
