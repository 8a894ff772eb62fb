// One import of one file, without the process around it (import-cli.ts adds that): read, validate,
// report every bad row, then write the good rows batch by batch through runImport.
import { createHash } from 'node:crypto';
import { queries } from '../../contract/queries/index.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { readRowsFromFile, type RawRows } from './read-rows.ts';
import { formatEntry } from './report.ts';
import { graphLookup, validateRows, type ValidRows } from './validate.ts';
import { runImport, toBatches, type ImportOutcome } from '../queries/write-batches.ts';

export const DEFAULT_BATCH_SIZE = 5_000;
/** merge-nodes and merge-relationships take at most this many rows per call. */
export const MAX_BATCH_SIZE = 50_000;

export interface ImportOptions {
  /** The file as named on the command line; the report and the import record use this name. */
  file: string;
  type?: string;
  skipInvalid: boolean;
  /** Recorded on the import: an account or the operating-system user. */
  who: string;
  batchSize: number;
}

export interface ReadImport {
  bytes: Buffer;
  rows: RawRows;
  /** SHA-256 of the file's bytes. */
  checksum: string;
  importId: string;
}

export interface ImportResult {
  importId: string;
  /** `refused`: nothing written (bad rows without --skip-invalid, or no good row at all). */
  status: 'refused' | 'complete' | 'already-complete';
  validation: ValidRows;
  batchCount: number;
  outcome?: ImportOutcome;
  seconds: number;
}

/**
 * The same file with the same options is the same import: a re-run finds the record a crash left
 * and resumes, or the finished one and does nothing. The options that change which rows go into
 * which batch are part of the id; who runs it is not.
 */
export function importIdOf(bytes: Buffer, options: Pick<ImportOptions, 'type' | 'skipInvalid' | 'batchSize'>): string {
  const hash = createHash('sha256')
    .update(bytes)
    .update('\0')
    .update(JSON.stringify([options.type ?? null, options.skipInvalid, options.batchSize]));
  return `import:${hash.digest('hex')}`;
}

/** Reads and parses the file; refuses (ImportInputError) a file it cannot read as rows. No graph needed. */
export async function readImport(options: ImportOptions): Promise<ReadImport> {
  const { bytes, rows } = await readRowsFromFile(options.file, options.type);
  return { bytes, rows, checksum: createHash('sha256').update(bytes).digest('hex'), importId: importIdOf(bytes, options) };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** Validates and writes a file read by readImport; `print` gets the report, progress and summary. */
export async function importRows(graph: GraphExecutor, read: ReadImport, options: ImportOptions, print: (line: string) => void): Promise<ImportResult> {
  const started = performance.now();
  const { rows, importId } = read;
  const validation = await validateRows(rows, graphLookup(graph));
  const good = validation.nodes.length + validation.relationships.length;
  print(
    `Read ${plural(validation.rowCount, 'row')} from ${options.file}: ${plural(rows.nodes.length, 'node')}, ${plural(rows.relationships.length, 'relationship')}.`,
  );

  const refused = (): ImportResult => ({ importId, status: 'refused', validation, batchCount: 0, seconds: (performance.now() - started) / 1000 });
  if (validation.problems.length > 0) {
    for (const entry of validation.problems) print(formatEntry(entry));
    const counted =
      rows.positions === 'line'
        ? 'line numbers are where each row starts in the file'
        : 'numbers are row positions (the file puts several rows on one line; a bundle counts its nodes first)';
    print(`${plural(validation.badRowCount, 'bad row')} (${plural(validation.problems.length, 'problem')}); ${counted}.`);
    if (!options.skipInvalid) {
      print('Nothing was written: fix these rows, or pass --skip-invalid to import the others.');
      return refused();
    }
    if (good === 0) {
      print('Nothing was written: no row is valid.');
      return refused();
    }
    print(`Skipping the ${plural(validation.badRowCount, 'bad row')} (--skip-invalid); importing the other ${good.toLocaleString('en')}.`);
  }

  // Merged with claims: rows about elements the graph holds add to them and can be taken back by undo.
  const batches = toBatches(validation.nodes, validation.relationships, options.batchSize).map((batch) => ({ ...batch, claims: true }));
  const counts = { nodesCreated: 0, nodesMerged: 0, relationshipsCreated: 0, relationshipsMerged: 0, possibleMatches: 0 };
  const record = { importId, fileName: options.file, checksum: read.checksum, importedBy: options.who, rowCount: good };
  const writing = performance.now();
  const outcome = await runImport(graph, record, batches, (index, _batch, written) => {
    for (const key of Object.keys(written) as (keyof typeof written)[]) counts[key] += written[key];
    print(`batch ${index + 1}/${batches.length} committed`);
  });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status === 'already-complete') {
    print(`Already imported on ${outcome.finishedAt}: nothing to do (${importId}).`);
    return { importId, status: 'already-complete', validation, batchCount: batches.length, outcome, seconds };
  }
  const writeSeconds = (performance.now() - writing) / 1000;
  const parts = [
    `Imported ${plural(outcome.writtenRows, 'row')} in ${plural(outcome.writtenBatches, 'batch', 'batches')}, ${writeSeconds.toFixed(1)} s (${Math.round(outcome.writtenRows / Math.max(writeSeconds, 0.001)).toLocaleString('en')} rows/s)`,
    ...(outcome.resumedAfter > 0 ? [`resumed after batch ${outcome.resumedAfter}/${batches.length}, which an earlier run committed`] : []),
    ...(validation.badRowCount > 0 ? [`skipped ${plural(validation.badRowCount, 'bad row')}`] : []),
  ];
  print(`${parts.join('; ')}.`);
  await graph.records(queries.finishImport, {
    importId,
    mappingName: null,
    mapping: null,
    counts: JSON.stringify(counts),
    durationMs: Math.round(seconds * 1000),
    problems: validation.problems.length,
    report: JSON.stringify({ file: options.file, problems: validation.problems.slice(0, 5_000) }),
  });
  print(`Every element is linked to its import record ${importId}.`);
  return { importId, status: 'complete', validation, batchCount: batches.length, outcome, seconds };
}
