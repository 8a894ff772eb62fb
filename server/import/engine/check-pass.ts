// The first pass over a mapped file: every row read, mapped and checked, nothing written. It finds
// every problem the write would meet (bad values, key collisions, a node of another kind in the
// graph, a link to a node that is neither in the file nor in the graph), and learns, through a
// ledger kept on disk (id-ledger.ts), which element first gave each id, so the write pass writes
// each element once. What it keeps in memory grows by bits per element (at most about 8 MB for a 1 GB roster), never by ids.
import type { ImportProgress, MatchVerdict, SourcePlace } from '../../../contract/api/imports.ts';
import type { NodeRow } from '../../../contract/graph-rows.ts';
import { kindOf, primaryKind } from '../../../contract/model.ts';
import type { GraphExecutor } from '../../graph/executor.ts';
import type { CompiledMapping, MappedReference } from '../mapping/map-row.ts';
import type { Table } from '../readers/table.ts';
import { graphLookup } from '../validate.ts';
import { disagreements, FileNodes, findCandidates, type Verdict } from './matching.ts';
import { MAX_REPORT_ENTRIES, MAX_REPORT_MATCHES, type ReportBuilder } from './report-builder.ts';
import { type Collision, ElementBits, hash32, hash64, IdLedger, NOT_KEPT, type Settlement } from './id-ledger.ts';

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export interface CheckOptions {
  graph: GraphExecutor;
  table: Table;
  compiled: CompiledMapping;
  report: ReportBuilder;
  /** The same file opened again from its first row: a refused file's key collisions are named from it. */
  reopen: () => Promise<Table>;
  /** Also match each node against the graph, so the report lists matches before anything is written. */
  match: boolean;
  /** Stop after this many kept rows (a preview). */
  limitRows?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Pick<ImportProgress, 'rows' | 'state'>) => void;
  /**
   * Nodes and references between two look-ups of the graph (each id is one index seek): the write's
   * batch size, so that a dry run matches a row against the file's rows of its own batch and the two
   * before it (FileNodes), as the import does before the graph holds them.
   */
  lookUpEvery: number;
  /** Rows a preview keeps, as graph rows. */
  onMapped?: (nodes: NodeRow[], links: import('../../../contract/graph-rows.ts').RelationshipRow[]) => void;
}

export interface CheckResult {
  rows: number;
  keptRows: number;
  /** Elements (nodes then links of each kept row, in the file's order) that are the first of their id. */
  firstOfId: ElementBits;
}

/**
 * Ids lately sent to the graph, not sent again: an entity repeated on many rows (a post in an
 * organogram, the facility a roster's every row names) is looked up once. Cleared when full, so memory stays bounded; an entity that comes
 * back after more new ids than this is looked up again (its verdict is the same).
 */
const RECENT_IDS = 100_000;
/** References the graph did not answer for, kept in full for the report; past them the ledger keeps their lines. */
const MAX_KEPT_REFERENCES = 5_000;

interface QueuedReference {
  id: string;
  place: SourcePlace;
  reference: MappedReference;
}

interface QueuedNode {
  node: NodeRow;
  place: SourcePlace;
  /** The node's place in the file's order (the ledger's ordinal). */
  ordinal: number;
}

/** Kind conflicts and match verdicts found during the pass, reported after it for first elements only. */
class Deferred {
  private readonly conflicts: { ordinal: number; place: SourcePlace; reason: string }[] = [];
  private readonly verdicts: { ordinal: number; verdict: MatchVerdict }[] = [];
  private readonly conflictAt = new ElementBits();
  private readonly possibleAt = new ElementBits();
  private readonly matchAt = new ElementBits();

  conflict(ordinal: number, place: SourcePlace, reason: string): void {
    this.conflictAt.set(ordinal);
    if (this.conflicts.length < MAX_REPORT_ENTRIES) this.conflicts.push({ ordinal, place, reason });
  }

  match(ordinal: number, verdict: MatchVerdict): void {
    if (verdict.verdict === 'new') return;
    this.matchAt.set(ordinal);
    if (verdict.verdict === 'possible') this.possibleAt.set(ordinal);
    if (this.verdicts.length < MAX_REPORT_MATCHES) this.verdicts.push({ ordinal, verdict });
  }

  report(report: ReportBuilder, first: ElementBits, elements: number): void {
    let conflicts = 0;
    let possible = 0;
    let matches = 0;
    for (let ordinal = 0; ordinal < elements; ordinal++) {
      if (!first.has(ordinal)) continue;
      if (this.conflictAt.has(ordinal)) conflicts++;
      if (this.matchAt.has(ordinal)) matches++;
      if (this.possibleAt.has(ordinal)) possible++;
    }
    for (const { ordinal, place, reason } of this.conflicts) {
      if (!first.has(ordinal)) continue;
      report.add(place, 'id', reason);
      conflicts--;
    }
    report.addUnlisted(conflicts);
    for (const { ordinal, verdict } of this.verdicts) {
      if (!first.has(ordinal)) continue;
      report.match(verdict);
      matches--;
      if (verdict.verdict === 'possible') possible--;
    }
    report.unlistedMatches(matches, possible);
  }
}

/** A reference and what the graph holds under its id: nothing, or a node of these other labels. */
interface Unanswered extends QueuedReference {
  labels: string[] | undefined;
}

const article = (label: string) => (/^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`);

export async function checkRows(options: CheckOptions): Promise<CheckResult> {
  const ledger = await IdLedger.create();
  try {
    return await checkWithLedger(options, ledger);
  } finally {
    await ledger.dispose();
  }
}

async function checkWithLedger(options: CheckOptions, ledger: IdLedger): Promise<CheckResult> {
  const { graph, table, compiled, report } = options;
  const lookup = graphLookup(graph);
  // A reference the graph does not answer for (no node with its id, or one of another kind) is kept
  // until the ledger says whether the file makes its node; past MAX_KEPT_REFERENCES only its line is kept.
  const unanswered: Unanswered[] = [];
  const recent = new Set<string>();
  const recentReferences = new Set<string>();
  // What the graph says of a node is kept by the node's place in the file's order and reported only
  // once the ledger says that place is the first of its id: an entity named again after `recent`
  // was cleared is looked up again, but reported once. Details for the first few thousand, bits for all.
  const deferred = new Deferred();
  // Ids of rows refused for their values, by line, so a link to one is not called a link to nowhere
  // (only rows with problems add to it: at most as many as the report lists).
  const refusedOn: RefusedOn = new Map();
  // The file's own nodes of the last few look-ups: a check writes nothing, so the graph never answers for them.
  const fileNodes = new FileNodes();
  let queued: QueuedNode[] = [];
  let queuedReferences: QueuedReference[] = [];
  let rows = 0;
  let keptRows = 0;

  const lookUp = async (batch: QueuedNode[], referencesBatch: QueuedReference[]) => {
    const existing = await lookup([...batch.map(({ node }) => node.id), ...referencesBatch.map(({ id }) => id)]);
    for (const queuedReference of referencesBatch) {
      const labels = existing.get(queuedReference.id);
      if (labels && queuedReference.reference.labels.some((label) => labels.includes(label))) continue;
      const index = unanswered.length < MAX_KEPT_REFERENCES ? unanswered.push({ ...queuedReference, labels }) - 1 : NOT_KEPT;
      ledger.noteReference(queuedReference.id, index, queuedReference.place.line);
    }
    for (const { node, place, ordinal } of batch) {
      const inGraph = existing.get(node.id);
      const graphKind = inGraph ? primaryKind(inGraph) : null;
      const fileKind = primaryKind(node.labels);
      if (graphKind && graphKind !== fileKind)
        deferred.conflict(ordinal, place, `"${node.id}" is ${article(graphKind)} in the graph; this file makes it ${article(fileKind ?? '?')}`);
    }
    if (!options.match) return;
    const candidates = await findCandidates(
      graph,
      batch.map(({ node }) => node),
    );
    for (const { node, place, ordinal } of batch) {
      const verdict = fileNodes.judge(node, candidates);
      deferred.match(ordinal, toVerdict(node, place, verdict));
      reportDisagreements(report, node, place, verdict);
    }
    fileNodes.endBatch();
  };
  // The graph answers one batch while the next rows are read and mapped: one look-up in flight.
  let inFlight: Promise<void> | null = null;
  const flush = async () => {
    if (inFlight) await inFlight;
    inFlight = null;
    if (queued.length === 0 && queuedReferences.length === 0) return;
    const batch = queued;
    const referencesBatch = queuedReferences;
    queued = [];
    queuedReferences = [];
    inFlight = lookUp(batch, referencesBatch);
    // Awaited by the next flush; until then a failure must not count as unhandled.
    inFlight.catch(() => {});
  };

  try {
    for await (const row of table.rows) {
      if (options.signal?.aborted) throw new ImportCancelled('cancelled');
      rows++;
      if (rows % 1000 === 0) options.onProgress?.({ rows, state: 'validating' });
      if (!compiled.keep(row)) continue;
      keptRows++;
      const mapped = compiled.map(row);
      for (const problem of mapped.problems) {
        report.add(
          table.placeOf(row, problem.column),
          problem.column ? `${problem.column} (${problem.field})` : problem.field,
          problem.reason,
          problem.severity,
        );
      }
      const place = table.placeOf(row);
      for (const id of mapped.refused) if (refusedOn.size < MAX_REPORT_ENTRIES && !refusedOn.has(id)) refusedOn.set(id, row.line);
      for (const { row: node } of mapped.nodes) {
        const ordinal = ledger.size;
        ledger.noteElement('node', node.id, hash32(JSON.stringify(node)), row.line);
        if (recent.has(node.id)) continue;
        if (recent.size >= RECENT_IDS) recent.clear();
        recent.add(node.id);
        queued.push({ node, place, ordinal });
      }
      for (const link of mapped.links) ledger.noteElement('link', link.id, hash32(JSON.stringify(link)), row.line);
      for (const reference of mapped.references) {
        if (recentReferences.has(reference.id)) continue;
        if (recentReferences.size >= RECENT_IDS) recentReferences.clear();
        recentReferences.add(reference.id);
        queuedReferences.push({ id: reference.id, place, reference });
      }
      options.onMapped?.(
        mapped.nodes.map((node) => node.row),
        mapped.links,
      );
      if (queued.length + queuedReferences.length >= options.lookUpEvery) await flush();
      if (options.limitRows !== undefined && keptRows >= options.limitRows) break;
    }
  } catch (error) {
    // Stopped (cancelled, a file that cannot be read): the look-up in flight ends before the ledger goes.
    await (inFlight as Promise<void> | null)?.catch(() => {});
    throw error;
  }
  // The last rows' look-up, then the wait for it.
  await flush();
  await flush();

  const settlement = await ledger.settle();
  deferred.report(report, settlement.first, ledger.size);
  report.addUnlisted(settlement.collisionsLeftOut + settlement.unnamedOutsideLeftOut);
  // A reference names a node of this file or of the graph; anything else is a link to nowhere.
  for (const index of settlement.outside) reportOutside(report, unanswered[index]!, refusedOn);
  await nameFromFile(options, settlement, refusedOn);
  return { rows, keptRows, firstOfId: settlement.first };
}

type RefusedOn = Map<string, number>;

function reportOutside(report: ReportBuilder, { id, place, reference, labels }: Unanswered, refusedOn: RefusedOn): void {
  const shown = reference.shownAs;
  const refusedLine = refusedOn.get(id);
  if (!labels && refusedLine !== undefined) {
    report.add(place, `entities.${reference.alias}`, `"${shown}" is made on line ${refusedLine}, whose row has problems of its own (see there)`);
  } else if (!labels) report.add(place, `entities.${reference.alias}`, `"${shown}" is neither in the file nor in the graph`);
  else report.add(place, `entities.${reference.alias}`, `"${shown}" is ${article(kindOf(labels))} in the graph, not ${article(reference.labels[0]!)}`);
}

/**
 * The ledger knows a key collision by its element's place in the file's order, and a reference it
 * was not left to keep by its line and the hash of its id: the file is read again, as far as the
 * last of them, to name each. Only a refused file takes this pass.
 */
async function nameFromFile(options: CheckOptions, settlement: Settlement, refusedOn: RefusedOn): Promise<void> {
  const { compiled, report } = options;
  const { collisions, unnamedOutside } = settlement;
  if (collisions.length + unnamedOutside.length === 0) return;
  if (report.entries.length >= MAX_REPORT_ENTRIES) {
    // A report already full would list none of them: counted, and the file not read again.
    report.addUnlisted(collisions.length + unnamedOutside.length);
    return;
  }
  const byOrdinal = new Map(collisions.map((collision) => [collision.ordinal, collision]));
  const lastOrdinal = collisions.reduce((last, { ordinal }) => Math.max(last, ordinal), -1);
  const outsideOn = new Map<number, { h1: number; h2: number }[]>();
  for (const reference of unnamedOutside) {
    const onLine = outsideOn.get(reference.line);
    if (onLine) onLine.push(reference);
    else outsideOn.set(reference.line, [reference]);
  }
  const lastLine = unnamedOutside.reduce((last, { line }) => Math.max(last, line), -1);
  const outside: QueuedReference[] = [];
  const table = await options.reopen();
  let ordinal = 0;
  for await (const row of table.rows) {
    if (options.signal?.aborted) throw new ImportCancelled('cancelled');
    if (ordinal > lastOrdinal && row.line > lastLine) break;
    if (!compiled.keep(row)) continue;
    const mapped = compiled.map(row);
    const place = table.placeOf(row);
    // A link's ends by how the report names them: the row's own nodes and references by their keys.
    const shownEnd = (id: string) => {
      const alias = mapped.nodes.find((node) => node.row.id === id)?.alias ?? mapped.references.find((reference) => reference.id === id)?.alias;
      return alias ? compiled.shownAs(alias, row) : id;
    };
    const where = (collision: Collision) => (collision.firstLine === row.line ? 'this row' : `line ${collision.firstLine}`);
    for (const { alias } of mapped.nodes) {
      const collision = byOrdinal.get(ordinal++);
      if (collision)
        report.add(place, `entities.${alias}`, `key collision: "${compiled.shownAs(alias, row)}" is also made by ${where(collision)}, with other values`);
    }
    for (const link of mapped.links) {
      const collision = byOrdinal.get(ordinal++);
      if (collision) {
        report.add(
          place,
          link.type,
          `key collision: this ${link.type} from "${shownEnd(link.source)}" to "${shownEnd(link.target)}" is also on ${where(collision)}, with other values`,
        );
      }
    }
    const wanted = outsideOn.get(row.line);
    for (const reference of wanted ? mapped.references : []) {
      const [h1, h2] = hash64(reference.id);
      if (wanted!.some((hash) => hash.h1 === h1 && hash.h2 === h2)) outside.push({ id: reference.id, place, reference });
    }
  }
  // What the graph holds under each, for the message (nothing, or a node of another kind).
  const existing = await graphLookup(options.graph)(outside.map(({ id }) => id));
  for (const reference of outside) reportOutside(report, { ...reference, labels: existing.get(reference.id) }, refusedOn);
}

/** A warning for each value a merging row gives otherwise than the node it merges into, which keeps its own. */
export function reportDisagreements(report: ReportBuilder, node: NodeRow, place: SourcePlace, verdict: Verdict): void {
  for (const { key, kept, given } of disagreements(node, verdict)) {
    report.add(
      place,
      key,
      // A name's search keys merge with the node's (merge-import-nodes.cypher): search finds it by either.
      `"${given}" differs from "${kept}" on the node this row merges into (${verdict.reasons.join(', ')}): that node keeps "${kept}", and "${given}" is not stored${key === 'name' || key === 'nameZh' ? ' as its name, though search finds the node by it' : ''}`,
      'warning',
    );
  }
}

export function toVerdict(node: NodeRow, place: SourcePlace, verdict: Verdict): MatchVerdict {
  return {
    place,
    incomingId: node.id,
    kind: primaryKind(node.labels) ?? 'Unknown',
    name: String(node.properties.name ?? node.id),
    verdict: verdict.verdict,
    ...(verdict.existing && { existingId: verdict.existing.id, existingName: String(verdict.existing.properties.name ?? verdict.existing.id) }),
    score: verdict.score,
    reasons: verdict.reasons,
  };
}
