// `npm run seed -- [--scale small|leak|1m|10m]`: loads the public record and synthetic records at a
// scale into the configured Neo4j (the embedded one unless NEO4J_URI is set). Resumable: a run that
// was stopped picks up after its last committed batch.
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../graph/catalogue.ts';
import { parseEnv } from '../env.ts';
import { connectToGraph } from '../graph/driver.ts';
import { GraphExecutor } from '../graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { StartupError } from '../graph/startup-error.ts';
import { loadSeed } from '../queries/seed-graph.ts';
import { SCALES, type ScaleName } from '../../seed/synthetic.ts';

const usage = 'usage: npm run seed -- [--scale small|leak|1m|10m]';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(usage);
  if (!(values.scale! in SCALES)) throw new StartupError(`unknown scale "${values.scale}" (${usage})`);
  const scale = values.scale as ScaleName;

  const env = parseEnv();
  const catalogue = await loadCatalogue();
  const connection = await connectToGraph(env).catch((error: unknown) => {
    if (error instanceof StartupError && /locked by another/.test(error.message)) {
      throw new StartupError(`${error.message} Stop the explorer first, or point NEO4J_URI at its database.`);
    }
    throw error;
  });
  const stop = async () => {
    await connection.close();
    process.exit(130);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  try {
    const graph = new GraphExecutor(connection.driver, catalogue, { timeoutMs: 60_000 });
    await graph.applySchema(queries.schema);
    const started = performance.now();
    let rows = 0;
    let lastReport = 0;
    const outcome = await loadSeed(
      graph,
      scale,
      (index, batch) => {
        rows += batch.nodes.length + batch.relationships.length;
        if (performance.now() - lastReport > 5_000) {
          lastReport = performance.now();
          console.log(`batch ${index + 1} committed, ${rows.toLocaleString('en')} rows so far`);
        }
      },
      env.PHOTOS_DIR,
    );
    const seconds = (performance.now() - started) / 1000;
    if (outcome.status === 'already-complete') {
      console.log(`The ${scale} seed is already loaded (finished ${outcome.finishedAt}); nothing to do.`);
    } else {
      const resumed = outcome.resumedAfter > 0 ? `, resumed after batch ${outcome.resumedAfter}` : '';
      console.log(
        `Seeded ${scale}: ${outcome.writtenRows.toLocaleString('en')} rows in ${outcome.writtenBatches} batches, ${seconds.toFixed(1)} s (${Math.round(outcome.writtenRows / seconds).toLocaleString('en')} rows/s${resumed}).`,
      );
    }
    const size = (await graph.record(queries.graphSize, {}))!.size;
    console.log(`The graph now holds ${size.nodes.toLocaleString('en')} nodes and ${size.relationships.toLocaleString('en')} relationships.`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? `Cannot seed: ${error.message}` : error);
  process.exit(1);
});
