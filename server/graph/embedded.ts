// Runs Neo4j Community as a child JVM for this app: Bolt on 127.0.0.1 only, data in DATA_DIR/neo4j,
// heap and page cache set explicitly, authentication on. Resolves once Bolt answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { silentPhase, type RunPhase } from '../phases.ts';
import { clearUnfinishedImport, storeIsMissing } from './admin-import.ts';
import { classArchive, crashed } from './class-archive.ts';
import { assertPortFree } from './ports.ts';
import { isAlive } from './process-alive.ts';
import { embeddedPassword } from './password.ts';
import { NEO4J_VERSION, provisionNeo4j, type Neo4jDistribution } from './provision.ts';
import { databaseAnswers } from './readiness.ts';
import { StartupError } from './startup-error.ts';
import { privateFolder, privately, writePrivateFile } from '../private-files.ts';

export interface EmbeddedOptions {
  dataDir: string;
  cacheDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  /** From NEO4J_JVM_OPTIONS: after the project's own flags, so that they can override them. */
  jvmOptions?: readonly string[];
  /** Where the JVM's class archive is kept (server/graph/class-archive.ts); cacheDir unless a test says otherwise. */
  classArchiveDir?: string;
  /** From NEO4J_PASSWORD; when absent a generated one is kept in the data folder. */
  password?: string;
  startTimeoutMs: number;
  /** Where Neo4j's own console output goes besides its log files (tests keep it quiet). */
  onOutput?: (line: string) => void;
  /** Narrates the slow steps: fetching Neo4j, creating and starting the database (server/phases.ts). */
  phase?: RunPhase;
  /**
   * Runs while the store holds no user database yet and Neo4j is not running: where a bulk load
   * through the offline importer goes (server/queries/bulk-load.ts), before the JVM opens the store.
   */
  beforeFirstStart?: (store: UnopenedStore) => Promise<void>;
}

/** A store Neo4j has not opened yet, as `beforeFirstStart` is handed it. */
export interface UnopenedStore {
  distribution: Neo4jDistribution;
  homeDir: string;
  /** This Neo4j's own (NEO4J_JVM_OPTIONS), for the importer's JVM. */
  jvmOptions: readonly string[];
}

export interface EmbeddedNeo4j {
  uri: string;
  user: 'neo4j';
  password: string;
  version: string;
  pid: number;
  /** Stops the JVM cleanly (SIGTERM, then SIGKILL after `graceMs`), and releases the data folder. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when the JVM has exited, however that happened. */
  exited: Promise<number | null>;
  /** The same moment, with the signal that ended it, if one did. */
  exit: Promise<JvmExit>;
  /**
   * Whether this JVM maps the class archive, or records one as it exits (some seconds at the first
   * stop: worth a word to whoever waits for it).
   */
  classArchive: 'used' | 'recording' | 'none';
}

export interface JvmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The JVM flags of Neo4j 5.26's own neo4j.conf that matter for a server run from a launcher. */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-Dlog4j2.disable.jmx=true',
];

function configText(options: EmbeddedOptions, homeDir: string): string {
  return [
    '# Written by xpf-explorer at each start; edit the environment variables instead.',
    'server.default_listen_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.memory.heap.initial_size=${options.heap}`,
    `server.memory.heap.max_size=${options.heap}`,
    `server.memory.pagecache.size=${options.pageCache}`,
    'dbms.security.auth_enabled=true',
    // Cypher reaches no file and no network (admins run raw Cypher): LOAD CSV may not read file:///
    // URLs at all, their root is pinned inside the data folder should that ever change, and every
    // address, IPv4 and IPv6, is on the blocklist Neo4j checks before it opens an http(s) or ftp URL.
    `server.directories.import=${join(homeDir, 'import')}`,
    'dbms.security.allow_csv_import_from_file_urls=false',
    'internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0',
    // The machines are offline, and analysts' usage must not be reported anywhere.
    'dbms.usage_report.enabled=false',
    // A safety net under the per-query timeouts the app sets.
    'db.transaction.timeout=60s',
    // Neo4j keys a cached plan by the size of each string and list parameter too, by order of
    // magnitude: a username of 8 characters after one of 13, or a list of 15 ids after one of 2, was
    // planned again (40 to 150 ms) however warm the cache. By type alone, the warm-up's plans serve
    // every request; the size only tuned estimates for lists our queries look up by index anyway.
    'internal.cypher.use_parameter_size=false',
    // Bolt otherwise waits 5 s twice for idle connections at shutdown: Ctrl-C should be quick.
    'internal.server.bolt.connection_shutdown_wait_time=1s',
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    'internal.dbms.bolt.netty_server_shutdown_timeout=1s',
    `server.directories.data=${join(homeDir, 'data')}`,
    `server.directories.logs=${join(homeDir, 'logs')}`,
    `server.directories.run=${join(homeDir, 'run')}`,
    '',
  ].join('\n');
}

/** One app per data folder: a live owner's pid file refuses the start, a stale one is taken over. */
async function lockDataFolder(homeDir: string): Promise<string> {
  const lockFile = join(homeDir, 'xpf-explorer.pid');
  if (existsSync(lockFile)) {
    const [ownerPid, jvmPid] = (await readFile(lockFile, 'utf8')).trim().split(/\s+/).map(Number);
    if (ownerPid && ownerPid !== process.pid && isAlive(ownerPid)) {
      throw new StartupError(`The data folder ${homeDir} is locked by another xpf-explorer (pid ${ownerPid}): stop it or set DATA_DIR.`);
    }
    // A JVM left by an owner that was killed outright: its stdin watch should end it, make sure.
    if (jvmPid && isAlive(jvmPid)) process.kill(jvmPid, 'SIGKILL');
  }
  await writePrivateFile(lockFile, `${process.pid}\n`);
  return lockFile;
}

/** Neo4j's reason for refusing to start, read from its own log, as one line. */
async function failureReason(homeDir: string, output: string[]): Promise<string> {
  const log = await readFile(join(homeDir, 'logs', 'neo4j.log'), 'utf8').catch(() => '');
  const text = `${log}\n${output.join('\n')}`;
  if (/lock file|FileLockException|locked by another process/i.test(text)) return 'its data folder is locked by another Neo4j process';
  if (/Address already in use|BindException/i.test(text)) return 'its Bolt port is already in use';
  const crash = /^#\s+(SIG[A-Z]+)/m.exec(text);
  if (crash) return `its JVM crashed (${crash[1]}; its logs folder holds the report)`;
  const error = text
    .split('\n')
    .reverse()
    .find((line) => /\bERROR\b|Exception/.test(line));
  return error?.trim().slice(0, 300) ?? 'it exited without saying why (see its logs folder)';
}

async function waitForBolt(uri: string, password: string, child: ChildProcess, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  let lastError: unknown;
  while (Date.now() < deadline && !hasExited) {
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { connectionTimeout: 2000, logging: undefined });
    try {
      await driver.verifyAuthentication();
      // Signed in is not ready: the database may still be starting or recovering (readiness.ts).
      await databaseAnswers(driver);
      return;
    } catch (error) {
      lastError = error;
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('Neo.ClientError.Security')) {
        throw new StartupError('Neo4j refused the password: NEO4J_PASSWORD differs from the one this data folder was created with.');
      }
    } finally {
      await driver.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!hasExited) {
    child.kill('SIGKILL');
    throw new StartupError(
      `Neo4j did not answer on Bolt within ${Math.round(timeoutMs / 1000)} s (${String((lastError as Error)?.message ?? '').slice(0, 120)}).`,
    );
  }
}

/** The launcher, then Neo4j's jars: what every JVM of this app runs with. */
export function neo4jClassPath(distribution: Neo4jDistribution): string {
  return [distribution.launcherJar, join(distribution.libDir, '*')].join(':');
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const phase = options.phase ?? silentPhase;
  const distribution = await phase('fetch', `Fetching Neo4j ${NEO4J_VERSION} from Maven Central…`, (say) =>
    provisionNeo4j(options.cacheDir, NEO4J_VERSION, say),
  );
  const homeDir = join(options.dataDir, 'neo4j');
  for (const folder of [options.dataDir, homeDir, join(homeDir, 'conf'), join(homeDir, 'import'), join(homeDir, 'logs')]) await privateFolder(folder);
  // The lock first: a second app on the same folder is told about the folder, not about its port.
  const lockFile = await lockDataFolder(homeDir);
  try {
    await assertPortFree(options.boltPort, '127.0.0.1', 'Bolt', 'NEO4J_BOLT_PORT');
  } catch (error) {
    await rm(lockFile, { force: true });
    throw error;
  }
  const password = await embeddedPassword(options.dataDir, options.password);

  await writePrivateFile(join(homeDir, 'conf', 'neo4j.conf'), configText(options, homeDir));
  // A new store: the launcher sets user neo4j's password before the server first starts (XpfNeo4jLauncher.java).
  const initialPassword = existsSync(join(homeDir, 'data', 'dbms', 'auth.ini')) ? {} : { XPF_NEO4J_INITIAL_PASSWORD: password };
  try {
    await clearUnfinishedImport(homeDir);
    if (options.beforeFirstStart && storeIsMissing(homeDir)) await options.beforeFirstStart({ distribution, homeDir, jvmOptions: options.jvmOptions ?? [] });
  } catch (error) {
    await rm(lockFile, { force: true });
    throw error;
  }

  const classPath = neo4jClassPath(distribution);
  const archive = await classArchive(distribution, classPath, options.classArchiveDir ?? options.cacheDir, options.jvmOptions ?? []);
  const child = privately(() =>
    spawn(
      distribution.java.java,
      [
        `-Xms${options.heap}`,
        `-Xmx${options.heap}`,
        ...JVM_FLAGS,
        // A crash report goes beside Neo4j's logs, not into whatever folder the app was started from.
        `-XX:ErrorFile=${join(homeDir, 'logs', 'hs_err_pid%p.log')}`,
        ...archive.jvmFlags,
        ...(options.jvmOptions ?? []),
        '-cp',
        classPath,
        'XpfNeo4jLauncher',
        `--home-dir=${homeDir}`,
        `--config-dir=${join(homeDir, 'conf')}`,
      ],
      // stdin stays a pipe we never close: its end-of-file is how the JVM learns that we are gone.
      { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NEO4J_HOME: homeDir, ...initialPassword } },
    ),
  );
  await writePrivateFile(lockFile, `${process.pid} ${child.pid}\n`);

  const recentOutput: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      recentOutput.push(line);
      if (recentOutput.length > 200) recentOutput.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let started = false;
  // The archive settles (a recording checked and published) before anyone is told the JVM has gone.
  const exit = new Promise<JvmExit>((resolve) =>
    child.once('exit', (code, signal) => void archive.settle({ started, code, signal }).finally(() => resolve({ code, signal }))),
  );
  const exited = exit.then(({ code }) => code);
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', (error) => reject(new StartupError(`Could not run Java: ${error.message}`))));

  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  await phase('database', 'Starting Neo4j…', () => Promise.race([waitForBolt(uri, password, child, exited, options.startTimeoutMs), spawnFailed]));
  started = child.exitCode === null && child.signalCode === null;
  if (!started) {
    await exited;
    await rm(lockFile, { force: true });
    const reason = `Neo4j stopped during start-up: ${await failureReason(homeDir, recentOutput)}.`;
    throw new StartupError(
      archive.state === 'used' && crashed(child.signalCode)
        ? `${reason} Its class archive (${archive.path}) was removed in case it was the cause: start again.`
        : reason,
    );
  }

  let stopping: Promise<void> | null = null;
  // Writing the class archive at exit takes about ten seconds on two idle cores: a recording JVM gets longer.
  const stop = (graceMs = 20_000) =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), archive.state === 'recording' ? Math.max(graceMs, 120_000) : graceMs);
        await exited;
        clearTimeout(timer);
      }
      await rm(lockFile, { force: true });
    })());

  return { uri, user: 'neo4j', password, version: distribution.version, pid: child.pid!, stop, exited, exit, classArchive: archive.state };
}
