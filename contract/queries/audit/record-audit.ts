// Parameters of record-audit.cypher: a group of entries, every text bounded (a client's text must
// never grow the log unbounded: server/policy/audit-log.ts clips what it is given to these bounds).
import { z } from 'zod';
import { AUDIT_BOUNDS, AuditAction } from './audit-params.ts';
import { recordQuery } from '../define-query.ts';

const Entry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  userId: z.string().max(AUDIT_BOUNDS.id).nullable(),
  username: z.string().max(AUDIT_BOUNDS.id).nullable(),
  action: AuditAction,
  targetIds: z.array(z.string().max(AUDIT_BOUNDS.id)).max(AUDIT_BOUNDS.targetIds),
  query: z.string().max(AUDIT_BOUNDS.id).nullable(),
  parameters: z
    .string()
    .max(AUDIT_BOUNDS.parameters + 100)
    .nullable(),
});
export type AuditEntryParams = z.infer<typeof Entry>;

const params = z.object({ entries: z.array(Entry).min(1).max(AUDIT_BOUNDS.group) });

export const query = recordQuery({ name: 'record-audit', params, row: z.object({ written: z.number().int() }) });
