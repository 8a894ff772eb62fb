// `npm run neo4j:provision`: fetch Neo4j's jars into the user-level cache ahead of time (CI, offline
// use), then start Neo4j once on a throwaway store and plan every curated query in it, so that the
// JVM records the classes all that loaded (server/graph/class-archive.ts): every later start, the
// app's and each test's, maps them in instead of loading them from the jars.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queries } from '../../contract/queries/index.ts';
import { parseEnv } from '../env.ts';
import { loadCatalogue } from '../graph/catalogue.ts';
import { archivePath } from '../graph/class-archive.ts';
import { createDriver } from '../graph/driver.ts';
import { neo4jClassPath, startEmbeddedNeo4j } from '../graph/embedded.ts';
import { GraphExecutor } from '../graph/executor.ts';
import { freePort } from '../graph/ports.ts';
import { provisionNeo4j } from '../graph/provision.ts';
import { StartupError } from '../graph/startup-error.ts';
import { warmUp } from '../graph/warm-up.ts';

async function recordClasses(env: ReturnType<typeof parseEnv>): Promise<void> {
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'xpf-provision-'));
  try {
    const neo4j = await startEmbeddedNeo4j({
      dataDir,
      cacheDir: env.XPF_CACHE_DIR,
      boltPort: await freePort(),
      heap: env.NEO4J_HEAP,
      pageCache: '256m',
      jvmOptions: env.NEO4J_JVM_OPTIONS,
      startTimeoutMs: env.NEO4J_START_TIMEOUT_S * 1000,
    });
    try {
      if (neo4j.classArchive !== 'recording') return;
      const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
      try {
        const graph = new GraphExecutor(driver, await loadCatalogue(), { timeoutMs: 120_000 });
        await graph.applySchema(queries.schema, { waitSeconds: 600 });
        await warmUp(graph, () => {}, { beforeServing: true });
      } finally {
        await driver.close();
      }
    } finally {
      await neo4j.stop();
    }
    console.log(`Recorded the classes Neo4j loads, for quicker starts (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

try {
  const env = parseEnv();
  const distribution = await provisionNeo4j(env.XPF_CACHE_DIR);
  console.log(`Neo4j ${distribution.version} is ready in ${distribution.libDir} (Java ${distribution.java.major}).`);
  if (!existsSync(archivePath(distribution, neo4jClassPath(distribution), env.XPF_CACHE_DIR))) {
    console.log('Starting Neo4j once to record the classes it loads (about half a minute)…');
    await recordClasses(env);
  }
} catch (error) {
  console.error(error instanceof StartupError ? `Cannot provision Neo4j: ${error.message}` : error);
  process.exit(1);
}
