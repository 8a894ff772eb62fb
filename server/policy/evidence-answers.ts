// The one door evidence, and what analysts wrote about it, leaves the server by. Every Result a route
// sends (a curated query's answer, a chain, a view's graph, an export) passes through here: it is
// recorded in the audit log, then withheld as the reader's role requires. Saved views, their versions
// and the audit log leave through here too. Routes never redact or audit evidence by hand.
import type { NoteAnswer } from '../../contract/api/notes.ts';
import type { ViewChanges } from '../../contract/api/views.ts';
import type { ViewDocument } from '../../contract/api/saved-view.ts';
import type { EvidenceQuery, ResultQuery } from '../../contract/queries/define-query.ts';
import { queries } from '../../contract/queries/index.ts';
import { mergeResults, type Json, type Result } from '../../contract/result.ts';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { Forbidden, HttpProblem } from '../errors.ts';
import { asJsonParameters, type FieldNaming, type GraphExecutor } from '../graph/executor.ts';
import { holdsAppRecord, refusalOf } from './admin-cypher.ts';
import type { IdentityStore } from '../queries/identity-store.ts';
import type { NoteSearch } from '../queries/note-store.ts';
import type { User } from '../queries/user-store.ts';
import type { VersionRecord, ViewRecord } from '../queries/view-store.ts';
import type { AuditEntry, AuditLog, AuditNote } from './audit-log.ts';
import { resolveIdentities, visibleIdentities } from './identity-resolution.ts';
import { redacts, withhold, type WithholdOptions } from './withhold.ts';
import { withholdAuditEntry } from './withhold-audit.ts';
import { noteWordsReadBy, withholdNote } from './withhold-notes.ts';
import { withholdCase } from './withhold-cases.ts';
import type { CaseAnswer } from '../../contract/api/cases.ts';
import type { CaseRow } from '../../contract/queries/cases/case-params.ts';
import type { NoteRow } from '../../contract/queries/notes/note-params.ts';
import {
  readsOwnWords,
  storedGraphFor,
  withholdChanges,
  withholdDocument,
  withholdVersionInfo,
  withholdViewRecord,
  type ViewReader,
} from './withhold-views.ts';

/** Who an answer is for: the signed-in user (null never reaches evidence: routes sit behind the session gate). */
export type Reader = User | null;

export interface RedactionSettings {
  /** REDACT=1: personal data of victims is withheld from everyone, admins included (a public demo). */
  redactAll: boolean;
  /** Keys the pseudonyms. */
  secret: string;
}

/**
 * Queries whose question itself would use what a redacted reader may not see, and what such a reader
 * asks instead. A search by what a reader types runs over an index that holds no victim's name, so
 * the answer (its `meta` and its cost included) is the same for a real name as for a made-up one.
 * Common connections and paths run only over the links the reader receives: withholding their
 * answers afterwards could not undo a node that a withheld link selected (the detainees a village and
 * a camp share are exactly those who live in the one and are held in the other). An expansion and
 * the counts of a node's links count only those links, so neither a page cut short (meta.truncated)
 * nor a count says how many relatives or residents were withheld.
 */
const REDACTED_QUESTIONS: ReadonlyMap<ResultQuery, ResultQuery> = new Map<ResultQuery, ResultQuery>([
  [queries.fullTextNames, queries.publicNames],
  [queries.expandNeighbourhood, queries.publicExpandNeighbourhood],
  [queries.relationshipCounts, queries.publicRelationshipCounts],
  [queries.commonConnections, queries.publicCommonConnections],
  [queries.shortestPath, queries.publicShortestPath],
  [queries.allShortestPaths, queries.publicAllShortestPaths],
]);

/** A saved view as it opens: its record, the version, the document, what changed and the graph. */
export interface OpenedView {
  view: ViewRecord;
  version: VersionRecord;
  document: Omit<ViewDocument, 'snapshot'>;
  changes: ViewChanges;
  graph: Result;
}

export class EvidenceAnswers {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly audit: AuditLog,
    private readonly settings: RedactionSettings,
    private readonly identities: IdentityStore,
  ) {}

  /** Records judged one person answer as one node (identity-resolution.ts); before withholding, which then applies to it. */
  private async resolve(reader: Reader, result: Result): Promise<Result> {
    return resolveIdentities(result, await this.identities.index(), this.redacts(reader));
  }

  /**
   * A question about one record asked of every record judged the same person (their chains, their
   * details), the answers merged, as if about `id` alone. A record in no identity (or one the reader
   * is not shown merged) is asked about once.
   */
  async overMembers(reader: Reader, id: string, run: (memberId: string) => Promise<Result>): Promise<Result> {
    // The record itself is asked about while the identities are read (a round trip when they are not
    // cached): its answer is needed either way, alone or as one member's.
    const own = run(id);
    // Awaited below, unless reading the identities fails first: never an unhandled rejection.
    own.catch(() => {});
    const identity = visibleIdentities(await this.identities.index(), this.redacts(reader))(id);
    if (!identity) return own;
    const answers: Result[] = [];
    // The other members one after another: each member's question is a full query, and the request budget is shared.
    for (const member of identity.members) answers.push(member === id ? await own : await run(member));
    const merged = answers.reduce(mergeResults);
    const first = answers[identity.members.indexOf(id)] ?? answers[0]!;
    return { ...merged, meta: { ...first.meta, truncated: answers.some((answer) => answer.meta.truncated) } };
  }

  private options(reader: Reader): WithholdOptions {
    // No reader should never reach here; if one does, redact.
    return { role: reader?.role ?? 'viewer', redactAll: this.settings.redactAll, secret: this.settings.secret };
  }

  private viewReader(reader: Reader): ViewReader {
    return { id: reader?.id ?? null, redacted: this.redacts(reader) };
  }

  /** Whether this reader gets redacted answers (viewers, and everyone under REDACT=1). */
  redacts(reader: Reader): boolean {
    return redacts(this.options(reader));
  }

  /** The query a reader's question is run as: for a redacted reader, one over what they may see (REDACTED_QUESTIONS), or the query itself. */
  questionFor(reader: Reader, query: ResultQuery): ResultQuery {
    return (this.redacts(reader) && REDACTED_QUESTIONS.get(query)) || query;
  }

  /**
   * `work` done while `note` is recorded: the answer waits for both, so nothing leaves before its audit
   * entry is committed, but the commit no longer follows the query (who asked what about which ids is
   * known before the answer). A failed entry fails the answer; a failed run leaves an entry for an
   * answer never sent, which is harmless (audit-log.ts), and its own error is the one reported.
   */
  private async recordedWhile<T>(reader: Reader, note: AuditNote, work: () => Promise<T>): Promise<T> {
    const recorded = this.audit.record(reader, note);
    // work() inside the chain: even a synchronous throw leaves `recorded` awaited, never an unhandled rejection.
    const [answer, entry] = await Promise.allSettled([Promise.resolve().then(work), recorded]);
    if (answer.status === 'rejected') throw answer.reason;
    if (entry.status === 'rejected') throw entry.reason;
    return answer.value;
  }

  /**
   * Runs an evidence query for a reader: `raw` parameters checked (400 naming each field, before anything
   * runs or is recorded), the run recorded as `note` says of the checked parameters, the answer withheld
   * for the reader's role.
   */
  async ask(
    reader: Reader,
    query: EvidenceQuery,
    raw: unknown,
    note: (parameters: Record<string, Json>) => AuditNote,
    naming: FieldNaming = {},
  ): Promise<Result> {
    const asked = this.questionFor(reader, query);
    const checked = this.graph.checkedParameters(asked, raw, naming);
    const about = typeof checked.id === 'string' ? checked.id : null;
    const found = await this.recordedWhile(reader, note(asJsonParameters(checked)), () =>
      about ? this.overMembers(reader, about, (id) => this.graph.checkedEvidence(asked, { ...checked, id })) : this.graph.checkedEvidence(asked, checked),
    );
    // Withheld by what the query run discloses (a stand-in may disclose what the query it stands for does not),
    // then answered under the name the reader asked for: the stand-in is how, not what.
    const withheld = withhold(await this.resolve(reader, found), this.options(reader));
    return asked === query ? withheld : { ...withheld, meta: { ...withheld.meta, query: query.name } };
  }

  /**
   * A Result the server assembles (a chain, a node, a submitted export) on its way to a reader: `note`
   * is recorded while `assemble` runs, then the answer is withheld.
   */
  async disclose(reader: Reader, note: AuditNote, assemble: () => Promise<Result>): Promise<Result> {
    const result = await this.recordedWhile(reader, note, assemble);
    return withhold(await this.resolve(reader, result), this.options(reader));
  }

  /**
   * A submitted export, too large to withhold on the event loop: `prepare` checks, withholds (by
   * withhold() with the options it is given) and renders it in a worker thread, and says what was
   * submitted; that is recorded before the file leaves, as for every other answer.
   */
  async discloseFile<F>(reader: Reader, prepare: (withholding: WithholdOptions) => Promise<{ file: F; note: AuditNote }>): Promise<F> {
    const { file, note } = await prepare(this.options(reader));
    await this.audit.record(reader, note);
    return file;
  }

  /** A view's record (in a list, or after a change): another analyst's title is withheld from a redacted reader. */
  viewRecord<T extends ViewRecord>(reader: Reader, view: T): T {
    return withholdViewRecord(view, this.viewReader(reader));
  }

  versionInfo<T extends VersionRecord>(reader: Reader, view: ViewRecord, version: T): T {
    return withholdVersionInfo(version, view, this.viewReader(reader));
  }

  /**
   * A view as it opens, recorded as opened while `open` reads it: its graph withheld, and its document
   * and changes only about what that graph still holds.
   */
  async openedView(reader: Reader, view: ViewRecord, open: () => Promise<Omit<OpenedView, 'view'>>): Promise<OpenedView> {
    const opened = await this.recordedWhile(reader, { action: 'view-open', targetIds: [view.id] }, open);
    const viewReader = this.viewReader(reader);
    const graph = storedGraphFor(withhold(await this.resolve(reader, opened.graph), this.options(reader)), opened.document, view, viewReader);
    return {
      view: withholdViewRecord(view, viewReader),
      version: withholdVersionInfo(opened.version, view, viewReader),
      document: withholdDocument(opened.document, view, viewReader, graph),
      changes: withholdChanges(opened.changes, viewReader, graph),
      graph,
    };
  }

  /** Whether this reader gets a view's own words (titles, notes, searched text): its owner, or any unredacted reader. */
  readsViewWords(reader: Reader, view: ViewRecord): boolean {
    return readsOwnWords(this.viewReader(reader), view);
  }

  /**
   * A view's title and notes as a report made from it prints them: withheld from a redacted reader who
   * does not own the view, by the same rule as the document the view opens with.
   */
  viewWords(reader: Reader, view: ViewRecord, document: ViewDocument): { title: string; notes: string } {
    const shown = withholdDocument(document, view, this.viewReader(reader), null);
    return { title: shown.title, notes: shown.notes };
  }

  /** A saved document answered to the one who just saved it: their own words. */
  savedDocument<T extends Omit<ViewDocument, 'snapshot'>>(reader: Reader, view: ViewRecord, document: T): T {
    return withholdDocument(document, view, this.viewReader(reader), null);
  }

  /**
   * An admin's raw Cypher, recorded before it runs (its text by length only: it may name people), then
   * run only if Neo4j's plan for it stays inside the evidence graph (admin-cypher.ts). Under REDACT=1 it
   * is off: a query can test a victim's name or birth date in ways no filter on its answer could hide.
   */
  async rawCypher(reader: Reader, cypher: string, parameters: Record<string, unknown>): Promise<Neo4jRecord[]> {
    if (this.redacts(reader)) {
      throw new Forbidden('Raw Cypher is off on a server that redacts for everyone (REDACT=1): a query could test victims’ personal data.');
    }
    await this.audit.record(reader, {
      action: 'cypher',
      query: 'admin-cypher',
      parameters: { textLength: cypher.length, parameterCount: Object.keys(parameters).length },
    });
    const refused = refusalOf(await this.graph.rawPlan(cypher, parameters));
    if (refused) throw new HttpProblem(400, 'Cypher refused', `Refused: ${refused}.`);
    const records = await this.graph.rawRead(cypher, parameters);
    if (records.some((record) => holdsAppRecord(record.toObject()))) {
      throw new HttpProblem(400, 'Cypher refused', 'Refused: the answer held one of the app’s own records (labels starting with "_").');
    }
    return records;
  }

  /** Analysts' notes on their way to a reader, recorded as read: another analyst's words withheld from a redacted reader. */
  async notes(reader: Reader, rows: NoteRow[], targetIds: string[]): Promise<NoteAnswer[]> {
    await this.audit.record(reader, { action: 'note-read', targetIds: [...targetIds, ...rows.map((row) => row.id)] });
    return rows.map((row) => withholdNote(row, this.viewReader(reader)));
  }

  /**
   * A search of notes for `text` as this reader may make it: over the words they would receive only, so a
   * note whose words are withheld from them is never kept or dropped by what it says (else the search
   * would read them back a guess at a time).
   */
  noteSearch(reader: Reader, text: string | null): NoteSearch | null {
    return text === null ? null : { text, wordsOf: noteWordsReadBy(this.viewReader(reader)) };
  }

  /** One note answered to who just wrote or changed it. */
  note(reader: Reader, row: NoteRow): NoteAnswer {
    return withholdNote(row, this.viewReader(reader));
  }

  /** A case's own record as this reader may see it: its name withheld from a redacted reader who does not own it. */
  caseRecord(reader: Reader, record: CaseRow): CaseAnswer {
    return withholdCase(record, this.viewReader(reader));
  }

  /** Audit entries for an admin: under REDACT=1, only what the log's allow-list names. */
  auditEntries(reader: Reader, entries: AuditEntry[]): AuditEntry[] {
    return this.redacts(reader) ? entries.map(withholdAuditEntry) : entries;
  }
}
