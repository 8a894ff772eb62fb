// The first pass over a mapped file: every row read, mapped and checked, nothing written. It finds
// every problem the write would meet (bad values, key collisions, a node of another kind in the
// graph, a link to a node that is neither in the file nor in the graph), and remembers, in bounded
// memory, which line first gave each id, so the write pass writes each element once.
import type { ImportProgress, MatchVerdict, SourcePlace } from '../../../contract/api/imports.ts';
import type { NodeRow } from '../../../contract/graph-rows.ts';
import { kindOf, primaryKind } from '../../../contract/model.ts';
import type { GraphExecutor } from '../../graph/executor.ts';
import type { CompiledMapping, MappedReference } from '../mapping/map-row.ts';
import type { Table } from '../readers/table.ts';
import { graphLookup } from '../validate.ts';
import { findCandidates, verdictOf } from './matching.ts';
import type { ReportBuilder } from './report-builder.ts';
import { hash32, SeenKeys } from './seen-keys.ts';

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export interface CheckOptions {
  graph: GraphExecutor;
  table: Table;
  compiled: CompiledMapping;
  report: ReportBuilder;
  /** Ids the file may hold, from its size: the id tables are made that big at once. */
  expectedIds: number;
  /** Also match each node against the graph, so the report lists matches before anything is written. */
  match: boolean;
  /** Stop after this many kept rows (a preview). */
  limitRows?: number;
  signal?: AbortSignal;
  onProgress?: (progress: Pick<ImportProgress, 'rows' | 'state'>) => void;
  /** Rows a preview keeps, as graph rows. */
  onMapped?: (nodes: NodeRow[], links: import('../../../contract/graph-rows.ts').RelationshipRow[]) => void;
}

export interface CheckResult {
  rows: number;
  keptRows: number;
  nodesSeen: SeenKeys;
  linksSeen: SeenKeys;
}

/** Rows between two look-ups of the graph: each id is one index seek. */
const LOOKUP_BATCH = 5_000;

const article = (label: string) => (/^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`);

export async function checkRows(options: CheckOptions): Promise<CheckResult> {
  const { graph, table, compiled, report } = options;
  const lookup = graphLookup(graph);
  const nodesSeen = new SeenKeys(options.expectedIds);
  const linksSeen = new SeenKeys(options.expectedIds);
  const references = new Map<string, { place: SourcePlace; reference: MappedReference }>();
  let queued: { node: NodeRow; place: SourcePlace }[] = [];
  let rows = 0;
  let keptRows = 0;

  const flush = async () => {
    if (queued.length === 0) return;
    const batch = queued;
    queued = [];
    const existing = await lookup(batch.map(({ node }) => node.id));
    for (const { node, place } of batch) {
      const inGraph = existing.get(node.id);
      const graphKind = inGraph ? primaryKind(inGraph) : null;
      const fileKind = primaryKind(node.labels);
      if (graphKind && graphKind !== fileKind)
        report.add(place, 'id', `"${node.id}" is ${article(graphKind)} in the graph; this file makes it ${article(fileKind ?? '?')}`);
    }
    if (!options.match) return;
    const candidates = await findCandidates(
      graph,
      batch.map(({ node }) => node),
    );
    for (const { node, place } of batch) report.match(toVerdict(node, place, verdictOf(node, candidates)));
  };

  for await (const row of table.rows) {
    if (options.signal?.aborted) throw new ImportCancelled('cancelled');
    rows++;
    if (rows % 1000 === 0) options.onProgress?.({ rows, state: 'validating' });
    if (!compiled.keep(row)) continue;
    keptRows++;
    const mapped = compiled.map(row);
    for (const problem of mapped.problems) {
      report.add(table.placeOf(row, problem.column), problem.column ? `${problem.column} (${problem.field})` : problem.field, problem.reason, problem.severity);
    }
    const place = table.placeOf(row);
    for (const { alias, row: node } of mapped.nodes) {
      const seen = nodesSeen.note(node.id, hash32(JSON.stringify(node)), row.line);
      if (seen.first) queued.push({ node, place });
      else if (!seen.same) {
        report.add(
          place,
          `entities.${alias}`,
          `key collision: "${node.id}" is also made by ${seen.line === row.line ? 'this row' : `line ${seen.line}`}, with other values`,
        );
      }
    }
    for (const link of mapped.links) {
      const seen = linksSeen.note(link.id, hash32(JSON.stringify(link)), row.line);
      if (!seen.first && !seen.same) {
        report.add(
          place,
          link.type,
          `key collision: this ${link.type} from "${link.source}" to "${link.target}" is also on ${seen.line === row.line ? 'this row' : `line ${seen.line}`}, with other values`,
        );
      }
    }
    for (const reference of mapped.references) if (!references.has(reference.id)) references.set(reference.id, { place, reference });
    options.onMapped?.(
      mapped.nodes.map((node) => node.row),
      mapped.links,
    );
    if (queued.length >= LOOKUP_BATCH) await flush();
    if (options.limitRows !== undefined && keptRows >= options.limitRows) break;
  }
  await flush();

  // A reference names a node of this file or of the graph; anything else is a link to nowhere.
  const outside = [...references.entries()].filter(([id]) => nodesSeen.firstLine(id) === undefined);
  for (let start = 0; start < outside.length; start += LOOKUP_BATCH) {
    const chunk = outside.slice(start, start + LOOKUP_BATCH);
    const existing = await lookup(chunk.map(([id]) => id));
    for (const [id, { place, reference }] of chunk) {
      const labels = existing.get(id);
      if (!labels) report.add(place, `entities.${reference.alias}`, `"${id}" is neither in the file nor in the graph`);
      else if (!reference.labels.some((label) => labels.includes(label))) {
        report.add(place, `entities.${reference.alias}`, `"${id}" is ${article(kindOf(labels))} in the graph, not ${article(reference.labels[0]!)}`);
      }
    }
  }
  return { rows, keptRows, nodesSeen, linksSeen };
}

export function toVerdict(node: NodeRow, place: SourcePlace, verdict: ReturnType<typeof verdictOf>): MatchVerdict {
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
