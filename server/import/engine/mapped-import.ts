// One mapped import of one file, the engine behind both doors (server/cli/import-cli.ts and the
// browser's routes): hash the file, open it with its reader, compile the mapping, check every row,
// then (unless it is a dry run or something was wrong) write it through runImport, record what it
// did, and keep the mapping for the next file with the same header. Cancelled mid-write, what was
// written is taken back.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { MappingDocument } from '../../../contract/api/import-mapping.ts';
import type { ImportProgress, ImportReport, ImportState } from '../../../contract/api/imports.ts';
import type { NodeRow, RelationshipRow } from '../../../contract/graph-rows.ts';
import { queries } from '../../../contract/queries/index.ts';
import type { GraphExecutor } from '../../graph/executor.ts';
import { undoImport } from '../../queries/import-history.ts';
import { runImport } from '../../queries/write-batches.ts';
import { compileMapping } from '../mapping/map-row.ts';
import { readNodeIdKey } from './node-id-key.ts';
import { readerFor } from '../readers/registry.ts';
import type { Table } from '../readers/table.ts';
import { graphLookup } from '../validate.ts';
import { ahead } from './ahead.ts';
import { type CheckResult, checkRows, ImportCancelled } from './check-pass.ts';
import { ReportBuilder } from './report-builder.ts';
import { writeBatches } from './write-pass.ts';

/**
 * Nodes and links per transaction: large enough that a batch's few queries cost little per row (2,000,
 * 5,000 and 10,000 wrote alike), small enough that the batches in flight and the file's nodes kept
 * for matching (matching.ts, FileNodes) fit the memory target: 10,000 peaked at 285 MB on a 0.1 GB
 * roster, 5,000 at 265 MB (npm run bench:import's memory part).
 */
export const DEFAULT_MAPPED_BATCH = 5_000;
/** A workbook may inflate to this much unless IMPORT_XLSX_MAX_MB says otherwise. */
export const DEFAULT_XLSX_MAX_BYTES = 256 * 1024 * 1024;

export interface MappedImportOptions {
  /** The file on disk. */
  path: string;
  /** The file as the report and the history name it. */
  name: string;
  mapping: MappingDocument;
  who: string;
  dryRun?: boolean;
  /** Also match during the check, so a dry run's report lists the matches. */
  matchBeforeWriting?: boolean;
  /** A preview: check only this many kept rows, and hand their graph rows to onPreview. */
  previewRows?: number;
  onPreview?: (nodes: NodeRow[], links: RelationshipRow[]) => void;
  batchSize?: number;
  maxUncompressedBytes?: number;
  encodingOption?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export interface MappedImportResult {
  status: Extract<ImportState, 'checked' | 'complete' | 'already-complete' | 'refused' | 'cancelled'>;
  importId: string;
  report: ImportReport;
  seconds: number;
}

/** SHA-256 of the file, streamed. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Size, modification time and inode: a file written to or replaced since shows a different stamp. */
async function fileStamp(path: string): Promise<string> {
  const { size, mtimeMs, ino } = await stat(path);
  return `${size}:${mtimeMs}:${ino}`;
}

/** The same file with the same mapping is the same import: a re-run resumes it or does nothing. */
export function mappedImportId(sha256: string, mapping: MappingDocument, batchSize: number): string {
  return `import:${createHash('sha256').update(sha256).update('\0').update(JSON.stringify(mapping)).update(`\0${batchSize}`).digest('hex')}`;
}

/** The sheet's or file's header key: a saved mapping is offered again for the same column names. */
export function headerKey(columns: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(columns)).digest('hex');
}

export async function openMapped(options: Pick<MappedImportOptions, 'path' | 'name' | 'mapping' | 'maxUncompressedBytes' | 'encodingOption'>): Promise<Table> {
  const { source } = options.mapping;
  return readerFor(options.name, source.format).open(options.path, {
    name: options.name,
    encoding: source.encoding,
    delimiter: source.delimiter,
    sheet: source.sheet,
    headerRow: source.headerRow,
    maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_XLSX_MAX_BYTES,
    encodingOption: options.encodingOption,
  });
}

export async function runMappedImport(graph: GraphExecutor, options: MappedImportOptions): Promise<MappedImportResult> {
  // The file is opened up to three times (check, collisions named, write); each is closed at the end
  // however the import ends, read to its last row or not (a mapping refused before its first row).
  const opened: Table[] = [];
  const open = async () => {
    const table = await openMapped(options);
    opened.push(table);
    return table;
  };
  try {
    return await importOpened(graph, options, open);
  } finally {
    // A file that will not close is no reason to fail an import that has ended.
    await Promise.all(opened.map((table) => table.close().catch(() => {})));
  }
}

async function importOpened(graph: GraphExecutor, options: MappedImportOptions, open: () => Promise<Table>): Promise<MappedImportResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_MAPPED_BATCH;
  const stamp = await fileStamp(options.path);
  const sha256 = await fileSha256(options.path);
  const importId = mappedImportId(sha256, options.mapping, batchSize);
  const report = new ReportBuilder();
  let table = await open();
  const compiled = compileMapping(options.mapping, {
    fileName: options.name,
    sha256,
    header: table.columns,
    delimiter: table.delimiter,
    idKey: await readNodeIdKey(graph),
  });
  const fields = {
    file: options.name,
    sha256,
    format: table.format,
    encoding: table.encoding,
    ...(table.sheet && { sheet: table.sheet }),
    columns: compiled.columns,
  };
  let rows = 0;
  let keptRows = 0;
  const finish = (status: MappedImportResult['status']): MappedImportResult => ({
    status,
    importId,
    report: report.build({ ...fields, rows, keptRows }),
    seconds: (performance.now() - started) / 1000,
  });
  const mappingPlace = { file: options.name, line: 0 };
  for (const problem of compiled.problems)
    report.add(mappingPlace, problem.column ? `${problem.field}.${problem.column}` : problem.field, problem.reason, problem.severity);
  if (options.mapping.documents) {
    const found = await graphLookup(graph)(options.mapping.documents);
    for (const id of options.mapping.documents) {
      if (!found.get(id)?.includes('Document')) report.add(mappingPlace, 'documents', `"${id}" is not a Document in the graph`);
    }
  }
  if (report.errors > 0) return finish('refused');

  const progress = (state: ImportState, done: number, total: number | null, since: number) => {
    const seconds = (performance.now() - since) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    options.onProgress?.({
      state,
      rows: done,
      totalRows: total,
      rowsPerSecond: Math.round(rate),
      secondsLeft: total && rate > 0 ? Math.max(0, (total - done) / rate) : null,
      importId,
    });
  };
  const checkStarted = performance.now();
  let checked: CheckResult;
  try {
    checked = await checkRows({
      graph,
      table,
      compiled,
      report,
      reopen: open,
      match: Boolean(options.matchBeforeWriting || options.dryRun || options.previewRows !== undefined),
      limitRows: options.previewRows,
      lookUpEvery: batchSize,
      signal: options.signal,
      onProgress: ({ rows: done }) => progress('validating', done, null, checkStarted),
      onMapped: options.onPreview,
    });
  } catch (error) {
    if (error instanceof ImportCancelled) return finish('cancelled');
    throw error;
  }
  rows = checked.rows;
  keptRows = checked.keptRows;
  if (report.errors > 0) return finish('refused');
  if (options.dryRun || options.previewRows !== undefined) return finish('checked');

  // The write reads the file again from its first row, and the check's ledger says which element
  // writes each id by its place in the file's order: a file changed since would shift them all.
  const changed = (while_: string) => {
    report.add({ file: options.name, line: 0 }, '(file)', `changed on disk while it was being ${while_}: import it again`);
    return finish('refused');
  };
  if ((await fileStamp(options.path)) !== stamp) return changed('checked');
  table = await open();
  const writeStarted = performance.now();
  const record = { importId, fileName: options.name, checksum: sha256, importedBy: options.who, rowCount: keptRows };
  try {
    const outcome = await runImport(
      graph,
      record,
      ahead(
        writeBatches({
          graph,
          table,
          compiled,
          report,
          firstOfId: checked.firstOfId,
          batchSize,
          signal: options.signal,
          onRows: (done) => progress('writing', done, rows, writeStarted),
        }),
      ),
      (_index, _batch, counts) => {
        report.counts.nodesCreated += counts.nodesCreated;
        report.counts.nodesMerged += counts.nodesMerged;
        report.counts.relationshipsCreated += counts.relationshipsCreated;
        report.counts.relationshipsMerged += counts.relationshipsMerged;
      },
    );
    if (outcome.status === 'already-complete') return finish('already-complete');
    if ((await fileStamp(options.path)) !== stamp) {
      await undoImport(graph, importId, options.who);
      return changed('written (what it wrote is taken back)');
    }
  } catch (error) {
    if (!(error instanceof ImportCancelled)) throw error;
    // Cancelled between batches: what the committed ones wrote is taken back, so nothing is left behind.
    await undoImport(graph, importId, options.who);
    return finish('cancelled');
  }
  const result = finish('complete');
  await graph.records(queries.finishImport, {
    importId,
    mappingName: options.mapping.name ?? null,
    mapping: JSON.stringify(options.mapping),
    counts: JSON.stringify(result.report.counts),
    durationMs: Math.round(result.seconds * 1000),
    problems: result.report.entries.length + result.report.entriesLeftOut,
    report: JSON.stringify(result.report),
  });
  await graph.records(queries.saveMapping, {
    headerKey: headerKey(table.columns),
    columns: table.columns,
    name: options.mapping.name ?? null,
    mapping: JSON.stringify(options.mapping),
    savedBy: options.who,
    savedAt: new Date().toISOString(),
  });
  progress('complete', rows, rows, writeStarted);
  return result;
}
