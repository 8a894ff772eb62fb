// Parameters of list-judgements.cypher.
import { z } from 'zod';
import { StableId } from '../../model.ts';
import { recordQuery } from '../define-query.ts';
import { JudgementRow } from './identity-params.ts';

const params = z.object({
  nodeIds: z.array(StableId).max(1_000).nullable().default(null),
  includeRetracted: z.boolean().default(false),
  limit: z.number().int().min(1).max(100_000).default(10_000),
});

export const query = recordQuery({ name: 'list-judgements', params, row: JudgementRow });
