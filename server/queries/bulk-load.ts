// Loads graph rows into an EMPTY embedded store through Neo4j's offline importer, at its pace rather
// than a transaction's: the rows written as its CSV input, imported while Neo4j is stopped, with the
// same `_Import` record (complete) and element provenance as the online path (write-batches.ts) leaves.
// Constraints and indexes come after, when Neo4j starts and applies the schema.
import { rm } from 'node:fs/promises';
import type { GraphBatch } from '../../contract/graph-rows.ts';
import { clearUnfinishedImport, type ImporterProgress, importOffline, stagingDirOf } from '../graph/admin-import.ts';
import type { UnopenedStore } from '../graph/embedded.ts';
import { ImportCsvWriter } from './import-csv.ts';
import type { ImportOutcome, ImportRecord } from './write-batches.ts';

/** The embedded store to load, as startEmbeddedNeo4j's `beforeFirstStart` hands it over, and the importer's memory. */
export interface BulkLoadTarget extends UnopenedStore {
  /** The importer's heap and off-heap memory (its id map and caches); NEO4J_HEAP and NEO4J_PAGECACHE. */
  heap: string;
  offHeap: string;
}

export type BulkLoadProgress =
  | { stage: 'writing'; rows: number; batches: number }
  /** The importer's stage and its count so far, as it prints them (admin-import.ts). */
  | ({ stage: 'importing' } & ImporterProgress);

export interface BulkLoadOutcome extends ImportOutcome {
  /** Rows spelt as CSV (generation and validation included when `batches` generates), then Neo4j's import. */
  writeSeconds: number;
  importSeconds: number;
}

export class BulkLoadError extends Error {}

/**
 * Writes `batches` (validated rows, in the order the online path would write them) into the store at
 * `target`, which must hold no user database yet. The record is `record` as runImport leaves it when
 * every batch has committed.
 */
export async function bulkLoad(
  target: BulkLoadTarget,
  record: ImportRecord,
  batches: Iterable<GraphBatch> | AsyncIterable<GraphBatch>,
  onProgress?: (progress: BulkLoadProgress) => void,
): Promise<BulkLoadOutcome> {
  const staging = stagingDirOf(target.homeDir);
  await rm(staging, { recursive: true, force: true });
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const writer = await ImportCsvWriter.create(staging, record.linkElements === false ? null : record.importId);
  try {
    let batchCount = 0;
    for await (const batch of batches) {
      await writer.add(batch);
      batchCount += 1;
      onProgress?.({ stage: 'writing', rows: writer.nodes + writer.relationships, batches: batchCount });
    }
    const finishedAt = new Date().toISOString();
    await writer.addRecord({
      importId: record.importId,
      fileName: record.fileName,
      checksum: record.checksum,
      importedBy: record.importedBy,
      rowCount: record.rowCount,
      // runImport commits one (empty) batch when there are none.
      committedBatches: Math.max(1, batchCount),
      startedAt,
      finishedAt,
    });
    const input = await writer.finish();
    const written = performance.now();

    const imported = await importOffline(target.distribution, target.homeDir, input, {
      heap: target.heap,
      offHeap: target.offHeap,
      jvmOptions: target.jvmOptions,
      onProgress: (progress) => onProgress?.({ stage: 'importing', ...progress }),
    });
    // The record is one node more than the rows.
    if (imported.nodes !== writer.nodes + 1 || imported.relationships !== writer.relationships) {
      throw new BulkLoadError(
        `Neo4j's offline import counted ${imported.nodes} nodes and ${imported.relationships} relationships, not the ${writer.nodes + 1} and ${writer.relationships} written`,
      );
    }
    return {
      status: 'complete',
      resumedAfter: 0,
      writtenBatches: batchCount,
      writtenRows: writer.nodes + writer.relationships,
      finishedAt,
      writeSeconds: (written - started) / 1000,
      importSeconds: (performance.now() - written) / 1000,
    };
  } catch (error) {
    writer.abandon();
    // What the importer wrote is unusable (it says so itself): the store goes back to missing.
    await clearUnfinishedImport(target.homeDir);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
