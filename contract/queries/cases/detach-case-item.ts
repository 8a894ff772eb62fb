// Parameters of detach-case-item.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { CaseId, CaseItemId } from './case-params.ts';

const params = z.object({ caseId: CaseId, id: CaseItemId, changedAt: z.iso.datetime() });

export const query = recordQuery({ name: 'detach-case-item', params, row: z.object({ id: z.string() }) });
