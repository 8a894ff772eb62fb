// Every benchmark in its smoke mode (`--smoke`: the small scale, a few iterations, seconds not minutes),
// run as `npm run bench:*` runs it: a benchmark that stops working (a rate limit in its way, a renamed
// query, a harness the page no longer feeds) fails here, not on the day someone needs its figures.
// Only that each runs to the end and prints its figures beside its baseline is asserted, never a time.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadCatalogue } from '../server/graph/catalogue.ts';

const repoRoot = join(import.meta.dirname, '..');

/** Benches still running: one whose test timed out must not go on loading the machine (its Neo4j ends with it). */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGTERM');
  running.clear();
});

/**
 * The test run's own Neo4j, which holds the small seed, for a bench that only reads and signs in:
 * starting and bulk-loading one of its own costs two JVM starts, minutes on a busy CI machine.
 */
function theRunsNeo4j(): Record<string, string> {
  const { uri, user, password } = inject('neo4j');
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}

async function runBench(name: string, database: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `tests/bench/${name}.bench.ts`, '--smoke'], {
    cwd: repoRoot,
    // Otherwise a bench starts its own Neo4j and app: nothing of the test run's may leak into it.
    env: { ...process.env, NEO4J_URI: '', PORT: '', DATA_DIR: '', ...database },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  running.delete(child);
  return { code, output };
}

/** A figure: digits, never NaN (NaN is what a percentile of no successful sample gives). */
const n = String.raw`\d[\d,]*(?:\.\d+)?`;

async function expectRuns(name: string, figures: RegExp[], database: Record<string, string> = {}): Promise<void> {
  const { code, output } = await runBench(name, database);
  expect(code, output).toBe(0);
  expect(output).not.toMatch(/NaN/);
  for (const figure of figures) expect(output, `bench:${name} printed no line matching ${figure}`).toMatch(figure);
}

describe('benchmarks in smoke mode', () => {
  it('bench:api measures every evidence query beside the bare driver, a saved view opened, and throughput', async () => {
    const names = (await loadCatalogue()).evidence().map((entry) => entry.name);
    await expectRuns(
      'api',
      [
        ...names.map((name) => new RegExp(`^${name} +${n} +${n} \\| +${n} +${n} \\| ${n}x$`, 'm')),
        new RegExp(`^saved view of ${n} elements opened: HTTP p50 ${n} ms, p95 ${n} ms \\| driver p50 ${n} ms, p95 ${n} ms`, 'm'),
        new RegExp(`^chain-of-command, 5 clients for 2 s: ${n} queries/s, p50 ${n} ms`, 'm'),
      ],
      theRunsNeo4j(),
    );
  }, 600_000);

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

  it('bench:import loads the small seed offline, online and with bare UNWIND batches', async () => {
    await expectRuns('import', [
      new RegExp(`^bare +${n} rows in ${n} s = ${n} rows/s`, 'm'),
      new RegExp(`^offline +${n} rows in ${n} s = ${n} rows/s +${n}x the bare driver`, 'm'),
      new RegExp(`Neo4j's importer ${n} s \\(${n} rows/s\\), constraints and indexes built after ${n} s`),
      new RegExp(`^online +${n} rows in ${n} s = ${n} rows/s +${n}x the bare driver`, 'm'),
    ]);
  }, 600_000);

  it('bench:ui draws two sizes beside its baseline and pans them', async () => {
    await expectRuns('ui', [
      new RegExp(`^ {2}300: baseline ${n} ms, optimised ${n} ms`, 'm'),
      new RegExp(`^ {2}2500: baseline ${n} ms, optimised ${n} ms`, 'm'),
      /Where the draw time goes/,
    ]);
  }, 600_000);

  it('bench:start starts cold and warm, and times the first requests after Ready beside the tenth', async () => {
    await expectRuns('start', [
      /^cold start \(new DATA_DIR\): "Ready" after [\d.]+ s .*Ready in [\d.]+ s \(client [\d.]+ s, fetch [\d.]+ s, seed [\d.]+ s, database [\d.]+ s, schema [\d.]+ s/m,
      // Any status: a 503 after Ready is a finding the bench reports, not a broken bench.
      new RegExp(
        `^after the cold start: sign-in ${n} ms \\(HTTP 200\\); first chain of command ${n} ms \\(HTTP \\d{3}\\), tenth ${n} ms \\(HTTP \\d{3}\\)`,
        'm',
      ),
      /^warm start \(same DATA_DIR; target <= 10 s\): "Ready" after [\d.]+ s/m,
      new RegExp(`^after the warm start: sign-in ${n} ms \\(HTTP 200\\); first chain of command ${n} ms \\(HTTP \\d{3}\\)`, 'm'),
    ]);
  }, 600_000);
});
