// The append-only audit log: who did what to which entity ids, and when. Written by the server
// only (record-audit.cypher creates, nothing updates or deletes); admins read and export it.
import { createHash, randomUUID } from 'node:crypto';
import type { AuditAction, AuditEntryRow } from '../../contract/queries/audit/audit-params.ts';
import type { ParamsOf } from '../../contract/queries/define-query.ts';
import { queries } from '../../contract/queries/index.ts';
import { RequestCancelled } from '../errors.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import type { User } from '../queries/user-store.ts';

export type AuditEntry = AuditEntryRow;

/** Parameters that hold typed text rather than ids: a search term may be a person's name. */
const FREE_TEXT = new Set(['query', 'q', 'text', 'name', 'title']);

/**
 * Parameters as they go in the log. Free text is replaced by its length: a name typed into the search
 * box must not turn the log into a list of who is looking for whom. Not a hash: a hash of a short
 * name can be found by hashing candidate names, which is the same list by another route.
 */
function loggedParameters(parameters: Record<string, unknown> | undefined): string | null {
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

/** What one audit entry says: the action, the entity ids it touched, and the query and parameters behind it. */
export interface AuditNote {
  action: AuditAction;
  targetIds?: string[];
  query?: string;
  parameters?: Record<string, unknown>;
  /** Only for a failed sign-in, where no user is known: a one-way tag of the name tried. */
  username?: string;
}

export class AuditLog {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Records one entry for `user` (null: nobody signed in). A failure to log fails the request. */
  async record(user: User | null, note: AuditNote): Promise<void> {
    try {
      await this.graph.records(queries.recordAudit, {
        id: randomUUID(),
        at: new Date().toISOString(),
        userId: user?.id ?? null,
        username: note.username ?? user?.username ?? null,
        action: note.action,
        targetIds: [...new Set(note.targetIds ?? [])].slice(0, 10_000),
        query: note.query ?? null,
        parameters: loggedParameters(note.parameters),
      });
    } catch (error) {
      // A client that left cancels its request's writes too: nothing was shown, so nothing is missing from the log.
      if (!(error instanceof RequestCancelled)) this.log(`audit write failed for ${note.action}: ${String(error)}`);
      throw error;
    }
  }

  async list(filters: ParamsOf<typeof queries.listAudit>): Promise<AuditEntry[]> {
    return (await this.graph.records(queries.listAudit, filters)).map((row) => row.entry);
  }
}
