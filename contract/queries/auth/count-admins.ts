// count-admins.cypher takes no parameters.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const params = z.object({});

export const query = recordQuery({ name: 'count-admins', params, row: z.object({ counts: z.object({ admins: z.number().int() }) }) });
