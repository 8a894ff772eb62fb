// Starts one real Neo4j for the whole run (fresh temporary data folder, free port), applies the
// schema, loads the seed, and builds the client once for every test that serves it. No mock of
// Neo4j anywhere.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { seedIfEmpty } from '../../server/queries/seed-graph.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { ensureClientBuilt } from '../../server/http/client-bundle.ts';
import { parseEnv } from '../../server/env.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { startEmbeddedNeo4j } from '../../server/graph/embedded.ts';
import { freePort } from '../../server/graph/ports.ts';
import { NEO4J_TEST_START_MS, TEST_JVM_OPTIONS } from './neo4j-start.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; dataDir: string };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'xpf-test-'));
  const env = parseEnv({ ...process.env, DATA_DIR: dataDir });
  const clientBuild = ensureClientBuilt(() => {});
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    cacheDir: env.XPF_CACHE_DIR,
    boltPort: await freePort(),
    heap: '512m',
    pageCache: '128m',
    jvmOptions: TEST_JVM_OPTIONS,
    startTimeoutMs: NEO4J_TEST_START_MS,
  });
  const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  try {
    await clientBuild;
    const graph = new GraphExecutor(driver, await loadCatalogue(), { timeoutMs: 600_000 });
    await graph.applySchema(queries.schema);
    await seedIfEmpty(graph, env.PHOTOS_DIR);
  } catch (error) {
    // A failed setup has no teardown: stop the JVM here or it outlives the run.
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    await driver.close();
  }
  project.provide('neo4j', { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, dataDir });

  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
