// `npm run bench:api [-- --scale small,1m] [--data-dir <folder>] [--smoke]`: every curated query over HTTP
// beside the same Cypher run with the bare driver, in the same run on the same database; opening a saved
// view of about 200 elements, beside the bare driver running the reopen's Cypher; then chain-of-command
// throughput with concurrent clients. Each scale gets a fresh Neo4j, bulk-loaded by Neo4j's offline
// importer as `npm run seed` loads an empty store, or the store of `--data-dir` (seeded once, kept).
// The app is the production one, in a process of its own as `npm start` serves it, its rate limits off
// (this measures the API, not the limiter), so the session cache, the audit's group commit and whatever
// else the app does per request are in the figures.
// Prints p50/p95 and ratios; the targets are ratios and budgets, never asserts.
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadCatalogue, type Catalogue, type CatalogueEntry } from '../../server/graph/catalogue.ts';
import { GraphExecutor, toDriverParams } from '../../server/graph/executor.ts';
import { seedOffline } from '../../server/queries/seed-graph.ts';
import { SCALES, type ScaleName } from '../../seed/synthetic.ts';
import { UserStore } from '../../server/queries/user-store.ts';
import { loadAverage, percentile, withGivenOrFreshNeo4j, type BenchNeo4j } from './fresh-neo4j.ts';
import { serveApp } from './served-app.ts';
import { timePaired } from './time-paired.ts';
import { measureViewOpen } from './view-open.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small,1m' },
    'data-dir': { type: 'string' },
    iterations: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    // Before the table: every query over HTTP and the driver in turn, so the JVMs have compiled their paths.
    'warm-seconds': { type: 'string', default: '30' },
    clients: { type: 'string', default: '50' },
    heap: { type: 'string', default: '3g' },
    pagecache: { type: 'string', default: '3g' },
    // In `npm test` (tests/bench-smoke/): the small scale, a few iterations, seconds not minutes.
    smoke: { type: 'boolean', default: false },
  },
});
const smoke = values.smoke;
const scales = (smoke ? ['small'] : values.scale!.split(',')) as ScaleName[];
for (const scale of scales) if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}`);
const iterations = smoke ? 3 : Number(values.iterations);
const seconds = smoke ? 2 : Number(values.seconds);
const warmSeconds = smoke ? 0 : Number(values['warm-seconds']);
const clients = smoke ? 5 : Number(values.clients);
const memory = smoke ? { heap: '512m', pageCache: '128m' } : { heap: values.heap!, pageCache: values.pagecache! };

/** Parameters for each evidence query, on nodes every scale has (the public record, the first synthetic rows). */
const samples: Record<string, Record<string, unknown>> = {
  'full-text-names': { query: 'chen quanguo' },
  'node-details': { id: 'chen_quanguo' },
  'expand-neighbourhood': { id: 'syn-fac-00001', limit: 100 },
  'chain-of-command': { id: 'syn-detainee-0000001', asOf: '2018-06-01' },
  'who-is-responsible': { id: 'syn-fac-00001', asOf: '2018-06-01' },
  'shortest-path': { fromId: 'syn-detainee-0000001', toId: 'xi_jinping' },
  'all-shortest-paths': { fromId: 'syn-guard-0000001', toId: 'org_xuar_pc', limit: 20 },
  'common-connections': { ids: ['zhu_hailun', 'chen_quanguo'] },
  'directive-propagation': { id: 'd_ijop_bulletin_14' },
  'facility-profile': { id: 'syn-fac-00001' },
  timeline: { ids: ['chen_quanguo', 'zhu_hailun', 'wang_mingshan'] },
  'graph-statistics': {},
  'photos-of': { ids: ['syn-detainee-0000001', 'chen_quanguo'] },
  'photo-file': { id: 'syn-photo-0000001' },
  'facilities-under': { id: 'org_xuar_pc', limit: 100 },
  'relationship-counts': { id: 'syn-fac-00001' },
  'starting-points': {},
  'sanctions-of': { ids: ['chen_quanguo', 'zhu_hailun', 'xi_jinping'] },
};

/** The same Cypher as the route runs, as the executor sends it (parameters parsed, one row past the limit). */
async function bareRun(driver: Driver, entry: CatalogueEntry, params: Record<string, unknown>): Promise<unknown> {
  const parsed = entry.schema.parse(params) as Record<string, unknown>;
  if (typeof parsed.limit === 'number') parsed.limit += 1;
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead((tx) => tx.run(entry.cypher, toDriverParams(parsed) as Record<string, unknown>));
  } finally {
    await session.close();
  }
}

async function throughput(baseUrl: string, auth: Record<string, string>, detaineeCount: number) {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let next = 1;
  const client = async () => {
    while (performance.now() < deadline) {
      const id = `syn-detainee-${String(((next++ * 7919) % detaineeCount) + 1).padStart(7, '0')}`;
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/queries/chain-of-command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ params: { id, asOf: '2018-06-01' } }),
      });
      await response.arrayBuffer();
      if (response.ok) latencies.push(performance.now() - started);
      else errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}

function missingSamples(catalogue: Catalogue): string[] {
  return catalogue
    .evidence()
    .map((entry) => entry.name)
    .filter((name) => !(name in samples));
}

async function benchOn(driver: Driver, connection: BenchNeo4j['connection'], scale: ScaleName, catalogue: Catalogue): Promise<void> {
  const graph = new GraphExecutor(driver, catalogue, { timeoutMs: 600_000 });
  // Synthetic detainees only: the throughput clients number their ids 1..n.
  const { records } = await driver.executeQuery(
    "RETURN COUNT { (:Entity) } AS nodes, COUNT { ()-[]->() } AS links, COUNT { (d:Detainee) WHERE d.id STARTS WITH 'syn-detainee-' } AS detainees",
  );
  const counts = records[0]!.toObject();
  console.log(
    `\n== scale ${scale}: ${Number(counts.nodes).toLocaleString('en')} nodes, ${Number(counts.links).toLocaleString('en')} relationships; load average ${await loadAverage()}`,
  );
  // Smoke runs check that the bench works, on CI machines that may be busy: no request deadline in their way.
  // The app in a process of its own, as `npm start` serves it (serve-app.ts says why).
  const app = await serveApp(connection, smoke ? { REQUEST_BUDGET_S: '120' } : {});
  try {
    const baseUrl = `http://127.0.0.1:${app.port}`;
    // As a script calls it: an analyst's API token, resolved on each request as the app resolves it.
    const users = new UserStore(graph);
    const analyst = (await users.findForLogin('bench-analyst')) ?? (await users.create('bench-analyst', 'bench password not for use', 'analyst'));
    const auth = { authorization: `Bearer ${(await users.issueToken(analyst, 'api bench')).token}` };

    /** The query over HTTP, as a script asks it; answers the HTTP status. */
    const askOverHttp = async (entry: CatalogueEntry, params: Record<string, unknown>) => {
      const response = await fetch(`${baseUrl}/api/queries/${entry.name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ params }),
      });
      await response.arrayBuffer();
      return response.status;
    };
    const measured = catalogue.evidence().flatMap((entry) => (samples[entry.name] ? [{ entry, params: samples[entry.name]! }] : []));
    // Neo4j's JVM and Node's compile the paths a request takes only after thousands of runs: the first
    // queries of the table ran on a cold JVM and the last on a warm one. Every query, both ways, in turn,
    // until the warm-up's time is up (one round at least, so the smoke run goes through it too, and every
    // plan is cached and page read before anything is timed); the table then measures a server that has
    // been answering a while, as a server in use has.
    const warmUntil = performance.now() + warmSeconds * 1000;
    let warmRounds = 0;
    do {
      for (const { entry, params } of measured) {
        await askOverHttp(entry, params);
        await bareRun(driver, entry, params);
      }
      warmRounds += 1;
    } while (performance.now() < warmUntil);
    console.log(`warm-up: ${warmRounds} rounds of every query over HTTP and the driver (--warm-seconds ${warmSeconds})`);

    console.log('query                    HTTP p50    p95 | driver p50    p95 | p50 ratio (target <= 1.30x)');
    for (const { entry, params } of measured) {
      const { http, bare, failedStatuses } = await timePaired(
        iterations,
        () => askOverHttp(entry, params),
        () => bareRun(driver, entry, params),
      );
      const ratio = percentile(http, 50) / percentile(bare, 50);
      const failures =
        failedStatuses.length > 0 ? `  (${failedStatuses.length} of ${iterations} answered HTTP ${[...new Set(failedStatuses)].join(', ')})` : '';
      console.log(
        `${entry.name.padEnd(24)} ${percentile(http, 50).toFixed(1).padStart(7)} ${percentile(http, 95).toFixed(1).padStart(6)} | ${percentile(bare, 50).toFixed(1).padStart(7)} ${percentile(bare, 95).toFixed(1).padStart(6)} | ${ratio.toFixed(2)}x${failures}`,
      );
    }

    const view = await measureViewOpen(baseUrl, auth, driver, catalogue, iterations);
    console.log(
      `saved view of ${view.elements} elements opened: HTTP p50 ${view.http.p50.toFixed(1)} ms, p95 ${view.http.p95.toFixed(1)} ms | driver p50 ${view.driver.p50.toFixed(1)} ms, p95 ${view.driver.p95.toFixed(1)} ms | p95 ratio ${(view.http.p95 / view.driver.p95).toFixed(2)}x (targets: p95 <= 200 ms small, <= 1 s at 1m)`,
    );

    const load = await throughput(baseUrl, auth, Number(counts.detainees));
    console.log(
      `chain-of-command, ${clients} clients for ${seconds} s: ${load.perSecond.toFixed(0)} queries/s, p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, ${load.errors} errors (bench:load has the 100-client figure)`,
    );
    console.log(`load average at the end of scale ${scale}: ${await loadAverage()}`);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const catalogue = await loadCatalogue();
  const missing = missingSamples(catalogue);
  // A query added to the catalogue without a sample here would silently go unmeasured.
  if (missing.length > 0) throw new Error(`bench:api has no sample parameters for: ${missing.join(', ')} (add them to \`samples\`)`);
  console.log(`bench:api${smoke ? ' (smoke)' : ''}: ${iterations} runs per query after a warm-up, heap ${memory.heap}, page cache ${memory.pageCache}`);
  for (const scale of scales) {
    let seeded = '';
    await withGivenOrFreshNeo4j(
      {
        ...memory,
        dataDir: values['data-dir'],
        beforeFirstStart: async (store) => {
          const outcome = await seedOffline({ ...store, heap: memory.heap, offHeap: memory.pageCache }, scale);
          seeded = ` (bulk-loaded in ${(outcome.writeSeconds + outcome.importSeconds).toFixed(0)} s`;
        },
      },
      async (driver, started) => {
        if (seeded) console.log(`scale ${scale}${seeded}, indexed in ${started.schemaSeconds.toFixed(0)} s)`);
        await benchOn(driver, started.connection, scale, catalogue);
      },
    );
  }
}

await main();
