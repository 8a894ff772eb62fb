// Every benchmark in its smoke mode (`--smoke`: the small scale, a few iterations, seconds not minutes),
// run as `npm run bench:*` runs it: a benchmark that stops working (a rate limit in its way, a renamed
// query, a harness the page no longer feeds) fails here, not on the day someone needs its figures.
// Only that each runs to the end and prints its figures beside its baseline is asserted, never a time.
// One file per bench (tests/bench-smoke/*.test.ts): each takes minutes on a busy machine, and as files
// the two workers of a test run share them out.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, inject } from 'vitest';
import { TEST_JVM_OPTIONS } from '../support/neo4j-start.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

/** Benches still running: one whose test timed out must not go on loading the machine (its Neo4j ends with it). */
const running = new Set<ChildProcess>();
// Registered in each test file that imports this module (Vitest evaluates it once per file).
afterEach(() => {
  for (const child of running) child.kill('SIGTERM');
  running.clear();
});

/**
 * The test run's own Neo4j, which holds the small seed, for a bench that only reads and signs in:
 * starting and bulk-loading one of its own costs two JVM starts, minutes on a busy CI machine.
 */
export function theRunsNeo4j(): Record<string, string> {
  const { uri, user, password } = inject('neo4j');
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
}

async function runBench(name: string, database: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `tests/bench/${name}.bench.ts`, '--smoke'], {
    cwd: repoRoot,
    // Otherwise a bench starts its own Neo4j and app: nothing of the test run's may leak into it.
    // The short-lived Neo4j a bench starts gets the tests' JVM options (figures of a smoke run compare with nothing).
    env: { ...process.env, NEO4J_URI: '', PORT: '', DATA_DIR: '', NEO4J_JVM_OPTIONS: TEST_JVM_OPTIONS.join(' '), ...database },
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
export const n = String.raw`\d[\d,]*(?:\.\d+)?`;

export async function expectRuns(name: string, figures: RegExp[], database: Record<string, string> = {}): Promise<void> {
  const { code, output } = await runBench(name, database);
  expect(code, output).toBe(0);
  expect(output).not.toMatch(/NaN/);
  for (const figure of figures) expect(output, `bench:${name} printed no line matching ${figure}`).toMatch(figure);
}
