// Parameters of retire-other-seeds.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ importId: z.string().startsWith('seed:') });

export const query = recordQuery({ name: 'retire-other-seeds', background: true, params, row: z.object({ retired: z.number().int() }) });
