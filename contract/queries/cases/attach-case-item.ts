// Parameters of attach-case-item.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { CaseId, CaseItemId, CaseItemKind, CaseItemRow, CaseItemTarget } from './case-params.ts';

const params = z.object({
  caseId: CaseId,
  id: CaseItemId,
  kind: CaseItemKind,
  itemId: CaseItemTarget,
  format: z.string().max(20),
  addedBy: z.string().min(1).max(200),
  addedAt: z.iso.datetime(),
});

export const query = recordQuery({ name: 'attach-case-item', params, row: CaseItemRow });
