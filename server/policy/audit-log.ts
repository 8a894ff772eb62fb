// The append-only audit log: who did what to which entity ids, and when. Written by the server
// only (record-audit.cypher creates, nothing updates or deletes); admins read and export it.
//
// Entries are written in group commits: while one transaction of entries is on its way to Neo4j,
// the entries of other requests gather and go together in the next one, so a hundred requests at
// once cost a few transactions, not a hundred. An idle server writes each entry at once.
//
// The durability promise: record() resolves only once the transaction holding the entry has
// committed. Evidence leaves the server after record() (policy/evidence-answers.ts), so an answer
// that shows a detainee's record is sent only after its audit entry is committed. A failed commit
// fails every request of its group: nothing shown goes unlogged.
import { createHash, randomUUID } from 'node:crypto';
import { isRetryableError } from 'neo4j-driver';
import { AUDIT_BOUNDS, type AuditAction, type AuditEntryRow } from '../../contract/queries/audit/audit-params.ts';
import type { AuditEntryParams } from '../../contract/queries/audit/record-audit.ts';
import type { ParamsOf } from '../../contract/queries/define-query.ts';
import { queries } from '../../contract/queries/index.ts';
import { DeadlinePassed, RequestCancelled } from '../errors.ts';
import { currentBudget, outsideBudget } from '../graph/budget.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import type { User } from '../queries/user-store.ts';

export type AuditEntry = AuditEntryRow;

/** Parameters that hold typed text rather than ids: a search term may be a person's name. */
const FREE_TEXT = new Set(['query', 'q', 'text', 'name', 'title']);

/** One group's transaction: far more than a group of 500 small entries needs, far less than a hung write. */
const GROUP_TIMEOUT_MS = 10_000;

/** Text clipped to `max` characters; an entry is bounded whatever a client sent. */
function clip(text: string, max: number = AUDIT_BOUNDS.id): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * Parameters as they go in the log. Free text is replaced by its length: a name typed into the search
 * box must not turn the log into a list of who is looking for whom. Not a hash: a hash of a short
 * name can be found by hashing candidate names, which is the same list by another route. Past
 * AUDIT_BOUNDS.parameters characters the text is cut, and says so.
 */
function loggedParameters(parameters: Record<string, unknown> | undefined): string | null {
  if (!parameters) return null;
  const shown = Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [key, FREE_TEXT.has(key) && typeof value === 'string' ? { textLength: value.length } : value]),
  );
  const text = JSON.stringify(shown);
  const max = AUDIT_BOUNDS.parameters;
  return text.length > max ? `${text.slice(0, max)}… (cut at ${max} of ${text.length} characters)` : text;
}

/** A one-way tag for a failed login's user name: lets an admin see repeated tries, not read typos of passwords. */
export function usernameTag(username: string): string {
  return `sha256:${createHash('sha256').update(username).digest('hex').slice(0, 16)}`;
}

/** The name an entry written by the command line gives its operator: no account, the `--as` name or the system user. */
export function commandLineOperator(who: string): string {
  return `command line: ${who}`;
}

/** What one audit entry says: the action, the entity ids it touched, and the query and parameters behind it. */
export interface AuditNote {
  action: AuditAction;
  targetIds?: string[];
  query?: string;
  parameters?: Record<string, unknown>;
  /**
   * Only where no account is known: a failed sign-in's one-way tag of the name tried, or the
   * command line's operator (`commandLineOperator`).
   */
  username?: string;
}

export interface AuditLogOptions {
  /** Entries in one transaction at most; 1 writes each entry in its own (to measure what grouping saves). */
  maxGroup?: number;
}

interface Waiting {
  entry: AuditEntryParams;
  committed: () => void;
  failed: (error: unknown) => void;
}

export class AuditLog {
  private queue: Waiting[] = [];
  private writing: Promise<void> | null = null;
  private readonly maxGroup: number;
  /** Entries and transactions written since start: what the group commit saves, in figures. */
  readonly written = { entries: 0, transactions: 0 };

  constructor(
    private readonly graph: GraphExecutor,
    private readonly log: (line: string) => void = () => {},
    options: AuditLogOptions = {},
  ) {
    this.maxGroup = Math.min(options.maxGroup ?? AUDIT_BOUNDS.group, AUDIT_BOUNDS.group);
  }

  /**
   * Records one entry for `user` (null: nobody signed in); resolves once it is committed. A failure
   * to log fails the request. A request whose budget runs out (or whose client leaves) stops waiting;
   * its entry is still written with its group: an entry too many is harmless, one too few is not.
   */
  async record(user: User | null, note: AuditNote): Promise<void> {
    const targets = [...new Set(note.targetIds ?? [])];
    const cut = targets.length > AUDIT_BOUNDS.targetIds ? { targetIdsCut: { kept: AUDIT_BOUNDS.targetIds, of: targets.length } } : {};
    const entry: AuditEntryParams = {
      id: randomUUID(),
      at: new Date().toISOString(),
      userId: user?.id ?? null,
      username: note.username ?? user?.username ?? null,
      action: note.action,
      targetIds: targets.slice(0, AUDIT_BOUNDS.targetIds).map((id) => clip(id)),
      query: note.query === undefined ? null : clip(note.query),
      parameters: loggedParameters(note.parameters || targets.length > AUDIT_BOUNDS.targetIds ? { ...cut, ...note.parameters } : undefined),
    };
    const committed = new Promise<void>((resolve, reject) => this.queue.push({ entry, committed: resolve, failed: reject }));
    this.writing ??= outsideBudget(() => this.writeGroups());
    const budget = currentBudget();
    if (!budget) return committed;
    // Within the request's own budget, like every other wait of a request.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const givenUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlinePassed()), Math.max(0, budget.deadline - Date.now()));
      onAbort = () => reject(new RequestCancelled());
      budget.signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([committed, givenUp]);
    } finally {
      clearTimeout(timer);
      budget.signal.removeEventListener('abort', onAbort!);
      committed.catch(() => {});
      givenUp.catch(() => {});
    }
  }

  /** Writes what is queued, a group per transaction, until nothing is left; one writer at a time. */
  private async writeGroups(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroup);
      try {
        const entries = { entries: group.map((waiting) => waiting.entry) };
        // Every request that shows evidence waits for this commit: one auto-commit transaction, a round trip
        // less than a managed one. Asked once more if the driver calls the failure retryable (a pooled
        // connection to a Neo4j that restarted): no entry can be written twice, its id is unique.
        const write = () => this.graph.records(queries.recordAudit, entries, { timeoutMs: GROUP_TIMEOUT_MS, autoCommit: true });
        await write().catch((error: unknown) => {
          if (!isRetryableError(error)) throw error;
          return write();
        });
        this.written.entries += group.length;
        this.written.transactions += 1;
        for (const waiting of group) waiting.committed();
      } catch (error) {
        this.log(`audit write failed for ${group.length} entr${group.length === 1 ? 'y' : 'ies'}: ${String(error)}`);
        for (const waiting of group) waiting.failed(error);
      }
    }
    this.writing = null;
  }

  /** One page of the log, newest first: at most `limit` entries after the key of the previous page's last one. */
  async list(filters: ParamsOf<typeof queries.listAudit>): Promise<AuditEntry[]> {
    return (await this.graph.records(queries.listAudit, filters)).map((row) => row.entry);
  }
}
