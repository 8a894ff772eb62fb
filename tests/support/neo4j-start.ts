import { parseEnv } from '../../server/env.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/graph/embedded.ts';
import type { Cleanups } from './app-process.ts';

// How long a test waits for a Neo4j it starts to answer on Bolt: 20 s on an idle machine, several
// minutes when other work holds both cores (a CI machine may be busy; the suite must still pass).
export const NEO4J_TEST_START_MS = 600_000;

/**
 * JVM options for the Neo4j instances tests start: the short-lived ones of a test's own, and the run's
 * shared one (tests/support/global-setup.ts). Not the fault tests' own, which time the app as shipped.
 * The C1 compiler only:
 * - A JVM that lives a minute or two spends much of it compiling with C2 on cores the other tests need;
 *   with C1 alone Neo4j answered about a fifth sooner and planned its first queries about a third
 *   sooner, one core kept busy.
 * - The shared one, which serves every test for half an hour on the small seed, spent 216 of its 487
 *   CPU seconds in its C2 compiler thread in CI run 46 (and 30 in C1): the most CPU of any single
 *   thread in the run, on a machine whose tests wait for CPU. Its queries take milliseconds either way.
 */
export const TEST_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1'];

/** A Neo4j of a test's own (small memory), stopped at the file's cleanup: as the fault tests meet one. */
export async function startTestNeo4j(cleanups: Cleanups, dataDir: string, boltPort: number, password?: string): Promise<EmbeddedNeo4j> {
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    cacheDir: parseEnv().XPF_CACHE_DIR,
    boltPort,
    heap: '256m',
    pageCache: '64m',
    password,
    startTimeoutMs: NEO4J_TEST_START_MS,
  });
  cleanups.add(() => neo4j.stop());
  return neo4j;
}
