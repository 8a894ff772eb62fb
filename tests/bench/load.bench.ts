// `npm run bench:load [-- --seconds 60 --connections 100 --scale small] [--smoke]`: the app under sustained
// load on loopback. Starts its own Neo4j in a temporary folder, bulk-loads the seed, serves the production
// app in a process of its own (serve-app.ts), then drives chain-of-command (random synthetic detainees)
// and search (names from the graph) with autocannon, each for --seconds after a warm-up (printed apart);
// beside each, the baseline from the same run: as many concurrent bare-driver sessions running the same
// Cypher as the route runs.
// Prints p50/p95/p99, requests per second, errors and non-2xx. Target: zero errors and zero non-2xx.
// The rate limits are off here: a hundred clients on one address would otherwise measure the limiter
// (its own test is tests/integration/hardening.test.ts).
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import { queries } from '../../contract/queries/index.ts';
import { loadCatalogue, type Catalogue } from '../../server/graph/catalogue.ts';
import { GraphExecutor, toDriverParams } from '../../server/graph/executor.ts';
import { describeWarmUp, warmUp } from '../../server/graph/warm-up.ts';
import { seedOffline } from '../../server/queries/seed-graph.ts';
import { UserStore } from '../../server/queries/user-store.ts';
import { SCALES, type ScaleName } from '../../seed/synthetic.ts';
import { loadAverage, percentile, withGivenOrFreshNeo4j } from './fresh-neo4j.ts';
import { serveApp } from './served-app.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    heap: { type: 'string', default: '1g' },
    pagecache: { type: 'string', default: '512m' },
    // In `npm test` (tests/bench-smoke/): a few clients for a few seconds.
    smoke: { type: 'boolean', default: false },
  },
});
const smoke = values.smoke;
const scale = (smoke ? 'small' : values.scale) as ScaleName;
if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}`);
const seconds = smoke ? 2 : Number(values.seconds);
const warmUpSeconds = smoke ? 1 : 10;
const connections = smoke ? 5 : Number(values.connections);
const memory = smoke ? { heap: '512m', pageCache: '128m' } : { heap: values.heap!, pageCache: values.pagecache! };

interface Figures {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function figures(latencies: number[], duration: number): Figures {
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / duration, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

// No request answered within the window (a short warm-up on a busy machine): said so, not printed as NaN.
const shown = (f: Figures) =>
  f.perSecond === 0
    ? '0 req/s, no request answered within the window'
    : `${f.perSecond.toFixed(0)} req/s, p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`;

async function overHttp(title: string, baseUrl: string, headers: Record<string, string>, nextPath: () => string, duration: number): Promise<Figures> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration,
    headers,
    // Each request its own path: a cache or one hot node must not flatter the figures.
    requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: nextPath() }) }],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  const other = [...statuses].filter(([status]) => status < 200 || status >= 300).map(([status, count]) => `${count} x ${status}`);
  const measured = figures(latencies, duration);
  console.log(
    `${title.padEnd(28)} HTTP   ${connections} clients, ${duration} s: ${shown(measured)}, ` +
      `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx${other.length ? ` (${other.join(', ')})` : ''}`,
  );
  return measured;
}

/** The baseline: as many concurrent sessions of the bare driver, each running the route's Cypher in turn. */
async function overDriver(title: string, driver: Driver, steps: () => Step[], duration: number): Promise<Figures> {
  const deadline = performance.now() + duration * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        let previousRecords = -1;
        for (const step of steps()) {
          if (step.whenPreviousFoundNothing && previousRecords !== 0) continue;
          const { records } = await session.executeRead((tx) => tx.run(step.cypher, toDriverParams(step.params) as Record<string, unknown>));
          previousRecords = records.length;
        }
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      } finally {
        await session.close();
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const measured = figures(latencies, duration);
  console.log(`${title.padEnd(28)} driver ${connections} sessions, ${duration} s: ${shown(measured)}, ${errors} errors`);
  return measured;
}

/** A step of the bare baseline; one `whenPreviousFoundNothing` runs only when the step before it found no record. */
interface Step {
  cypher: string;
  params: Record<string, unknown>;
  whenPreviousFoundNothing?: boolean;
}

/** A step of the bare baseline: the catalogue's Cypher with parameters as the executor sends them. */
function step(catalogue: Catalogue, handle: { name: string }, raw: Record<string, unknown>, options: Pick<Step, 'whenPreviousFoundNothing'> = {}): Step {
  const entry = catalogue.get(handle.name)!;
  const params = entry.schema.parse(raw) as Record<string, unknown>;
  if (typeof params.limit === 'number') params.limit += 1;
  return { cypher: entry.cypher, params, ...options };
}

const ratio = (http: Figures, bare: Figures) =>
  `  -> HTTP/driver: ${(http.perSecond / bare.perSecond).toFixed(2)}x the throughput, p95 ${(http.p95 / bare.p95).toFixed(2)}x`;

await withGivenOrFreshNeo4j(
  { ...memory, beforeFirstStart: (store) => seedOffline({ ...store, heap: memory.heap, offHeap: memory.pageCache }, scale).then(() => {}) },
  async (driver, { connection }) => {
    let close = async () => {};
    try {
      const catalogue = await loadCatalogue();
      const graph = new GraphExecutor(driver, catalogue, { timeoutMs: 600_000 });
      const { records } = await driver.executeQuery(
        // Synthetic detainees only: their ids are numbered 1..n; a public-record detainee would push n past the last.
        "MATCH (person:Person) WITH person LIMIT 2000 RETURN collect(person.name) AS names, COUNT { (d:Detainee) WHERE d.id STARTS WITH 'syn-detainee-' } AS detainees",
      );
      const names = (records[0]!.get('names') as string[]).filter(Boolean);
      const detainees = Number(records[0]!.get('detainees'));
      console.log(
        `bench:load${smoke ? ' (smoke)' : ''}, scale ${scale}: ${detainees} detainees, ${names.length} names to search; ${cpus().length} cores shared with Neo4j; load average ${await loadAverage()}`,
      );

      // The app in a process of its own, as `npm start` serves it (serve-app.ts says why).
      const app = await serveApp(connection);
      close = app.close;
      const baseUrl = `http://127.0.0.1:${app.port}`;

      // As a script calls it: an analyst's API token (each request also resolves it, and the figures include that).
      const users = new UserStore(graph);
      // An account of its own: on a database given by NEO4J_URI (the smoke run's), bench:api may be making
      // its account at this very moment, and two creations of one name race into the uniqueness
      // constraint. A second run on the same database finds the first run's.
      const analyst = (await users.findForLogin('bench-load-analyst')) ?? (await users.create('bench-load-analyst', 'bench password not for use', 'analyst'));
      const auth = { authorization: `Bearer ${(await users.issueToken(analyst, 'load bench')).token}` };

      const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
      const detainee = () => `syn-detainee-${String(1 + Math.floor(Math.random() * detainees)).padStart(7, '0')}`;
      const word = () => pick(names).split(/\s+/)[0]!;
      const chainPath = () => `/api/chain/${detainee()}`;
      const searchPath = () => `/api/search?q=${encodeURIComponent(word())}`;
      // What GET /api/chain/:id and GET /api/search run (fetch-chain.ts, graph.routes.ts).
      const chainSteps = () => {
        const id = detainee();
        // The node's own details only for a node no chain starts at, as fetch-chain.ts reads them.
        return [
          step(catalogue, queries.chainCeilings, { id }),
          step(catalogue, queries.chainOfCommand, { id }),
          step(catalogue, queries.nodeDetails, { id }, { whenPreviousFoundNothing: true }),
        ];
      };
      const searchSteps = () => [step(catalogue, queries.fullTextNames, { query: word() })];

      // As `npm start` does before "Ready" (server/graph/warm-up.ts). Then a short warm-up at full load,
      // printed but apart: the JVM's first executions are not the steady state.
      console.log(describeWarmUp(await warmUp(graph, (line) => console.error(line), { beforeServing: true })));
      await overHttp('chain-of-command (warm-up)', baseUrl, auth, chainPath, warmUpSeconds);
      const chainHttp = await overHttp('chain-of-command', baseUrl, auth, chainPath, seconds);
      const chainBare = await overDriver('chain-of-command', driver, chainSteps, seconds);
      console.log(`${ratio(chainHttp, chainBare)} (targets: >= 500 req/s, p95 <= 150 ms, 0 errors at 100 clients for 60 s)`);
      await overHttp('search (warm-up)', baseUrl, auth, searchPath, warmUpSeconds);
      const searchHttp = await overHttp('search', baseUrl, auth, searchPath, seconds);
      const searchBare = await overDriver('search', driver, searchSteps, seconds);
      console.log(ratio(searchHttp, searchBare));
      console.log(`load average at the end: ${await loadAverage()}`);
    } finally {
      await close();
    }
  },
);
