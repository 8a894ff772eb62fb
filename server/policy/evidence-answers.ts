// The one door evidence leaves the server by. Every Result a route sends (a curated query's answer,
// a chain, a view's graph, an export) passes through here: it is recorded in the audit log, then
// withheld as the reader's role requires. Routes never redact or audit evidence by hand.
import type { EvidenceQuery } from '../../contract/queries/define-query.ts';
import { queries } from '../../contract/queries/index.ts';
import type { Result } from '../../contract/result.ts';
import type { FieldNaming, GraphExecutor } from '../graph/executor.ts';
import type { User } from '../queries/user-store.ts';
import type { AuditLog, AuditNote } from './audit-log.ts';
import { redacts, withhold, withholdSearch, type WithholdOptions } from './withhold.ts';

/** Who an answer is for: the signed-in user (null never reaches evidence: routes sit behind the session gate). */
export type Reader = User | null;

export interface RedactionSettings {
  /** REDACT=1: personal data of victims is withheld from everyone, admins included (a public demo). */
  redactAll: boolean;
  /** Keys the pseudonyms. */
  secret: string;
}

/** Queries that find people by what a reader types: an answer must not tell whether a protected name exists. */
const SEARCHES: ReadonlySet<EvidenceQuery> = new Set([queries.fullTextNames]);

export class EvidenceAnswers {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly audit: AuditLog,
    private readonly settings: RedactionSettings,
  ) {}

  private options(reader: Reader): WithholdOptions {
    // No reader should never reach here; if one does, redact.
    return { role: reader?.role ?? 'viewer', redactAll: this.settings.redactAll, secret: this.settings.secret };
  }

  /** Whether this reader gets redacted answers (viewers, and everyone under REDACT=1). */
  redacts(reader: Reader): boolean {
    return redacts(this.options(reader));
  }

  /**
   * Runs an evidence query for a reader: `raw` parameters checked (400 naming each field), the run
   * recorded as `note` says, the answer withheld for the reader's role.
   */
  async ask(reader: Reader, query: EvidenceQuery, raw: unknown, note: (result: Result) => AuditNote, naming: FieldNaming = {}): Promise<Result> {
    const result = await this.graph.evidence(query, raw, naming);
    await this.audit.record(reader, note(result));
    return SEARCHES.has(query) ? withholdSearch(result, this.options(reader)) : withhold(result, this.options(reader));
  }

  /** A Result the server assembled (a chain, a view's graph, a submitted export) on its way to a reader. */
  async disclose(reader: Reader, result: Result, note: AuditNote | null): Promise<Result> {
    if (note) await this.audit.record(reader, note);
    return withhold(result, this.options(reader));
  }
}
