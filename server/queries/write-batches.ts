// Writes graph rows in batches, one transaction each, through the catalogue's merge queries: the
// one write path of the seed, the synthetic generator and the importer. Rows must already have
// passed NodeRow / RelationshipRow (contract/graph-rows.ts): this module trusts them.
import type { GraphBatch, NodeRow, RelationshipRow } from '../../contract/graph-rows.ts';
import { queries } from '../../contract/queries/index.ts';
import type { GraphExecutor } from '../graph/executor.ts';

export interface ImportRecord {
  /** Same file and options, same id: that is how a re-run finds the record a crash left. */
  importId: string;
  /**
   * Whether each written element lists this import in `imports` (imports: yes; the built-in seed:
   * no, its elements are all its own and a list per element would cost millions of array writes).
   */
  linkElements?: boolean;
  fileName: string;
  checksum: string;
  importedBy: string;
  rowCount: number | null;
}

export interface ImportOutcome {
  status: 'complete' | 'already-complete';
  /** Batches a crashed run had committed, skipped by this one. */
  resumedAfter: number;
  writtenBatches: number;
  writtenRows: number;
  finishedAt?: string;
}

export class BatchWriteError extends Error {}

/** What one batch did to the graph: elements created, and (with claims) merged into ones that existed. */
export interface BatchCounts {
  nodesCreated: number;
  nodesMerged: number;
  relationshipsCreated: number;
  relationshipsMerged: number;
}

const noCounts = (): BatchCounts => ({ nodesCreated: 0, nodesMerged: 0, relationshipsCreated: 0, relationshipsMerged: 0 });

/**
 * A batch's rows in the order they are written. The first row under each id known new (in `newIds`)
 * creates its element, at a fraction of a merge's cost. Every other row merges, in rounds of one row
 * per id, in order: rows about one element (a file's two rows with one ID number) must merge one
 * after the other, since a statement reads every row's element before it writes any (the second
 * would not see the first's claim, and would leave one of its own).
 */
function inRounds<T extends { id: string }>(rows: readonly T[], newIds: ReadonlySet<string> = new Set()): { creates: T[]; merges: T[][] } {
  const creates: T[] = [];
  const merges: T[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const earlier = seen.get(row.id) ?? 0;
    seen.set(row.id, earlier + 1);
    const created = newIds.has(row.id);
    if (created && earlier === 0) {
      creates.push(row);
      continue;
    }
    // A round per earlier row that merged; the row that created its element is not one.
    const round = created ? earlier - 1 : earlier;
    if (round === merges.length) merges.push([]);
    merges[round]!.push(row);
  }
  return { creates, merges };
}

/**
 * One batch in one transaction: nodes first, so the batch's links find their ends, then links, then
 * (for an import) the resume point. A crash anywhere in it leaves nothing of it behind.
 */
export async function writeBatch(
  graph: GraphExecutor,
  batch: GraphBatch,
  progress?: { importId: string; batchIndex: number; finished: boolean; linkElements?: boolean },
): Promise<BatchCounts> {
  const importId = progress?.linkElements === false ? null : (progress?.importId ?? null);
  const counts = noCounts();
  await graph.writeTransaction(
    async (tx) => {
      Object.assign(counts, noCounts());
      let written = 0;
      if (batch.claims) {
        if (!importId) throw new BatchWriteError('a batch with claims needs the import that writes it');
        // Elements known new are created as the merge would create them, at a fraction of its cost;
        // the rest are merged with claims.
        const nodes = inRounds(batch.nodes, batch.newIds);
        const links = inRounds(batch.relationships, batch.newIds);
        if (nodes.creates.length > 0) {
          const [row] = await tx.run(queries.createNodes, { rows: nodes.creates, importId });
          counts.nodesCreated += row?.written ?? 0;
        }
        for (const round of nodes.merges) {
          const [row] = await tx.run(queries.mergeImportNodes, { rows: round, importId });
          counts.nodesCreated += row?.created ?? 0;
          counts.nodesMerged += row?.merged ?? 0;
        }
        if (links.creates.length > 0) {
          const [row] = await tx.run(queries.createRelationships, { rows: links.creates, importId });
          counts.relationshipsCreated += row?.written ?? 0;
          written += row?.written ?? 0;
        }
        for (const round of links.merges) {
          const [row] = await tx.run(queries.mergeImportRelationships, { rows: round, importId });
          counts.relationshipsCreated += row?.created ?? 0;
          counts.relationshipsMerged += row?.merged ?? 0;
          written += row?.written ?? 0;
        }
      } else {
        if (batch.nodes.length > 0) await tx.run(batch.fresh ? queries.createNodes : queries.mergeNodes, { rows: batch.nodes, importId });
        if (batch.relationships.length > 0) {
          const [row] = await tx.run(batch.fresh ? queries.createRelationships : queries.mergeRelationships, { rows: batch.relationships, importId });
          written = row?.written ?? 0;
        }
        counts.nodesCreated = batch.nodes.length;
        counts.relationshipsCreated = batch.relationships.length;
      }
      // MATCH drops a link whose end is missing without a word; a write must not lose one silently.
      if (batch.relationships.length > 0 && written !== batch.relationships.length) {
        throw new BatchWriteError(`wrote ${written} of ${batch.relationships.length} relationships: some name a node that does not exist`);
      }
      if (progress) await tx.run(queries.commitBatch, { importId: progress.importId, batchIndex: progress.batchIndex, finished: progress.finished });
    },
    { timeoutMs: 600_000 },
  );
  return counts;
}

/**
 * Runs an import: finds or creates its record, skips the batches a crashed run committed, writes the
 * rest in order. Batches must come in the same order on every run (same file, same options).
 */
export async function runImport(
  graph: GraphExecutor,
  record: ImportRecord,
  batches: Iterable<GraphBatch> | AsyncIterable<GraphBatch>,
  onBatch?: (index: number, batch: GraphBatch, counts: BatchCounts) => void,
): Promise<ImportOutcome> {
  const { linkElements: _linkElements, ...fields } = record;
  const begun = (await graph.record(queries.beginImport, { ...fields, startedAt: new Date().toISOString() }, { timeoutMs: 60_000 }))!;
  const committed = begun.committedBatches;
  if (begun.status === 'complete') {
    return { status: 'already-complete', resumedAfter: committed, writtenBatches: 0, writtenRows: 0, finishedAt: String(begun.finishedAt) };
  }

  const outcome: ImportOutcome = { status: 'complete', resumedAfter: committed, writtenBatches: 0, writtenRows: 0 };
  // One batch of look-ahead tells which batch is the last, so that one marks the record complete.
  const iterator = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  let current = await iterator.next();
  let index = 0;
  if (current.done) {
    await writeBatch(graph, { nodes: [], relationships: [] }, { importId: record.importId, batchIndex: 0, finished: true, linkElements: record.linkElements });
  }
  while (!current.done) {
    const next = await iterator.next();
    if (index >= committed) {
      const counts = await writeBatch(graph, current.value, {
        importId: record.importId,
        batchIndex: index,
        finished: Boolean(next.done),
        linkElements: record.linkElements,
      });
      outcome.writtenBatches += 1;
      outcome.writtenRows += current.value.nodes.length + current.value.relationships.length;
      onBatch?.(index, current.value, counts);
    }
    current = next;
    index += 1;
  }
  return outcome;
}

/** Splits rows into batches of at most `size` rows: all nodes first, then all relationships. */
export function toBatches(nodes: NodeRow[], relationships: RelationshipRow[], size: number): GraphBatch[] {
  const batches: GraphBatch[] = [];
  for (let i = 0; i < nodes.length; i += size) batches.push({ nodes: nodes.slice(i, i + size), relationships: [] });
  for (let i = 0; i < relationships.length; i += size) batches.push({ nodes: [], relationships: relationships.slice(i, i + size) });
  return batches;
}
