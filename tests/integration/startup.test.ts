// `npm start` as an operator meets it: one-line errors, side-by-side instances, clean stops, no orphan JVM.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { isBackgroundQuery, isWarmable, loadCatalogue } from '../../server/graph/catalogue.ts';
import { toDriverParams } from '../../server/graph/executor.ts';
import { sampleParams, UnknownNames } from '../../server/graph/warm-up.ts';
import { parseEnv } from '../../server/env.ts';
import { startEmbeddedNeo4j } from '../../server/graph/embedded.ts';
import { findJava, provisionNeo4j } from '../../server/graph/provision.ts';
import { StartupError } from '../../server/graph/startup-error.ts';
import { ensureTestUser, signIn, testDriver } from '../support/neo4j.ts';
import { Cleanups, launchApp, lockPids, printed, type AppProcess } from '../support/app-process.ts';
import { isAlive } from '../../server/graph/process-alive.ts';
import { TEST_JVM_OPTIONS } from '../support/neo4j-start.ts';
import { freePort } from '../../server/graph/ports.ts';

const cacheDir = parseEnv().XPF_CACHE_DIR;
const cleanups = new Cleanups();
afterAll(() => cleanups.run());

/** `npm start` with its own ports and data folder, launching its own Neo4j (small memory). */
async function launch(dataDir: string, extraEnv: Record<string, string> = {}, throughNpm = false): Promise<AppProcess> {
  const defaults = {
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: '256m',
    NEO4J_PAGECACHE: '64m',
    NEO4J_JVM_OPTIONS: TEST_JVM_OPTIONS.join(' '),
    NEO4J_START_TIMEOUT_S: '600',
    NEO4J_URI: '',
    ADMIN_USER: 'admin',
    ADMIN_PASSWORD: 'startup test password',
    // Not a test of the request budget (tests/faults/ time it): a busy machine must not fail these.
    REQUEST_BUDGET_S: '45',
  };
  return launchApp(cleanups, { ...defaults, ...extraEnv }, dataDir, throughNpm);
}

/** Every file and folder under `dir` that its group or other users may read, write or enter. */
async function readableByOthers(dir: string): Promise<string[]> {
  const open: string[] = [];
  const walk = async (path: string) => {
    // Neo4j may remove a file of its own between the listing and the look.
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if ((info.mode & 0o077) !== 0) open.push(`${path} ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const name of await readdir(path).catch(() => [])) await walk(join(path, name));
  };
  await walk(dir);
  return open;
}

async function waitUntilGone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanups.add(() => new Promise((resolve) => server.close(resolve)));
  return server;
}

describe('start-up errors are one clear line', () => {
  it('names a taken Bolt port before starting anything', async () => {
    const port = await freePort();
    await occupy(port);
    const attempt = startEmbeddedNeo4j({
      dataDir: await cleanups.tempDir('xpf-port-'),
      cacheDir,
      boltPort: port,
      heap: '256m',
      pageCache: '64m',
      startTimeoutMs: 60_000,
    });
    await expect(attempt).rejects.toThrow(new StartupError(`Bolt port ${port} on 127.0.0.1 is already in use: stop what holds it or set NEO4J_BOLT_PORT.`));
  });

  it('names a taken HTTP port, and a bad variable, as its only line', async () => {
    const holder = await freePort();
    await occupy(holder);
    const taken = await launch(await cleanups.tempDir('xpf-http-'), { PORT: String(holder) });
    expect(await taken.exited).toBe(1);
    expect(taken.output).toEqual([`xpf-explorer cannot start: HTTP port ${holder} on 127.0.0.1 is already in use: stop what holds it or set PORT.`]);

    const badEnv = await launch(await cleanups.tempDir('xpf-env-'), { NEO4J_HEAP: 'plenty' });
    expect(await badEnv.exited).toBe(1);
    expect(badEnv.output).toEqual(['xpf-explorer cannot start: Invalid environment variable NEO4J_HEAP: must be a size such as 512m or 2g']);
  });

  it('says when Java is missing', async () => {
    await expect(findJava({ JAVA_HOME: '/nonexistent-jdk' })).rejects.toThrow(/^Java not found: install a JDK 17 or 21/);
  });

  it('says when Maven is missing and the jars are not cached yet', async () => {
    const javaHome = process.env.JAVA_HOME ?? dirname(dirname(realpathSync(execFileSync('sh', ['-c', 'command -v java']).toString().trim())));
    const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
    process.env.PATH = '/nonexistent-bin';
    process.env.JAVA_HOME = javaHome;
    try {
      await expect(provisionNeo4j(await cleanups.tempDir('xpf-nomaven-'))).rejects.toThrow(/^Maven not found: install it/);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.JAVA_HOME === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved.JAVA_HOME;
    }
  });
});

describe('running instances', () => {
  it('run side by side, refuse a shared data folder, stop cleanly on SIGINT and on SIGTERM to npm, and leave no JVM when killed', async () => {
    // What an operator's shell usually has: without care, group and others could read new files.
    const umask = process.umask(0o022);
    cleanups.add(async () => process.umask(umask));
    const first = await launch(await cleanups.tempDir('xpf-a-'));
    const second = await launch(await cleanups.tempDir('xpf-b-'));
    await Promise.all([printed(first), printed(second)]);
    const served = [...(await loadCatalogue()).values()].filter((entry) => isWarmable(entry) && !isBackgroundQuery(entry));

    // Before any request: every label, relationship type and property key a request's query names is
    // known to the new database, though no record carries most of them yet (no judgement, note or
    // import). Neo4j drops a plan that named an unknown one as soon as a write creates it, and the
    // first requests after "Ready" planned a dozen queries again (GraphExecutor.warmQueries, UnknownNames).
    const bolt = /bolt:\/\/127\.0\.0\.1:(\d+)/.exec(first.output.join('\n'))![1];
    const password = (await readFile(join(first.dataDir, 'neo4j-password'), 'utf8')).trim();
    const own = neo4j.driver(`bolt://127.0.0.1:${bolt}`, neo4j.auth.basic('neo4j', password));
    try {
      const unknown = new UnknownNames();
      for (const entry of served) {
        const explained = await own.executeQuery(`EXPLAIN ${entry.cypher}`, toDriverParams(sampleParams(entry) ?? {}) as Record<string, unknown>);
        unknown.add(explained.summary);
      }
      expect(unknown.params()).toEqual({ labels: [], relationshipTypes: [], propertyKeys: [] });
    } finally {
      await own.close();
    }

    for (const instance of [first, second]) {
      const health = await (await fetch(`http://127.0.0.1:${instance.port}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', neo4j: { status: 'up' } });
      const page = await fetch(`http://127.0.0.1:${instance.port}/`);
      expect(await page.text()).toContain('id="graph"');
    }
    // A new data folder is seeded through Neo4j's offline importer, before Neo4j first opens it.
    expect(first.output).toContain("[xpf] Seeded the empty database (public record + synthetic records) through Neo4j's offline importer.");
    // Each phase past two seconds said what it was doing while it ran: starting a JVM and importing always take that long.
    expect(first.output).toContainEqual(expect.stringMatching(/^\[xpf\] Starting Neo4j… \(\d+\.\d s\)$/));
    expect(first.output).toContainEqual(expect.stringMatching(/^\[xpf\] Seeding through Neo4j's offline importer: .*\d rows.* \(\d+\.\d s\)$/));
    // The last line of the start names each phase with its time, in the order they began: a new store is
    // bulk-loaded (seed) before its Neo4j first starts (database).
    const readyLine = first.output.findIndex((line) => line.includes('Ready in'));
    expect(first.output[readyLine]).toMatch(
      /^\[xpf\] Ready in \d+\.\d s \(client \d+\.\d s, fetch \d+\.\d s, seed \d+\.\d s, database \d+\.\d s, schema \d+\.\d s, warm-up \d+\.\d s\): open http:\/\/127\.0\.0\.1:\d+\/$/,
    );
    // The warm-up finished before "Ready": its line comes first.
    expect(first.output.findIndex((line) => line.includes('queries ahead of their first use'))).toBeLessThan(readyLine);
    // The generated password is kept beside the data, for its owner's eyes only.
    expect((await stat(join(first.dataDir, 'neo4j-password'))).mode & 0o777).toBe(0o600);
    expect(first.output.join('\n')).toMatch(/Neo4j 5\.26\.\d+ for other clients: bolt:\/\/127\.0\.0\.1:\d+, user neo4j, password in .*neo4j-password/);
    // Every query a request may run (the catalogue but the schema and the seed's and imports' writes)
    // planned before "Ready"; those writes after it (warm-up.test.ts). None refused by Neo4j.
    // (settle-statistics is never run by a warm-up: it empties the query cache.)
    const background = [...(await loadCatalogue()).values()].filter((entry) => isWarmable(entry) && isBackgroundQuery(entry));
    expect(background.map((entry) => entry.name)).toEqual(expect.arrayContaining(['merge-import-nodes', 'merge-import-relationships', 'create-nodes']));
    expect(served.map((entry) => entry.name)).not.toContain('settle-statistics');
    // A new database: the names no record carries yet were named first (the check above).
    expect(first.output.join('\n')).toMatch(
      new RegExp(
        `^\\[xpf\\] Planned ${served.length} queries ahead of their first use \\(naming first [1-9]\\d* labels and keys no record carries yet\\), read `,
        'm',
      ),
    );
    expect(first.output.join('\n')).not.toContain('Could not plan');
    // …and the queries that open a record ran over real ones (GraphExecutor.rehearseQueries).
    expect(first.output.join('\n')).toMatch(/and ran [1-9]\d* over real records \(\d+\.\d s\)\.$/m);
    // Owner-only, although this test runs the app under umask 022: the store, its transaction logs,
    // auth.ini, the photos and the secrets hold detainees' data or the keys to it.
    const open = await readableByOthers(first.dataDir);
    expect(open, open.join('\n')).toEqual([]);
    for (const path of ['neo4j/data/dbms/auth.ini', 'neo4j/data/databases/neo4j', 'neo4j/data/transactions/neo4j', 'photos', 'redaction-secret']) {
      expect(existsSync(join(first.dataDir, path)), path).toBe(true);
    }

    const intruder = await launch(first.dataDir);
    expect(await intruder.exited).toBe(1);
    expect(intruder.output.at(-1)).toMatch(
      /^xpf-explorer cannot start: The data folder .* is locked by another xpf-explorer \(pid \d+\): stop it or set DATA_DIR\.$/,
    );

    // SIGKILL gives the app no chance to clean up: the JVM must notice on its own (stdin closes).
    const secondJvm = (await lockPids(second.dataDir)).jvm;
    second.child.kill('SIGKILL');
    await second.exited;
    expect(await waitUntilGone(secondJvm, 30_000)).toBe(true);

    // Ctrl-C in a terminal.
    const firstJvm = (await lockPids(first.dataDir)).jvm;
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(isAlive(firstJvm)).toBe(false);
    expect(first.output).toContain('[xpf] Stopped.');

    // A warm restart on the same folder, through npm itself, reuses the store and its password, and does not seed again.
    const again = await launch(first.dataDir, {}, true);
    await printed(again);
    expect(again.output.join('\n')).not.toContain('Seeded');
    // The names stay named: a warm start plans each query once.
    expect(again.output.join('\n')).toContain(`[xpf] Planned ${served.length} queries ahead of their first use, read `);
    // The admin from ADMIN_USER at the first start is still there: nobody gets in without signing in.
    expect(first.output.join('\n')).toContain('Created the admin account "admin" from ADMIN_USER.');
    const admin = await signIn(`http://127.0.0.1:${again.port}`, 'admin', 'startup test password');
    const search = await (await admin.fetch('/api/search?q=chen')).json();
    expect(search.nodes.length).toBeGreaterThan(0);
    // What a process manager or a container runtime does: signal the process it started, npm. The app
    // (npm's child, not npm) and its JVM stop with it. A SIGTERM to the app itself: tests/faults/database-faults.test.ts.
    const { app: againApp, jvm: againJvm } = await lockPids(first.dataDir);
    expect(againApp).not.toBe(again.child.pid);
    again.child.kill('SIGTERM');
    await again.exited;
    expect(await waitUntilGone(againApp, 30_000)).toBe(true);
    expect(await waitUntilGone(againJvm, 30_000)).toBe(true);
    expect(again.output).toContain('[xpf] Stopped.');
    // Two cold starts side by side (Neo4j, the offline importer's JVM, schema, warm-up each) and a warm
    // one: two minutes on an idle machine, past ten at a load average of 40 (2 cores, seven suites).
  }, 900_000);
});

describe('with NEO4J_URI', () => {
  it('uses the server it names and launches no database of its own', async () => {
    const neo4j = inject('neo4j');
    const dataDir = await cleanups.tempDir('xpf-external-');
    const instance = await launch(dataDir, { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password });
    await printed(instance);
    expect(instance.output.join('\n')).not.toMatch(/Starting Neo4j|Seeded/);
    expect(existsSync(join(dataDir, 'neo4j'))).toBe(false);
    // Accounts live in that server too: one made there signs in here.
    const driver = testDriver();
    const account = await ensureTestUser(driver, 'analyst').finally(() => driver.close());
    const analyst = await signIn(`http://127.0.0.1:${instance.port}`, account.username, account.password);
    // With an external server the app serves at once and warms in the background: on a busy machine a
    // chain asked meanwhile competes with the planning of every query and can outlast any budget.
    await printed(instance, 'queries ahead of their first use');
    const answer = await analyst.fetch('/api/chain/syn-detainee-0000001');
    expect(answer.status, await answer.clone().text()).toBe(200);
    const chain = await answer.json();
    expect(chain.paths[0].nodes.at(-1)).toBe('xi_jinping');
    instance.child.kill('SIGTERM');
    expect(await instance.exited).toBe(0);
    // The warm-up plans every query (up to a minute each on two busy cores) and reads the store's pages.
  }, 600_000);

  it('starts while that server is down, answering 503 instead of failing', async () => {
    const closedPort = await freePort();
    const instance = await launch(await cleanups.tempDir('xpf-external-down-'), {
      NEO4J_URI: `bolt://127.0.0.1:${closedPort}`,
      NEO4J_PASSWORD: 'not-needed-yet',
    });
    await printed(instance);
    const health = await fetch(`http://127.0.0.1:${instance.port}/api/health`);
    expect(health.status).toBe(503);
    await printed(instance, `Neo4j at bolt://127.0.0.1:${closedPort} is unreachable`);
    instance.child.kill('SIGTERM');
    expect(await instance.exited).toBe(0);
  });
});
