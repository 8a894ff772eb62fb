// `npm run import -- FILE --mapping M.yaml [--dry-run] [--encoding E] [--sheet S]`: maps a CSV, TSV,
// XLSX, JSON or JSON-lines file onto the model (server/import/engine/mapped-import.ts), or, without
// a mapping, reads a bundle or rows already in the model's columns (--type); checks every row,
// then writes batch by batch into the configured Neo4j (the embedded one unless NEO4J_URI is set).
// Exit 0: imported (or already was, or a dry run found nothing wrong); 1: refused.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../graph/catalogue.ts';
import { NodeKind, PersonRole, RelationshipType } from '../../contract/model.ts';
import { columnReference } from '../../contract/import/model-columns.ts';
import { formatEntry, placeOf } from '../../contract/api/imports.ts';
import type { MappingDocument } from '../../contract/api/import-mapping.ts';
import { runMappedImport, openMapped, fileSha256 } from '../import/engine/mapped-import.ts';
import { compileMapping } from '../import/mapping/map-row.ts';
import { loadMapping, MappingError } from '../import/mapping/load-mapping.ts';
import { EncodingError } from '../import/source/decode-text.ts';
import { HeaderError } from '../import/readers/table.ts';
import { tableReaders } from '../import/readers/registry.ts';
import { UndoRefused, undoImport } from '../queries/import-history.ts';
import { EnvError, parseEnv, type Env } from '../env.ts';
import { connectToGraph, type GraphConnection } from '../graph/driver.ts';
import { isAlive } from '../graph/process-alive.ts';
import { GraphExecutor } from '../graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { StartupError } from '../graph/startup-error.ts';
import { fromDriverError } from '../errors.ts';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE, importRows, readImport, type ImportOptions } from '../import/import-file.ts';
import { ImportInputError } from '../import/read-rows.ts';
import { BatchWriteError } from '../queries/write-batches.ts';
import { AuditLog, commandLineOperator } from '../policy/audit-log.ts';

/** Continues an option's help on lines of at most 100 characters, under its text. */
function wrapped(text: string, indent = 18): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && indent + last.length + 1 + word.length <= 100) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join(`\n${' '.repeat(indent)}`);
}

const formats = Object.values(tableReaders)
  .map((reader) => `${reader.extensions.join(' ')} ${reader.title}`)
  .join('; ');

const usage = `usage: npm run import -- <file> --mapping M.yaml [--dry-run] [--encoding E] [--sheet S] [--as WHO]
       npm run import -- <file.json|csv> [--type T] [--skip-invalid] [--as WHO] [--batch-size N]
       npm run import -- --undo IMPORT_ID [--as WHO]
  <file>          ${wrapped(`a file to map onto the graph: ${formats}. Without --mapping: a .json bundle {"nodes": [...], "relationships": [...]}, or .csv/.json rows already in the model's columns (--type)`)}
  --mapping M     ${wrapped('the mapping document (YAML or JSON): entities, keys, links, dates, provenance; see the README and tests/fixtures/import/mapped/')}
  --dry-run       ${wrapped('check every row and list the matches with the graph; write nothing')}
  --encoding E    ${wrapped("the file's encoding when it is not UTF-8 (GB18030, GBK, Big5, latin1, windows-1252, UTF-16LE...): overrides the mapping's source.encoding")}
  --sheet S       ${wrapped("the workbook's sheet to read (default: the mapping's source.sheet, else the first)")}
  --type T        ${wrapped(`without a mapping, what each row is: a node kind (${NodeKind.options.join(', ')}), a role (${PersonRole.options.join(', ')}: a Person with that role) or a relationship type (${RelationshipType.options.join(', ')}); a bundle takes none`)}
  --skip-invalid  without a mapping: write the valid rows and list the bad ones (else one bad row writes nothing)
  --as WHO        who imports, kept on the import record (default: the operating-system user)
  --batch-size N  rows per transaction, 1 to ${MAX_BATCH_SIZE.toLocaleString('en')} (default ${DEFAULT_BATCH_SIZE.toLocaleString('en')})
  --undo ID       ${wrapped('take back what an import wrote (its id is printed when it finishes; history in the browser)')}
Writes to NEO4J_URI when set, else starts the embedded Neo4j on DATA_DIR (the explorer must be stopped).
Running the same command again resumes an interrupted import, and does nothing after a finished one.

Columns of every type, from the model (a file without a mapping uses these names; a mapping's
properties name them too):
${columnReference()}`;

/** A problem the operator can act on: printed as one line, never with a stack. */
class CliError extends Error {}

/** Set by SIGINT/SIGTERM: the failure that closing the connection causes is then not an error. */
let stopping = false;

type Command =
  | { kind: 'help' }
  | { kind: 'bundle'; options: ImportOptions }
  | { kind: 'mapped'; file: string; mappingFile: string; dryRun: boolean; encoding?: string; sheet?: string; who: string; batchSize?: number }
  | { kind: 'undo'; importId: string; who: string };

function parseOptions(argv: string[]): Command {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) return { kind: 'help' };
  const who = values.as?.trim() || userInfo().username;
  if (values.undo) return { kind: 'undo', importId: values.undo, who };
  if (positionals.length !== 1)
    throw new CliError(`${positionals.length === 0 ? 'name one file to import' : `one file at a time, not ${positionals.length}`}\n${usage}`);
  const batchText = values['batch-size'] ?? String(DEFAULT_BATCH_SIZE);
  const batchSize = /^\d+$/.test(batchText) ? Number(batchText) : NaN;
  if (!(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE))
    throw new CliError(`--batch-size must be a whole number from 1 to ${MAX_BATCH_SIZE}, not "${batchText}"`);
  if (values.mapping) {
    if (values.type) throw new CliError('--type names the rows of a file without a mapping: with --mapping, the mapping says what each row is');
    if (values['skip-invalid']) throw new CliError('--skip-invalid goes without a mapping: a mapped import writes nothing while a row is bad');
    return {
      kind: 'mapped',
      file: positionals[0]!,
      mappingFile: values.mapping,
      dryRun: values['dry-run'],
      encoding: values.encoding,
      sheet: values.sheet,
      who,
      batchSize: values['batch-size'] ? batchSize : undefined,
    };
  }
  for (const option of ['dry-run', 'encoding', 'sheet'] as const) {
    if (values[option]) throw new CliError(`--${option} goes with --mapping (a bundle is UTF-8 JSON in the model's own columns)`);
  }
  return { kind: 'bundle', options: { file: positionals[0]!, type: values.type, skipInvalid: values['skip-invalid'], who, batchSize } };
}

/** node's parseArgs, its refusal cut to the first sentence and followed by the usage. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        type: { type: 'string' },
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        encoding: { type: 'string' },
        sheet: { type: 'string' },
        undo: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        as: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('. To specify')[0]}\n${usage}`);
  }
}

/**
 * The embedded Neo4j belongs to one process per data folder. The start-up checks the Bolt port
 * before the folder's lock, so with the explorer running on the same settings it would blame the
 * port: look at the lock first and say what to do about it.
 */
function assertDataFolderFree(env: Env): void {
  const lockFile = join(env.DATA_DIR, 'neo4j', 'xpf-explorer.pid');
  if (!existsSync(lockFile)) return;
  const owner = Number(readFileSync(lockFile, 'utf8').trim().split(/\s+/)[0]);
  if (!owner || owner === process.pid || !isAlive(owner)) return;
  throw new CliError(
    `the data folder ${env.DATA_DIR} is locked by a running xpf-explorer (pid ${owner}): stop it first, or set NEO4J_URI (and NEO4J_PASSWORD) to import into its database`,
  );
}

async function connect(env: Env): Promise<GraphConnection> {
  if (!env.NEO4J_URI) assertDataFolderFree(env);
  try {
    return await connectToGraph(env);
  } catch (error) {
    if (error instanceof StartupError && /locked/.test(error.message)) {
      throw new CliError(`${error.message.replace(/\.$/, '')}; or set NEO4J_URI (and NEO4J_PASSWORD) to import into the running explorer's database`);
    }
    throw error;
  }
}

/** Expected failures as one line; anything else is a bug, and keeps its stack. */
function describe(error: unknown): string | null {
  if (
    error instanceof CliError ||
    error instanceof ImportInputError ||
    error instanceof StartupError ||
    error instanceof EnvError ||
    error instanceof MappingError ||
    error instanceof EncodingError ||
    error instanceof HeaderError ||
    error instanceof UndoRefused
  )
    return error.message;
  if (error instanceof BatchWriteError) return `a batch failed and was rolled back: ${error.message}`;
  const problem = fromDriverError(error);
  if (problem) return `Neo4j: ${problem.detail} (${(error as { code: string }).code})`;
  return null;
}

/** The mapping with the command line's overrides; the file's header checked against it before any database starts. */
async function prepareMapped(command: Extract<Command, { kind: 'mapped' }>): Promise<MappingDocument> {
  const loaded = await loadMapping(command.mappingFile);
  const mapping = {
    ...loaded,
    source: { ...loaded.source, ...(command.encoding && { encoding: command.encoding }), ...(command.sheet && { sheet: command.sheet }) },
  };
  const table = await openMapped({ path: command.file, name: command.file, mapping, encodingOption: '--encoding' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${command.file}: cannot read it (no such file)`);
    throw error;
  });
  await table.close();
  // A check of the header alone, before any database is reached: nothing it makes is written, so a
  // key of its own stands in for the graph's.
  const compiled = compileMapping(mapping, {
    fileName: command.file,
    sha256: await fileSha256(command.file),
    header: table.columns,
    delimiter: table.delimiter,
    idKey: randomBytes(32).toString('hex'),
  });
  const errors = compiled.problems.filter((problem) => problem.severity !== 'warning');
  if (errors.length > 0) {
    throw new CliError(
      `${command.mappingFile} does not fit ${command.file}:\n${errors.map((problem) => `  ${problem.field}${problem.column ? ` (${problem.column})` : ''}: ${problem.reason}`).join('\n')}\nNothing was written.`,
    );
  }
  return mapping;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

async function importMapped(graph: GraphExecutor, command: Extract<Command, { kind: 'mapped' }>, mapping: MappingDocument): Promise<number> {
  let lastShown = 0;
  const result = await runMappedImport(graph, {
    path: command.file,
    name: command.file,
    mapping,
    who: command.who,
    dryRun: command.dryRun,
    matchBeforeWriting: command.dryRun,
    batchSize: command.batchSize,
    encodingOption: '--encoding',
    onProgress: (progress) => {
      if (progress.state !== 'writing' || performance.now() - lastShown < 2_000) return;
      lastShown = performance.now();
      const left = progress.secondsLeft === null ? '' : `, ${Math.ceil(progress.secondsLeft)} s left`;
      console.log(
        `writing: ${count(progress.rows, 'row')}${progress.totalRows ? ` of ${progress.totalRows.toLocaleString('en')}` : ''} (${progress.rowsPerSecond.toLocaleString('en')} rows/s${left})`,
      );
    },
  });
  const { report } = result;
  console.log(
    `Read ${count(report.rows, 'row')} from ${command.file} (${report.format}, ${report.encoding}${report.sheet ? `, sheet ${report.sheet}` : ''}); ${count(report.keptRows, 'row')} kept by the mapping's filters.`,
  );
  if (report.columns.kept.length > 0) console.log(`Kept as raw properties: ${report.columns.kept.join(', ')}.`);
  if (report.columns.dropped.length > 0) console.log(`Dropped on purpose: ${report.columns.dropped.join(', ')}.`);
  for (const entry of report.entries) console.log(formatEntry(entry));
  if (report.entriesLeftOut > 0) console.log(`… and ${count(report.entriesLeftOut, 'more problem')}.`);
  for (const match of report.matches) {
    const what = match.verdict === 'same' ? 'same as' : `possible match (${match.score.toFixed(2)}) for`;
    console.log(`${placeOf(match.place)} ${match.kind} "${match.name}": ${what} "${match.existingName}" (${match.existingId}): ${match.reasons.join('; ')}`);
  }
  const { counts } = report;
  if (result.status === 'refused') {
    console.log(
      `${count(report.entries.filter((entry) => entry.severity === 'error').length, 'problem')}. Nothing was written: fix the file or the mapping and run it again.`,
    );
    return 1;
  }
  if (result.status === 'checked') {
    console.log(`Dry run: every row is good; ${count(counts.possibleMatches, 'possible match', 'possible matches')}. Nothing was written.`);
    return 0;
  }
  if (result.status === 'already-complete') {
    console.log(`Already imported: nothing to do (${result.importId}).`);
    return 0;
  }
  console.log(
    `Imported in ${result.seconds.toFixed(1)} s: ${count(counts.nodesCreated, 'node')} created, ${count(counts.nodesMerged, 'node')} merged into existing ones, ${count(counts.relationshipsCreated, 'relationship')} created, ${count(counts.relationshipsMerged, 'relationship')} merged; ${count(counts.possibleMatches, 'possible match', 'possible matches')} to review.`,
  );
  // As the browser's imports are: the log says who brought which file in, whichever door it came by.
  await new AuditLog(graph).record(null, {
    action: 'import',
    targetIds: [result.importId],
    parameters: { mappingName: mapping.name ?? null, file: command.file },
    username: commandLineOperator(command.who),
  });
  console.log(`Import ${result.importId} (undo: npm run import -- --undo ${result.importId}).`);
  return 0;
}

async function main(): Promise<number> {
  const command = parseOptions(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(usage);
    return 0;
  }
  // The file first: a file that cannot be imported should not wait for a database to start.
  const read = command.kind === 'bundle' ? await readImport(command.options) : null;
  const mapping = command.kind === 'mapped' ? await prepareMapped(command) : null;
  const env = parseEnv();
  const catalogue = await loadCatalogue();
  if (!env.NEO4J_URI) console.log(`Starting Neo4j (data in ${env.DATA_DIR})…`);
  const connection = await connect(env);

  // A batch in flight when the connection closes is rolled back; the record keeps the ones before.
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping; run the same command again to resume after the last committed batch.`);
    void connection.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  try {
    const graph = new GraphExecutor(connection.driver, catalogue, { timeoutMs: 60_000 });
    await graph.applySchema(queries.schema);
    if (command.kind === 'undo') {
      const outcome = await undoImport(graph, command.importId, command.who);
      await new AuditLog(graph).record(null, { action: 'import-undo', targetIds: [command.importId], username: commandLineOperator(command.who) });
      console.log(
        `Undone: ${count(outcome.deleted, 'element')} deleted that only this import asserted, ${count(outcome.retracted, 'element')} kept for their other sources.`,
      );
      return 0;
    }
    if (command.kind === 'mapped') return await importMapped(graph, command, mapping!);
    const result = await importRows(graph, read!, command.options, (line) => console.log(line));
    return result.status === 'refused' ? 1 : 0;
  } finally {
    if (!stopping) await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (stopping) return;
    const line = describe(error);
    if (line === null) console.error('Cannot import:', error);
    else console.error(`Cannot import: ${line}`);
    process.exit(1);
  },
);
