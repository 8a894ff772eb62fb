// bench:start in its smoke mode (tests/bench-smoke/smoke.ts says what a smoke run checks).
import { it } from 'vitest';
import { expectRuns, n } from './smoke.ts';

it('bench:start starts cold and times the first requests after Ready beside the tenth', async () => {
  await expectRuns('start', [
    /^cold start \(new DATA_DIR\): "Ready" after [\d.]+ s .*Ready in [\d.]+ s \(client [\d.]+ s, fetch [\d.]+ s, seed [\d.]+ s, database [\d.]+ s, schema [\d.]+ s/m,
    // Any status: a 503 after Ready is a finding the bench reports, not a broken bench.
    new RegExp(`^after the cold start: sign-in ${n} ms \\(HTTP 200\\); first chain of command ${n} ms \\(HTTP \\d{3}\\), tenth ${n} ms \\(HTTP \\d{3}\\)`, 'm'),
  ]);
}, 600_000);
