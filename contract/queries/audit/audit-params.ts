// Parameter schemas shared by the audit-log queries.
import { z } from 'zod';

export const AuditAction = z.enum([
  'login',
  'login-failed',
  'logout',
  'search',
  'node-open',
  'photo-open',
  'chain',
  'query',
  'cypher',
  'view-save',
  'view-open',
  'view-delete',
  'view-share',
  'export',
  'user-create',
  'user-update',
  'token-create',
  'token-revoke',
  'password-change',
  'audit-export',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** One entry as the log is read; `at` as Neo4j writes a date-time, `parameters` as logged (JSON text). */
export const AuditEntryRow = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: AuditAction,
  targetIds: z.array(z.string()),
  query: z.string().nullable(),
  parameters: z.string().nullable(),
});
export type AuditEntryRow = z.infer<typeof AuditEntryRow>;
