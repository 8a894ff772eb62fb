// Parameters of set-case-member.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { CaseId } from './case-params.ts';

const params = z.object({
  id: CaseId,
  userId: z.string().min(1).max(200),
  username: z.string().min(1).max(200),
  add: z.boolean(),
  changedAt: z.iso.datetime(),
});

export const query = recordQuery({ name: 'set-case-member', params, row: z.object({ members: z.array(z.string()) }) });
