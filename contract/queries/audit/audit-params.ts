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
  'audit-export',
]);
export type AuditAction = z.infer<typeof AuditAction>;
