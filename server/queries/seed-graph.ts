// Writes the seed (seed/seed-batches.ts generates its rows) as an import of its own: through the
// importer's write path (batch by batch, resumable after a crash) into a live database, or through
// Neo4j's offline importer into an empty store; either way with the seed's `_Import` record, and the
// stand-in photo files it names.
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type { GraphBatch } from '../../contract/graph-rows.ts';
import { queries } from '../../contract/queries/index.ts';
import { seedBatches, seedBatchesAhead, seedRecord } from '../../seed/seed-batches.ts';
import { syntheticPhotos } from '../../seed/synthetic-photos.ts';
import { SCALES, type ScaleName } from '../../seed/synthetic.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { bulkLoad, type BulkLoadOutcome, type BulkLoadProgress, type BulkLoadTarget } from './bulk-load.ts';
import { runImport, type ImportOutcome, type ImportRecord } from './write-batches.ts';
import { privateFolder, writePrivateFile } from '../private-files.ts';

/**
 * Before a seed starts (not when it resumes): removes the synthetic records earlier seeds wrote,
 * batch by batch, and retires their records, so a seed of another scale never mixes with this one.
 */
async function removeOtherSeeds(graph: GraphExecutor, importId: string): Promise<number> {
  if (await graph.record(queries.importStatus, { importId })) return 0;
  let removed = 0;
  for (;;) {
    const count = (await graph.record(queries.removeOtherSeeds, { limit: 20_000 }, { timeoutMs: 600_000 }))?.removed ?? 0;
    removed += count;
    if (count === 0) break;
  }
  await graph.records(queries.retireOtherSeeds, { importId }, { timeoutMs: 60_000 });
  return removed;
}

/**
 * Writes the photos of the first `photographed` detainees into the store; rewriting one gives the same
 * bytes. Owner-only, like every photo of a person would be.
 */
async function writeSyntheticPhotos(photosDir: string, photographed: number): Promise<void> {
  await privateFolder(photosDir);
  // Every photo sits in one of a few folders (synthetic/): make each once, not once a photo.
  const made = new Set<string>();
  for (const photo of syntheticPhotos(photographed)) {
    const path = join(photosDir, photo.file);
    const folder = dirname(path);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      made.add(folder);
    }
    await writePrivateFile(path, photo.bytes);
  }
}

/** The seed's `_Import` record, the same whichever path writes it. */
function seedImportRecord(scale: ScaleName): ImportRecord {
  return { ...seedRecord(scale), fileName: `seed (${scale})`, importedBy: `seed (${userInfo().username})`, rowCount: null, linkElements: false };
}

export async function loadSeed(
  graph: GraphExecutor,
  scale: ScaleName = 'small',
  onBatch?: (index: number, batch: GraphBatch) => void,
  /** The photo store (PHOTOS_DIR) the generated stand-in photos go to; without it only their nodes are written. */
  photosDir?: string,
): Promise<ImportOutcome> {
  await removeOtherSeeds(graph, seedRecord(scale).importId);
  const record = seedImportRecord(scale);
  // The small seed is written straight away; larger ones overlap generation with writing.
  const outcome = await runImport(graph, record, scale === 'small' ? seedBatches(scale) : seedBatchesAhead(scale), onBatch);
  // Also after a resumed or already-complete seed: the files are the same bytes every time.
  if (photosDir) await writeSyntheticPhotos(photosDir, SCALES[scale].photographedDetainees);
  return outcome;
}

/**
 * Seeds an empty database with the small scale, or finishes a seed a crash interrupted; a graph that
 * already holds evidence (a user's import, another scale) is never touched.
 */
export async function seedIfEmpty(graph: GraphExecutor, photosDir?: string, onBatch?: (index: number, batch: GraphBatch) => void): Promise<boolean> {
  if ((await graph.record(queries.graphHasEvidence, {}))?.state.seeded) return false;
  await loadSeed(graph, 'small', onBatch, photosDir);
  return true;
}

/**
 * The seed through Neo4j's offline importer, into an embedded store that holds no database yet
 * (before Neo4j's first start): the same rows, record and photo files as loadSeed, at the
 * importer's pace. The schema is applied once Neo4j runs, as at every start.
 */
export async function seedOffline(
  target: BulkLoadTarget,
  scale: ScaleName = 'small',
  onProgress?: (progress: BulkLoadProgress) => void,
  photosDir?: string,
): Promise<BulkLoadOutcome> {
  // The other core generates and validates while this one writes CSV.
  const outcome = await bulkLoad(target, seedImportRecord(scale), scale === 'small' ? seedBatches(scale) : seedBatchesAhead(scale), onProgress);
  if (photosDir) await writeSyntheticPhotos(photosDir, SCALES[scale].photographedDetainees);
  return outcome;
}
