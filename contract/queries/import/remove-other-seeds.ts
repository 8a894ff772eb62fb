// Parameters of remove-other-seeds.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ limit: z.number().int().min(1).max(100_000) });

export const query = recordQuery({ name: 'remove-other-seeds', background: true, params, row: z.object({ removed: z.number().int() }) });
