// `npm run seed -- [--scale small|leak|1m|10m] [--online]`: loads the public record and synthetic records
// at a scale into the configured Neo4j (the embedded one unless NEO4J_URI is set).
// Into an embedded database that holds nothing yet (a new DATA_DIR, or a store with no node at all),
// the rows go through Neo4j's offline importer while the database is stopped: the way to a 1m or 10m
// graph in minutes. Into a live database (an external one, or one holding anything: evidence,
// accounts, views), they go through transactions, resumable: a run that was stopped picks up after
// its last committed batch. `--online` takes the transactions whatever the store.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { queries } from '../../contract/queries/index.ts';
import { SCALES, type ScaleName } from '../../seed/synthetic.ts';
import { parseEnv } from '../env.ts';
import { removeStore } from '../graph/admin-import.ts';
import { loadCatalogue } from '../graph/catalogue.ts';
import { connectToGraph, type ConnectOptions, type GraphConnection } from '../graph/driver.ts';
import { GraphExecutor } from '../graph/executor.ts';
import { StartupError } from '../graph/startup-error.ts';
import { Phases } from '../phases.ts';
import type { BulkLoadOutcome } from '../queries/bulk-load.ts';
import { loadSeed, seedOffline } from '../queries/seed-graph.ts';
import { SeedProgress } from '../queries/seed-progress.ts';
import type { ImportOutcome } from '../queries/write-batches.ts';

const usage = 'usage: npm run seed -- [--scale small|leak|1m|10m] [--online]';

const rate = (rows: number, seconds: number) => `${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s`;

async function connect(env: ReturnType<typeof parseEnv>, start: ConnectOptions): Promise<GraphConnection> {
  return connectToGraph(env, start).catch((error: unknown) => {
    if (error instanceof StartupError && /locked by another/.test(error.message)) {
      throw new StartupError(`${error.message} Stop the explorer first, or point NEO4J_URI at its database.`);
    }
    throw error;
  });
}

function report(scale: ScaleName, outcome: ImportOutcome, seconds: number): string {
  if (outcome.status === 'already-complete') return `The ${scale} seed is already loaded (finished ${outcome.finishedAt}); nothing to do.`;
  const resumed = outcome.resumedAfter > 0 ? `, resumed after batch ${outcome.resumedAfter}` : '';
  return `Seeded ${scale} through transactions: ${outcome.writtenRows.toLocaleString('en')} rows in ${outcome.writtenBatches} batches, ${seconds.toFixed(1)} s (${rate(outcome.writtenRows, seconds)}${resumed}).`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' }, online: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(usage);
  if (!(values.scale! in SCALES)) throw new StartupError(`unknown scale "${values.scale}" (${usage})`);
  const scale = values.scale as ScaleName;

  const env = parseEnv();
  const catalogue = await loadCatalogue();
  const phases = new Phases((line) => console.log(line));
  let bulk: BulkLoadOutcome | undefined;
  const start: ConnectOptions = {
    phase: phases.run,
    beforeFirstStart: values.online
      ? undefined
      : async (store) => {
          bulk = await phases.run('seed', `Seeding ${scale}…`, (say) =>
            seedOffline({ ...store, heap: env.NEO4J_HEAP, offHeap: env.NEO4J_PAGECACHE }, scale, new SeedProgress(say).bulkProgress, env.PHOTOS_DIR),
          );
        },
  };
  let connection = await connect(env, start);
  let graph = new GraphExecutor(connection.driver, catalogue, { timeoutMs: 60_000 });
  // A store that exists but holds nothing (not even an account) may be replaced: the offline way too.
  if (!bulk && connection.embedded && !values.online && (await graph.record(queries.storeIsEmpty, {}))?.state.empty) {
    await connection.close();
    await removeStore(join(env.DATA_DIR, 'neo4j'));
    connection = await connect(env, start);
    graph = new GraphExecutor(connection.driver, catalogue, { timeoutMs: 60_000 });
  }
  const stop = async () => {
    await connection.close();
    process.exit(130);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  try {
    // After a bulk load of millions of rows, this builds every index over them: minutes at 10m.
    await phases.run('schema', 'Creating constraints and indexes…', () => graph.applySchema(queries.schema, { waitSeconds: 3_600 }));
    if (bulk) {
      const seconds = bulk.writeSeconds + bulk.importSeconds;
      console.log(
        `Seeded ${scale} through Neo4j's offline importer: ${bulk.writtenRows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate(bulk.writtenRows, seconds)}: rows generated and written as CSV ${bulk.writeSeconds.toFixed(1)} s, imported ${bulk.importSeconds.toFixed(1)} s), then indexed.`,
      );
    } else {
      if (connection.embedded && !values.online)
        console.log('The database already holds data: seeding through transactions (a new DATA_DIR takes the offline importer).');
      const started = performance.now();
      const outcome = await phases.run('seed', `Seeding ${scale}…`, (say) => loadSeed(graph, scale, new SeedProgress(say).batchWritten, env.PHOTOS_DIR));
      console.log(report(scale, outcome, (performance.now() - started) / 1000));
    }
    const size = (await graph.record(queries.graphSize, {}))!.size;
    console.log(
      `The graph now holds ${size.nodes.toLocaleString('en')} nodes and ${size.relationships.toLocaleString('en')} relationships (${phases.summary()}).`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? `Cannot seed: ${error.message}` : error);
  process.exit(1);
});
