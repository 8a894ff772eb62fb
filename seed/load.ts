// Loads the seed, the public record then synthetic records at a chosen scale, as an import of its
// own: batch by batch, resumable after a crash, every element linked to the seed's `_Import` record.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Driver } from 'neo4j-driver';
import type { CatalogueEntry } from '../server/graph/catalogue.ts';
import { NodeRow, RelationshipRow } from '../contract/graph-rows.ts';
import { toDriverParams } from '../server/graph/run-query.ts';
import { runImport, type GraphBatch, type ImportOutcome } from '../server/queries/write-batches.ts';
import { publicRecordRows, readReference } from './public-record.ts';
import { writeSyntheticPhotos } from './synthetic-photos.ts';
import { SCALES, syntheticBatches, type RawBatch, type ScaleName } from './synthetic.ts';

type Catalogue = Map<string, CatalogueEntry>;

/** Generated rows pass the same model checks as imported ones: a generator bug fails loudly here. */
export function validBatch(batch: RawBatch): GraphBatch {
  return { nodes: batch.nodes.map((row) => NodeRow.parse(row)), relationships: batch.relationships.map((row) => RelationshipRow.parse(row)) };
}

/**
 * The public record (merged: another scale's seed may have written it already), then the synthetic
 * rows, created: other seeds' synthetic rows are removed before a seed starts, and a resumed seed
 * never re-sends a committed batch, so their ids are new.
 */
export function* seedBatches(scale: ScaleName, batchRows = 10_000): Generator<GraphBatch> {
  yield publicRecordRows(readReference());
  for (const raw of syntheticBatches(SCALES[scale], batchRows)) yield { ...validBatch(raw), fresh: true };
}

/**
 * The same batches, produced in a worker thread one step ahead of the writer: while Neo4j writes
 * batch n, the worker generates and validates batch n + 1 on the other core.
 */
export async function* seedBatchesAhead(scale: ScaleName, batchRows = 10_000): AsyncGenerator<GraphBatch> {
  const worker = new Worker(new URL('./seed-worker.mjs', import.meta.url), { workerData: { scale, batchRows } });
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  const request = () =>
    Promise.race([
      new Promise<{ done: boolean; batch?: GraphBatch }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('next');
      }),
      failed,
    ]);
  try {
    let pending = request();
    for (;;) {
      const next = await pending;
      if (next.done) return;
      pending = request();
      yield next.batch!;
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
    .digest('hex');
  return { importId: `seed:${scale}:${checksum.slice(0, 16)}`, checksum };
}

/**
 * Before a seed starts (not when it resumes): removes the synthetic records earlier seeds wrote,
 * batch by batch, and retires their records, so a seed of another scale never mixes with this one.
 */
async function removeOtherSeeds(driver: Driver, catalogue: Catalogue, importId: string): Promise<number> {
  const status = await driver.executeQuery(catalogue.get('import-status')!.cypher, { importId }, { routing: 'READ' });
  if (status.records.length > 0) return 0;
  let removed = 0;
  for (;;) {
    const { records } = await driver.executeQuery(catalogue.get('remove-other-seeds')!.cypher, toDriverParams({ limit: 20_000 }) as Record<string, unknown>);
    const count = Number(records[0]?.get('removed') ?? 0);
    removed += count;
    if (count === 0) break;
  }
  await driver.executeQuery(catalogue.get('retire-other-seeds')!.cypher, { importId });
  return removed;
}

export async function loadSeed(
  driver: Driver,
  catalogue: Catalogue,
  scale: ScaleName = 'small',
  onBatch?: (index: number, batch: GraphBatch) => void,
  /** The photo store (PHOTOS_DIR) the generated stand-in photos go to; without it only their nodes are written. */
  photosDir?: string,
): Promise<ImportOutcome> {
  await removeOtherSeeds(driver, catalogue, seedRecord(scale).importId);
  const record = { ...seedRecord(scale), fileName: `seed (${scale})`, importedBy: `seed (${userInfo().username})`, rowCount: null, linkElements: false };
  // The small seed is written straight away; larger ones overlap generation with writing.
  const outcome = await runImport(driver, catalogue, record, scale === 'small' ? seedBatches(scale) : seedBatchesAhead(scale), onBatch);
  // Also after a resumed or already-complete seed: the files are the same bytes every time.
  if (photosDir) await writeSyntheticPhotos(photosDir, SCALES[scale].photographedDetainees);
  return outcome;
}

/**
 * Whether the graph holds evidence: a finished seed or import, or any nodes at all unless they are
 * what a crashed seed left (a crashed user import still counts: its rows are the user's).
 */
async function hasEvidence(driver: Driver): Promise<boolean> {
  const { records } = await driver.executeQuery(
    `RETURN COUNT { (:_Import {status: 'complete'}) } > 0
         OR (COUNT { (:Entity) } > 0
             AND COUNT { (seed:_Import {status: 'running'}) WHERE seed.id STARTS WITH 'seed:' } = 0) AS seeded`,
    {},
    { routing: 'READ' },
  );
  return records[0]?.get('seeded') === true;
}

/**
 * Seeds an empty database with the small scale, or finishes a seed a crash interrupted; a graph that
 * already holds evidence (a user's import, another scale) is never touched.
 */
export async function seedIfEmpty(driver: Driver, catalogue: Catalogue, photosDir?: string): Promise<boolean> {
  if (await hasEvidence(driver)) return false;
  await loadSeed(driver, catalogue, 'small', undefined, photosDir);
  return true;
}
