// Parameters of create-judgement.cypher.
import { z } from 'zod';
import { StableId } from '../../model.ts';
import { recordQuery } from '../define-query.ts';
import { JudgementId, JudgementNote, JudgementRow, Verdict } from './identity-params.ts';

const params = z.object({
  id: JudgementId,
  leftId: StableId,
  rightId: StableId,
  verdict: Verdict,
  note: JudgementNote,
  reasons: z.string().max(20_000).nullable(),
  author: z.string().min(1).max(200),
  judgedAt: z.iso.datetime(),
});

export const query = recordQuery({ name: 'create-judgement', params, row: JudgementRow });
