// Parameters of retract-judgements.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { JudgementId } from './identity-params.ts';

const params = z.object({ ids: z.array(JudgementId).min(1).max(10_000), retractedAt: z.iso.datetime(), author: z.string().min(1).max(200) });

export const query = recordQuery({ name: 'retract-judgements', params, row: z.object({ id: z.string() }) });
