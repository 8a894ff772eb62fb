// `npm run bench:load [-- --seconds 60 --connections 100 --scale small]`: the app under sustained load
// on loopback. Starts its own Neo4j in a temporary folder, seeds it, serves the production app, then
// drives chain-of-command (random synthetic detainees) and search (names from the graph) with
// autocannon, each for --seconds after a 10 s warm-up (printed apart). Prints p50/p95/p99, requests per second, errors and non-2xx.
// Target: zero errors and zero non-2xx. The query rate limit is off here: a hundred clients on one
// address would otherwise measure the limiter (its own test is tests/integration/hardening.test.ts).
import { describeWarmUp, warmUp } from '../../server/graph/warm-up.ts';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { loadSeed } from '../../server/queries/seed-graph.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import type { ScaleName } from '../../seed/synthetic.ts';
import { createApp } from '../../server/http/app.ts';
import { UserStore } from '../../server/queries/user-store.ts';
import { percentile, withFreshNeo4j } from './fresh-neo4j.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    heap: { type: 'string', default: '1g' },
    pagecache: { type: 'string', default: '512m' },
  },
});
const seconds = Number(values.seconds);
const warmUpSeconds = 10;
const connections = Number(values.connections);

async function load(title: string, baseUrl: string, headers: Record<string, string>, nextPath: () => string, duration = seconds): Promise<void> {
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
  latencies.sort((a, b) => a - b);
  const other = [...statuses].filter(([status]) => status < 200 || status >= 300).map(([status, count]) => `${count} x ${status}`);
  console.log(
    `${title.padEnd(26)} ${connections} clients, ${duration} s: ${(latencies.length / duration).toFixed(0)} req/s, ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
      `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx${other.length ? ` (${other.join(', ')})` : ''}`,
  );
}

await withFreshNeo4j({ heap: values.heap!, pageCache: values.pagecache! }, async (driver) => {
  let close = async () => {};
  try {
    const catalogue = await loadCatalogue();
    const graph = new GraphExecutor(driver, catalogue, { timeoutMs: 600_000 });
    await loadSeed(graph, values.scale as ScaleName);
    const { records } = await driver.executeQuery(
      'MATCH (person:Person) WITH person LIMIT 2000 RETURN collect(person.name) AS names, COUNT { (:Detainee) } AS detainees',
    );
    const names = (records[0]!.get('names') as string[]).filter(Boolean);
    const detainees = Number(records[0]!.get('detainees'));
    console.log(
      `scale ${values.scale}: ${detainees} detainees, ${names.length} names to search; on ${(await import('node:os')).cpus().length} cores shared with Neo4j`,
    );

    // Each distinct server-side failure once, with its first line: the cause of any 5xx in the figures.
    const failures = new Set<string>();
    const log = (line: string) => {
      const first = line
        .split('\n')[0]!
        .replace(/syn-detainee-\d+/g, 'syn-detainee-…')
        .slice(0, 300);
      if (!failures.has(first)) console.error(`  server: ${first}`);
      failures.add(first);
    };
    const app = createApp({ driver, catalogue, log, rateLimits: { queriesPerMinute: 0 } });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // As a script calls it: an analyst's API token (each request also resolves it, and the figures include that).
    const users = new UserStore(graph);
    const analyst = await users.create('bench-analyst', 'bench password not for use', 'analyst');
    const auth = { authorization: `Bearer ${(await users.issueToken(analyst, 'load bench')).token}` };

    const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
    const chainPath = () => `/api/chain/syn-detainee-${String(1 + Math.floor(Math.random() * detainees)).padStart(7, '0')}`;
    const searchPath = () => `/api/search?q=${encodeURIComponent(pick(names).split(/\s+/)[0]!)}`;
    // As `npm start` does before "Ready" (server/graph/warm-up.ts). Then a short warm-up at full load,
    // printed but apart: the JVM's first executions are not the steady state.
    console.log(describeWarmUp(await warmUp(graph, (line) => console.error(line))));
    await load('chain-of-command (warm-up)', baseUrl, auth, chainPath, warmUpSeconds);
    await load('chain-of-command', baseUrl, auth, chainPath);
    await load('search (warm-up)', baseUrl, auth, searchPath, warmUpSeconds);
    await load('search', baseUrl, auth, searchPath);
  } finally {
    await close();
  }
});
