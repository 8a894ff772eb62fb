// bench:load in its smoke mode (tests/bench-smoke/smoke.ts says what a smoke run checks).
import { it } from 'vitest';
import { expectRuns, n, theRunsNeo4j } from './smoke.ts';

it('bench:load drives chain of command and search over HTTP and through the bare driver', async () => {
  await expectRuns(
    'load',
    [
      new RegExp(`^chain-of-command +HTTP +5 clients, 2 s: ${n} req/s, p50 ${n} ms`, 'm'),
      new RegExp(`^chain-of-command +driver 5 sessions, 2 s: ${n} req/s, p50 ${n} ms`, 'm'),
      new RegExp(`^search +HTTP +5 clients, 2 s: ${n} req/s`, 'm'),
      new RegExp(`^search +driver 5 sessions, 2 s: ${n} req/s`, 'm'),
      new RegExp(`HTTP/driver: ${n}x the throughput, p95 ${n}x`),
    ],
    theRunsNeo4j(),
  );
}, 600_000);
