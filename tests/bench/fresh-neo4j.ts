// A Neo4j of its own for a benchmark: embedded, free port, schema applied, in a temporary data folder
// removed afterwards (so no run inherits another's store or page cache), or in a given folder that is
// kept (a 10m store seeded once by `npm run seed`, benchmarked many times).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { parseEnv } from '../../server/env.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { startEmbeddedNeo4j, type EmbeddedOptions } from '../../server/graph/embedded.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { freePort } from '../../server/graph/ports.ts';

export interface BenchNeo4jOptions {
  heap: string;
  pageCache: string;
  /** A data folder to use and keep; without it a temporary one is made and removed. */
  dataDir?: string;
  /** A bulk load before Neo4j first opens the store (server/queries/bulk-load.ts). */
  beforeFirstStart?: EmbeddedOptions['beforeFirstStart'];
}

export interface BenchNeo4j {
  driver: Driver;
  /** How another process reaches the same Neo4j (a benchmark that measures a child process). */
  connection: { uri: string; user: string; password: string };
  /** Constraints and indexes applied, and waited for: after a bulk load, that is when they are built. */
  schemaSeconds: number;
}

export async function withFreshNeo4j<T>(options: BenchNeo4jOptions, work: (driver: Driver, neo4j: BenchNeo4j) => Promise<T>): Promise<T> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'xpf-bench-')));
  const env = parseEnv();
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    cacheDir: env.XPF_CACHE_DIR,
    boltPort: await freePort(),
    heap: options.heap,
    pageCache: options.pageCache,
    jvmOptions: env.NEO4J_JVM_OPTIONS,
    // A busy machine may take minutes to start a JVM: NEO4J_START_TIMEOUT_S (up to 600) allows it.
    startTimeoutMs: Math.max(180, env.NEO4J_START_TIMEOUT_S) * 1000,
    beforeFirstStart: options.beforeFirstStart,
  }).catch(async (error: unknown) => {
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  try {
    const started = performance.now();
    await new GraphExecutor(driver, await loadCatalogue(), { timeoutMs: 3_600_000 }).applySchema(queries.schema, { waitSeconds: 3_600 });
    const connection = { uri: neo4j.uri, user: neo4j.user, password: neo4j.password };
    return await work(driver, { driver, connection, schemaSeconds: (performance.now() - started) / 1000 });
  } finally {
    await driver.close();
    await neo4j.stop();
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The server NEO4J_URI names, used as it is (nothing started, loaded or removed), when it names one;
 * otherwise a fresh Neo4j, as `withFreshNeo4j` gives and loads. The smoke run (tests/bench-smoke/)
 * hands the test run's own database, which already holds the small seed, to the benches that only
 * read and sign in: two JVMs fewer for each, on a CI machine where each takes a minute to start.
 */
export async function withGivenOrFreshNeo4j<T>(options: BenchNeo4jOptions, work: (driver: Driver, neo4j: BenchNeo4j) => Promise<T>): Promise<T> {
  const env = parseEnv();
  if (!env.NEO4J_URI) return withFreshNeo4j(options, work);
  // parseEnv refuses NEO4J_URI without NEO4J_PASSWORD.
  const connection = { uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD! };
  console.log(`on the Neo4j NEO4J_URI names (${connection.uri}), its store as it is`);
  const driver = createDriver(connection.uri, connection.user, connection.password);
  try {
    return await work(driver, { driver, connection, schemaSeconds: 0 });
  } finally {
    await driver.close();
  }
}

/** A database emptied for its next use, as a fresh one would be (constraints and indexes stay). */
export async function emptied(driver: Driver): Promise<Driver> {
  // IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery's managed one.
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  return driver;
}

/** The p-th percentile of ascending `sorted` (nearest rank); NaN when there are no samples. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The 1, 5 and 15-minute load averages: the machine is shared, and every figure shifts with them. */
export async function loadAverage(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8').catch(() => 'unknown')).split(' ').slice(0, 3).join(' ');
}

export const rate = (rows: number, seconds: number) => `${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s`;
