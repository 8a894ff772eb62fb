// The second pass over a mapped file, after the first found nothing wrong: the rows read and mapped
// again, each element taken where its id first came (the check pass's ledger says which, by the
// element's place in the file's order), each batch's nodes matched against the
// graph (the same id or ID number merges into the existing node, whose id the batch's links then
// use), and handed to runImport as batches that merge with claims.
import type { SourcePlace } from '../../../contract/api/imports.ts';
import type { GraphBatch, NodeRow, RelationshipRow } from '../../../contract/graph-rows.ts';
import type { GraphExecutor } from '../../graph/executor.ts';
import type { CompiledMapping } from '../mapping/map-row.ts';
import type { Table } from '../readers/table.ts';
import { ImportCancelled, reportDisagreements, toVerdict } from './check-pass.ts';
import { FileNodes, findCandidates, mergedInto } from './matching.ts';
import { loadGazetteer, placeLinks } from './place-links.ts';
import { linkId } from '../mapping/stable-ids.ts';
import type { ReportBuilder } from './report-builder.ts';
import type { ElementBits } from './id-ledger.ts';

export interface WriteOptions {
  graph: GraphExecutor;
  table: Table;
  compiled: CompiledMapping;
  report: ReportBuilder;
  /** From the check pass: the elements, counted in the same order, that are the first of their id. */
  firstOfId: ElementBits;
  batchSize: number;
  signal?: AbortSignal;
  onRows?: (rows: number) => void;
}

export async function* writeBatches(options: WriteOptions): AsyncGenerator<GraphBatch> {
  const { graph, table, compiled, report, firstOfId } = options;
  /** Incoming ids merged into a node of another id: the links of this and later batches follow. */
  const merges = new Map<string, string>();
  let nodes: { node: NodeRow; place: SourcePlace }[] = compiled.fileDocument ? [{ node: compiled.fileDocument, place: table.placeOf({ line: 0 }) }] : [];
  let links: RelationshipRow[] = [];
  // Read once per import: the places a facility's county may name (contract/gazetteer.ts).
  const gazetteer = await loadGazetteer(graph);
  const fileNodes = new FileNodes();

  const prepare = async (): Promise<GraphBatch> => {
    const candidates = await findCandidates(
      graph,
      nodes.map(({ node }) => node),
    );
    // A node the look-up did not find by its id is new; so is every link with a new node at one end.
    const newIds = new Set<string>();
    const written: NodeRow[] = [];
    const placed: RelationshipRow[] = [];
    for (const { node, place } of nodes) {
      if (node === compiled.fileDocument) {
        written.push(node);
        if (!candidates.withId(node.id)) newIds.add(node.id);
        continue;
      }
      const verdict = fileNodes.judge(node, candidates);
      report.match(toVerdict(node, place, verdict));
      reportDisagreements(report, node, place, verdict);
      const into = mergedInto(node, verdict);
      const kept = into === null ? node : { ...node, id: into };
      if (into !== null) merges.set(node.id, into);
      else if (!candidates.withId(node.id)) newIds.add(node.id);
      written.push(kept);
      placed.push(...placeLinks(gazetteer, kept, place, report));
    }
    const relationships = [...links.map((link) => followMerges(link, merges, compiled.mapping.namespace)), ...placed];
    for (const link of relationships) if (newIds.has(link.source) || newIds.has(link.target)) newIds.add(link.id);
    fileNodes.endBatch();
    const batch: GraphBatch = { nodes: written, relationships, claims: true, newIds };
    nodes = [];
    links = [];
    return batch;
  };

  let rows = 0;
  let ordinal = 0;
  for await (const row of table.rows) {
    if (options.signal?.aborted) throw new ImportCancelled('cancelled');
    rows++;
    if (rows % 1000 === 0) options.onRows?.(rows);
    if (!compiled.keep(row)) continue;
    const mapped = compiled.map(row);
    if (mapped.problems.some((problem) => problem.severity !== 'warning')) {
      throw new Error(`${table.placeOf(row).file}:${row.line} changed between the check and the write: import it again`);
    }
    const place = table.placeOf(row);
    for (const { row: node } of mapped.nodes) if (firstOfId.has(ordinal++)) nodes.push({ node, place });
    for (const link of mapped.links) if (firstOfId.has(ordinal++)) links.push(link);
    if (nodes.length + links.length >= options.batchSize) yield await prepare();
  }
  options.onRows?.(rows);
  if (nodes.length + links.length > 0) yield await prepare();
}

/**
 * A link whose end was merged into a node of another id, moved to that node. It takes the id the
 * mapping gives a link of its type between its new ends, so the merged row's link and the link of
 * the row it merged into (a roster's two rows about one person, both held in one camp) are one link,
 * which the second completes, not two side by side.
 */
function followMerges(link: RelationshipRow, merges: ReadonlyMap<string, string>, namespace: string): RelationshipRow {
  const source = merges.get(link.source) ?? link.source;
  const target = merges.get(link.target) ?? link.target;
  if (source === link.source && target === link.target) return link;
  return { ...link, id: linkId(namespace, link.type, source, target), source, target };
}
