// The append-only audit log: who did what to which entity ids, and when. Written by the server
// only (record-audit.cypher creates, nothing updates or deletes); admins read and export it.
import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { CatalogueEntry } from '../graph/catalogue.ts';
import type { AuditAction } from '../../contract/queries/audit/audit-params.ts';
import { RequestCancelled } from '../graph/budget.ts';
import { runEntry, type QueryContext } from '../graph/run-catalogue-query.ts';
import { column, type User } from '../queries/user-store.ts';

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  action: AuditAction;
  targetIds: string[];
  query: string | null;
  parameters: string | null;
}

/** Parameters that hold typed text rather than ids: a search term may be a person's name. */
const FREE_TEXT = new Set(['query', 'q', 'text', 'name', 'title']);

/**
 * Parameters as they go in the log. Free text is replaced by its length: a name typed into the search
 * box must not turn the log into a list of who is looking for whom. Not a hash: a hash of a short
 * name can be found by hashing candidate names, which is the same list by another route.
 */
export function loggedParameters(parameters: Record<string, unknown> | undefined): string | null {
  if (!parameters) return null;
  const shown = Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [key, FREE_TEXT.has(key) && typeof value === 'string' ? { textLength: value.length } : value]),
  );
  return JSON.stringify(shown);
}

/** A one-way tag for a failed login's user name: lets an admin see repeated tries, not read typos of passwords. */
export function usernameTag(username: string): string {
  return `sha256:${createHash('sha256').update(username).digest('hex').slice(0, 16)}`;
}

export class AuditLog {
  constructor(
    private readonly context: QueryContext,
    private readonly catalogue: Map<string, CatalogueEntry>,
    private readonly log: (line: string) => void = () => {},
  ) {}

  async record(
    user: User | null,
    action: AuditAction,
    details: { targetIds?: string[]; query?: string; parameters?: Record<string, unknown>; username?: string } = {},
  ): Promise<void> {
    const entry = this.catalogue.get('record-audit')!;
    await runEntry(this.context, entry, {
      id: randomUUID(),
      at: new Date().toISOString(),
      userId: user?.id ?? null,
      username: details.username ?? user?.username ?? null,
      action,
      targetIds: [...new Set(details.targetIds ?? [])].slice(0, 10_000),
      query: details.query ?? null,
      parameters: loggedParameters(details.parameters),
    });
  }

  /** For routes: the acting user comes from the response's locals. A failure to log fails the request. */
  recordFor(res: Response, action: AuditAction, details: Parameters<AuditLog['record']>[2] = {}): Promise<void> {
    return this.record((res.locals.user as User | undefined) ?? null, action, details).catch((error: unknown) => {
      // A client that left cancels its request's writes too: nothing was shown, so nothing is missing from the log.
      if (!(error instanceof RequestCancelled)) this.log(`audit write failed for ${action}: ${String(error)}`);
      throw error;
    });
  }

  async list(filters: Record<string, unknown>): Promise<AuditEntry[]> {
    const entry = this.catalogue.get('list-audit')!;
    return (await runEntry(this.context, entry, filters)).map((record) => column<AuditEntry>(record, 'entry'));
  }
}
