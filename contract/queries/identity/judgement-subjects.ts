// Parameters of judgement-subjects.cypher.
import { z } from 'zod';
import { StableId } from '../../model.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ ids: z.array(StableId).min(1).max(2) });

export const query = recordQuery({ name: 'judgement-subjects', params, row: z.object({ id: z.string(), labels: z.array(z.string()) }) });
