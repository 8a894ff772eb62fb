// Parameters of mark-import.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({ importId: z.string().min(1), status: z.enum(['undoing', 'undone']), by: z.string().min(1), at: z.iso.datetime() });

export const query = recordQuery({ name: 'mark-import', params, row: z.object({ status: z.string() }) });
