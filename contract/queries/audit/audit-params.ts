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
  'import',
  'import-undo',
  'note-write',
  'note-read',
  'note-share',
  'note-delete',
  'identity-candidates',
  'identity-judge',
  'identity-retract',
  'identity-split',
  'case-create',
  'case-rename',
  'case-delete',
  'case-read',
  'case-member-add',
  'case-member-remove',
  'case-attach',
  'case-detach',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** How much one entry may hold, and how many entries one transaction writes. */
export const AUDIT_BOUNDS = {
  /** Characters of an id, a user name or a query name. */
  id: 200,
  /**
   * Entity ids one entry names; past this the entry keeps the first ones and says how many there
   * were. A submitted export names every node it holds, and its client already had each of them
   * from an answer that was logged then: the cap keeps one request from writing megabytes to the log.
   */
  targetIds: 1_000,
  /** Characters of the logged parameters (JSON text); past this they are cut, and say so. */
  parameters: 4_000,
  /** Entries in one group commit. */
  group: 500,
  /** Entries on one page of the log as it is read. */
  page: 1_000,
} as const;

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
