// A fresh embedded Neo4j for a benchmark: temporary data folder, free port, schema applied, and
// everything removed afterwards, so no run inherits another's store or page cache.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { parseEnv } from '../../server/env.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { startEmbeddedNeo4j } from '../../server/graph/embedded.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { freePort } from '../support/ports.ts';

/** How another process reaches the same Neo4j (a benchmark that measures a child process). */
export interface Connection {
  uri: string;
  user: string;
  password: string;
}

export async function withFreshNeo4j<T>(
  memory: { heap: string; pageCache: string },
  work: (driver: Driver, version: string, connection: Connection) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'xpf-bench-'));
  const env = parseEnv();
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    cacheDir: env.XPF_CACHE_DIR,
    boltPort: await freePort(),
    heap: memory.heap,
    pageCache: memory.pageCache,
    // A busy machine may take minutes to start a JVM: NEO4J_START_TIMEOUT_S (up to 600) allows it.
    startTimeoutMs: Math.max(180, env.NEO4J_START_TIMEOUT_S) * 1000,
  });
  const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  try {
    await new GraphExecutor(driver, await loadCatalogue(), { timeoutMs: 600_000 }).applySchema(queries.schema);
    return await work(driver, neo4j.version, { uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  } finally {
    await driver.close();
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The p-th percentile of ascending `sorted` (nearest rank); NaN when there are no samples. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
