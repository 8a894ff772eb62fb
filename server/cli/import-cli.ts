// `npm run import -- <file> [--type T] [--skip-invalid] [--as WHO] [--batch-size N]`: validates a
// CSV, JSON or bundle file against the model and writes it, batch by batch, into the configured
// Neo4j (the embedded one unless NEO4J_URI is set). Exit 0: imported (or already was); 1: refused.
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../graph/catalogue.ts';
import { NodeKind, PersonRole, RelationshipType } from '../../contract/model.ts';
import { EnvError, parseEnv, type Env } from '../env.ts';
import { connectToGraph, type GraphConnection } from '../graph/driver.ts';
import { GraphExecutor } from '../graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { StartupError } from '../graph/startup-error.ts';
import { fromDriverError } from '../errors.ts';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE, importRows, readImport, type ImportOptions } from '../import/import-file.ts';
import { ImportInputError } from '../import/read-rows.ts';
import { BatchWriteError } from '../queries/write-batches.ts';

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

const usage = `usage: npm run import -- <file> [--type T] [--skip-invalid] [--as WHO] [--batch-size N]
  <file>          .csv or .json rows of one --type, or a .json bundle {"nodes": [...], "relationships": [...]}
  --type T        ${wrapped(`what each row is: a node kind (${NodeKind.options.join(', ')}), a role (${PersonRole.options.join(', ')}: a Person with that role) or a relationship type (${RelationshipType.options.join(', ')}); a bundle takes none`)}
  --skip-invalid  write the valid rows and list the bad ones (without it, one bad row writes nothing)
  --as WHO        who imports, kept on the import record (default: the operating-system user)
  --batch-size N  rows per transaction, 1 to ${MAX_BATCH_SIZE.toLocaleString('en')} (default ${DEFAULT_BATCH_SIZE.toLocaleString('en')})
Writes to NEO4J_URI when set, else starts the embedded Neo4j on DATA_DIR (the explorer must be stopped).
Running the same command again resumes an interrupted import, and does nothing after a finished one.`;

/** A problem the operator can act on: printed as one line, never with a stack. */
class CliError extends Error {}

/** Set by SIGINT/SIGTERM: the failure that closing the connection causes is then not an error. */
let stopping = false;

function parseOptions(argv: string[]): ImportOptions | 'help' {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new CliError(`${positionals.length === 0 ? 'name one file to import' : `one file at a time, not ${positionals.length}`}\n${usage}`);
  const batchText = values['batch-size'] ?? String(DEFAULT_BATCH_SIZE);
  const batchSize = /^\d+$/.test(batchText) ? Number(batchText) : NaN;
  if (!(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE))
    throw new CliError(`--batch-size must be a whole number from 1 to ${MAX_BATCH_SIZE}, not "${batchText}"`);
  const who = values.as?.trim() || userInfo().username;
  return { file: positionals[0]!, type: values.type, skipInvalid: values['skip-invalid'], who, batchSize };
}

/** node's parseArgs, its refusal cut to the first sentence and followed by the usage. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        type: { type: 'string' },
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
  if (!owner || owner === process.pid) return;
  try {
    process.kill(owner, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return;
  }
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
  if (error instanceof CliError || error instanceof ImportInputError || error instanceof StartupError || error instanceof EnvError) return error.message;
  if (error instanceof BatchWriteError) return `a batch failed and was rolled back: ${error.message}`;
  const problem = fromDriverError(error);
  if (problem) return `Neo4j: ${problem.detail} (${(error as { code: string }).code})`;
  return null;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  // The file first: a file that cannot be imported should not wait for a database to start.
  const read = await readImport(options);
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
    const result = await importRows(graph, read, options, (line) => console.log(line));
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
