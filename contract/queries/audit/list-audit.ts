// Parameters of list-audit.cypher.
import { z } from 'zod';
import { AUDIT_BOUNDS, AuditAction, AuditEntryRow } from './audit-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  userId: z.string().nullable().default(null),
  action: AuditAction.nullable().default(null),
  from: z.iso.datetime({ offset: true }).nullable().default(null),
  to: z.iso.datetime({ offset: true }).nullable().default(null),
  afterAt: z.string().max(64).nullable().default(null),
  afterId: z.string().max(AUDIT_BOUNDS.id).nullable().default(null),
  // One more than a page: the extra entry tells whether another page follows.
  limit: z
    .number()
    .int()
    .min(1)
    .max(AUDIT_BOUNDS.page + 1)
    .default(100),
});

export const query = recordQuery({ name: 'list-audit', params, row: z.object({ entry: AuditEntryRow }) });
