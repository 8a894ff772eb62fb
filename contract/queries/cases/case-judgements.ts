// Parameters of case-judgements.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { JudgementRow } from '../identity/identity-params.ts';
import { CASE_LIMITS } from './case-params.ts';

const params = z.object({ ids: z.array(z.string().min(1).max(200)).max(CASE_LIMITS.items) });

export const query = recordQuery({ name: 'case-judgements', params, row: JudgementRow });
