// `npm run bench:api [-- --scale small,1m]`: each curated query over HTTP beside the same Cypher run
// with the bare driver, in the same run on the same database; then chain-of-command throughput with
// 50 concurrent clients. Prints p50/p95 and ratios; the targets are ratios and budgets, not asserts.
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadCatalogue, type CatalogueEntry } from '../../server/graph/catalogue.ts';
import { loadSeed } from '../../server/queries/seed-graph.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import type { ScaleName } from '../../seed/synthetic.ts';
import { createApp } from '../../server/http/app.ts';
import { UserStore } from '../../server/queries/user-store.ts';
import { toDriverParams } from '../../server/graph/executor.ts';
import { percentile, withFreshNeo4j } from './fresh-neo4j.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small,1m' },
    iterations: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    heap: { type: 'string', default: '3g' },
    pagecache: { type: 'string', default: '3g' },
  },
});
const iterations = Number(values.iterations);

/** Parameters for each read query, on nodes every scale has (the public record, the first synthetic rows). */
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
};

async function time(runs: number, once: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, runs); i++) await once(); // warm-up: plans cached, pages in
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once();
    samplesMs.push(performance.now() - started);
  }
  return samplesMs.sort((a, b) => a - b);
}

async function bareRun(driver: Driver, entry: CatalogueEntry, params: Record<string, unknown>): Promise<unknown> {
  const parsed = entry.schema.parse(params) as Record<string, unknown>;
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead((tx) => tx.run(entry.cypher, toDriverParams(parsed) as Record<string, unknown>));
  } finally {
    await session.close();
  }
}

async function throughput(baseUrl: string, auth: Record<string, string>, detaineeCount: number, seconds: number, clients: number) {
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

async function benchScale(scale: ScaleName): Promise<void> {
  await withFreshNeo4j({ heap: values.heap!, pageCache: values.pagecache! }, (driver) => benchOn(driver, scale));
}

async function benchOn(driver: Driver, scale: ScaleName): Promise<void> {
  const server = { close: (_: () => void) => {} } as { close: (done: () => void) => void };
  try {
    const catalogue = await loadCatalogue();
    const seeded = performance.now();
    const graph = new GraphExecutor(driver, catalogue, { timeoutMs: 600_000 });
    await loadSeed(graph, scale);
    const { records } = await driver.executeQuery('RETURN COUNT { (:Entity) } AS nodes, COUNT { ()-[]->() } AS links, COUNT { (:Detainee) } AS detainees');
    const counts = records[0]!.toObject();
    console.log(
      `\n== scale ${scale}: ${Number(counts.nodes).toLocaleString('en')} nodes, ${Number(counts.links).toLocaleString('en')} relationships (seeded in ${((performance.now() - seeded) / 1000).toFixed(0)} s)`,
    );

    const app = createApp({ driver, catalogue, log: () => {} });
    const listening = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    server.close = (done) => listening.close(done);
    const baseUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    // As a script calls it: an analyst's API token. Each request now also resolves the token and
    // writes an audit entry, and the numbers include that.
    const users = new UserStore(graph);
    const analyst = await users.create('bench-analyst', 'bench password not for use', 'analyst');
    const auth = { authorization: `Bearer ${(await users.issueToken(analyst, 'api bench')).token}` };

    console.log('query                    HTTP p50   p95 | driver p50   p95 | p50 ratio');
    for (const [name, params] of Object.entries(samples)) {
      const entry = catalogue.get(name)!;
      const http = await time(iterations, async () => {
        const response = await fetch(`${baseUrl}/api/queries/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ params }),
        });
        if (!response.ok) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
        return response.arrayBuffer();
      });
      const bare = await time(iterations, () => bareRun(driver, entry, params));
      const ratio = percentile(http, 50) / percentile(bare, 50);
      console.log(
        `${name.padEnd(24)} ${percentile(http, 50).toFixed(1).padStart(6)} ${percentile(http, 95).toFixed(1).padStart(6)} | ${percentile(bare, 50).toFixed(1).padStart(6)} ${percentile(bare, 95).toFixed(1).padStart(6)} | ${ratio.toFixed(2)}x`,
      );
    }
    const load = await throughput(baseUrl, auth, Number(counts.detainees), Number(values.seconds), 50);
    console.log(
      `chain-of-command, 50 clients for ${values.seconds} s: ${load.perSecond.toFixed(0)} queries/s, p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, ${load.errors} errors (targets: >= 500/s; p95 < 50 ms at 1m)`,
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

for (const scale of values.scale!.split(',') as ScaleName[]) await benchScale(scale);
