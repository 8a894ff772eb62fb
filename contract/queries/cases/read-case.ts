// Parameters of read-case.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { CaseId, CaseItemRow, CaseRow } from './case-params.ts';

export const query = recordQuery({
  name: 'read-case',
  params: z.object({ id: CaseId }),
  row: z.object({ caseRecord: CaseRow, items: z.array(CaseItemRow) }),
});
