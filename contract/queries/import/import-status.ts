// Parameters of import-status.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ importId: z.string().min(1) });

export const query = recordQuery({ name: 'import-status', params, row: z.object({ status: z.string(), committedBatches: z.number().int() }) });
