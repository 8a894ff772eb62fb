// Parameters of create-case.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { CaseId, CaseName } from './case-params.ts';

const params = z.object({
  id: CaseId,
  name: CaseName,
  owner: z.string().min(1).max(200),
  ownerName: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
});

export const query = recordQuery({ name: 'create-case', params, row: z.object({ duplicate: z.boolean(), written: z.boolean() }) });
