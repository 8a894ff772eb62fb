// Parameters of list-cases.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { CaseRow } from './case-params.ts';

const params = z.object({ viewerId: z.string().min(1), limit: z.number().int().min(1).max(500) });

export const query = recordQuery({ name: 'list-cases', params, row: CaseRow.extend({ items: z.number().int() }) });
