// The one neo4j-driver instance: to the server NEO4J_URI names, or to the embedded Neo4j started here.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Env } from '../env.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded.ts';

export interface GraphConnection {
  driver: Driver;
  /** Where the app reads and writes; printed at start so a standard client can connect too. */
  uri: string;
  user: string;
  /** Present when this process runs the database itself. */
  embedded?: EmbeddedNeo4j;
  close(): Promise<void>;
}

/**
 * Bounded so a request never waits on the driver longer than the app's own deadlines: the driver's
 * default retry budget (30 s) and acquisition timeout (60 s) would hold a request far past them.
 */
export function createDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    maxTransactionRetryTime: 5_000,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxConnectionPoolSize: 100,
    userAgent: 'xpf-explorer',
  });
}

/** For the embedded database: start-up narration, and a bulk load into a store that holds nothing yet. */
export type EmbeddedStart = Pick<EmbeddedOptions, 'onOutput' | 'phase' | 'beforeFirstStart'>;

export async function connectToGraph(env: Env, start: EmbeddedStart = {}): Promise<GraphConnection> {
  if (env.NEO4J_URI) {
    const driver = createDriver(env.NEO4J_URI, env.NEO4J_USER, env.NEO4J_PASSWORD!);
    return { driver, uri: env.NEO4J_URI, user: env.NEO4J_USER, close: () => driver.close() };
  }
  const embedded = await startEmbeddedNeo4j({
    dataDir: env.DATA_DIR,
    cacheDir: env.XPF_CACHE_DIR,
    boltPort: env.NEO4J_BOLT_PORT,
    heap: env.NEO4J_HEAP,
    pageCache: env.NEO4J_PAGECACHE,
    password: env.NEO4J_PASSWORD,
    startTimeoutMs: env.NEO4J_START_TIMEOUT_S * 1000,
    ...start,
  });
  const driver = createDriver(embedded.uri, embedded.user, embedded.password);
  return {
    driver,
    uri: embedded.uri,
    user: embedded.user,
    embedded,
    close: async () => {
      await driver.close();
      await embedded.stop();
    },
  };
}
