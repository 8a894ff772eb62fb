// Parameters of change-case.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { CaseId, CaseName } from './case-params.ts';

const params = z.object({
  id: CaseId,
  name: CaseName.nullable(),
  deletedAt: z.iso.datetime().nullable(),
  deletedBy: z.string().min(1).max(200).nullable(),
  changedAt: z.iso.datetime(),
});

export const query = recordQuery({ name: 'change-case', params, row: z.object({ duplicate: z.boolean(), written: z.boolean() }) });
