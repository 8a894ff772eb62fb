// The one neo4j-driver instance: to the server NEO4J_URI names, or to the embedded Neo4j started here.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Env } from '../env.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded.ts';
import { DEFAULT_RESTART_POLICY, Neo4jSupervisor, type SupervisorHooks } from './supervisor.ts';

export interface GraphConnection {
  driver: Driver;
  /** Where the app reads and writes; printed at start so a standard client can connect too. */
  uri: string;
  user: string;
  /** Present when this process runs the database itself: the JVM running now. */
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

export interface ConnectOptions extends Pick<EmbeddedOptions, 'phase' | 'beforeFirstStart'> {
  /** Where Neo4j's own console output goes besides its log files. */
  onNeo4jOutput?: (line: string) => void;
  /**
   * The server's own embedded Neo4j is restarted when it exits (NEO4J_RESTART_ATTEMPTS in a row);
   * without hooks (the CLIs), a JVM that dies fails the work in hand, as it should.
   */
  supervise?: SupervisorHooks;
}

export async function connectToGraph(env: Env, options: ConnectOptions = {}): Promise<GraphConnection> {
  if (env.NEO4J_URI) {
    const driver = createDriver(env.NEO4J_URI, env.NEO4J_USER, env.NEO4J_PASSWORD!);
    return { driver, uri: env.NEO4J_URI, user: env.NEO4J_USER, close: () => driver.close() };
  }
  // Start-up narration and the bulk load into an empty store belong to the first start only: a restart
  // finds the store there and starts quietly (the supervisor reports it).
  const start = (first: boolean) =>
    startEmbeddedNeo4j({
      dataDir: env.DATA_DIR,
      cacheDir: env.XPF_CACHE_DIR,
      boltPort: env.NEO4J_BOLT_PORT,
      heap: env.NEO4J_HEAP,
      pageCache: env.NEO4J_PAGECACHE,
      jvmOptions: env.NEO4J_JVM_OPTIONS,
      password: env.NEO4J_PASSWORD,
      startTimeoutMs: env.NEO4J_START_TIMEOUT_S * 1000,
      onOutput: options.onNeo4jOutput,
      ...(first ? { phase: options.phase, beforeFirstStart: options.beforeFirstStart } : {}),
    });
  const first = await start(true);
  const supervisor = options.supervise
    ? new Neo4jSupervisor(first, () => start(false), { ...DEFAULT_RESTART_POLICY, attempts: env.NEO4J_RESTART_ATTEMPTS }, options.supervise)
    : null;
  const driver = createDriver(first.uri, first.user, first.password);
  return {
    driver,
    uri: first.uri,
    user: first.user,
    get embedded() {
      return supervisor?.neo4j ?? first;
    },
    close: async () => {
      await driver.close();
      await (supervisor ?? first).stop();
    },
  };
}
