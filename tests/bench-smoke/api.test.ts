// bench:api in its smoke mode (tests/bench-smoke/smoke.ts says what a smoke run checks).
import { it } from 'vitest';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { expectRuns, n, theRunsNeo4j } from './smoke.ts';

it('bench:api measures every evidence query beside the bare driver, a saved view opened, and throughput', async () => {
  const names = (await loadCatalogue()).evidence().map((entry) => entry.name);
  await expectRuns(
    'api',
    [
      new RegExp(`^warm-up: ${n} rounds of every query over HTTP and the driver`, 'm'),
      ...names.map((name) => new RegExp(`^${name} +${n} +${n} \\| +${n} +${n} \\| ${n}x$`, 'm')),
      new RegExp(`^saved view of ${n} elements opened: HTTP p50 ${n} ms, p95 ${n} ms \\| driver p50 ${n} ms, p95 ${n} ms`, 'm'),
      new RegExp(`^chain-of-command, 5 clients for 2 s: ${n} queries/s, p50 ${n} ms`, 'm'),
    ],
    theRunsNeo4j(),
  );
}, 600_000);
