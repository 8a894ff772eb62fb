// The app's own embedded Neo4j, as `npm start` runs it: warm before "Ready" (the first request is as
// good as the tenth), restarted after its JVM is killed under load (answers correct again within 10 s
// of the new JVM answering the route's queries, one line about it in the log, no stack trace per
// request), and an app that stops with a reason when it cannot restart it. `npm start` stopped by a
// signal to npm: tests/integration/startup.test.ts.
import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { Cleanups, launchApp, lockPids, printed, type AppProcess } from '../support/app-process.ts';
import { isAlive } from '../../server/graph/process-alive.ts';
import { signIn } from '../support/neo4j.ts';
import { freePort } from '../../server/graph/ports.ts';
import { runChainRouteQueries } from '../support/chain-route-probe.ts';
import { secondsUntil } from '../support/waiting.ts';

const cleanups = new Cleanups();
afterAll(() => cleanups.run());

const admin = { username: 'faults-admin', password: 'faults admin password, long enough' };
/** The file's data folder: its one start creates and seeds it. */
let dataDir: string;
beforeAll(async () => {
  dataDir = await cleanups.tempDir('xpf-faults-embedded-');
});

async function env(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    NEO4J_URI: '',
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: '256m',
    NEO4J_PAGECACHE: '64m',
    NEO4J_START_TIMEOUT_S: '600',
    ADMIN_USER: admin.username,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMIT_QUERIES_PER_MIN: '0',
    RATE_LIMIT_LOGIN_PER_MIN: '0',
    ...extra,
  };
}

/** Runs `test`, adding the app's last lines to its error: what the app said is most of the diagnosis. */
async function explained(app: AppProcess, test: () => Promise<void>): Promise<void> {
  try {
    await test();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- the app printed:\n${app.output.slice(-40).join('\n')}`, { cause: error });
  }
}

/**
 * When a bare driver first runs the three queries of GET /api/chain/:id (server/queries/fetch-chain.ts)
 * on the embedded Neo4j at `boltPort`, as the route runs them.
 */
async function whenBareDriverAnswersRoute(boltPort: number): Promise<number> {
  const catalogue = await loadCatalogue();
  const password = (await readFile(join(dataDir, 'neo4j-password'), 'utf8')).trim();
  const driver = createDriver(`bolt://127.0.0.1:${boltPort}`, 'neo4j', password);
  try {
    for (;;) {
      try {
        await runChainRouteQueries(driver, catalogue, chainIds[0]!);
        return performance.now();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    await driver.close();
  }
}

const chainIds = Array.from({ length: 10 }, (_, i) => `syn-detainee-${String(i + 1).padStart(7, '0')}`);

async function chain(baseUrl: string, headers: Record<string, string>, id: string) {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/chain/${id}`, { headers, signal: AbortSignal.timeout(30_000) });
    const body = await response.json();
    const correct = response.status === 200 && body.paths[0]?.nodes.at(-1) === 'xi_jinping';
    return { status: response.status, correct, body, ms: performance.now() - started, at: performance.now() };
  } catch (error) {
    return { status: 0, correct: false, body: String(error), ms: performance.now() - started, at: performance.now() };
  }
}

describe('the embedded Neo4j, from its first start to its JVM killed under load', () => {
  // One start for the three: the first start of the data folder seeds it, and a start takes a minute or
  // two on a busy machine. The first test meets the app at "Ready", the second kills its JVM and sees it
  // restarted, the third kills it where no restart can succeed.
  let app: AppProcess;
  let settings: Record<string, string>;
  beforeAll(async () => {
    // Two restarts in a row at most: the last test takes the Bolt port and sees the app give up.
    settings = await env({ NEO4J_RESTART_ATTEMPTS: '2' });
    app = await launchApp(cleanups, settings, dataDir);
    await printed(app);
  }, 660_000);
  afterAll(async () => {
    if (app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
  });

  it('answers the first request after "Ready" as it answers the tenth, never 503', async () => {
    await explained(app, async () => {
      const baseUrl = `http://127.0.0.1:${app.port}`;
      // At once, as an analyst arriving at the moment the explorer opens.
      const signInStarted = performance.now();
      const { headers } = await signIn(baseUrl, admin.username, admin.password);
      const signInMs = performance.now() - signInStarted;
      const first = await chain(baseUrl, headers, chainIds[0]!);
      const later = [];
      for (const id of chainIds.slice(1)) later.push(await chain(baseUrl, headers, id));
      console.log(
        `first requests after Ready: sign-in ${signInMs.toFixed(0)} ms, first chain ${first.ms.toFixed(0)} ms, ` +
          `tenth ${later.at(-1)!.ms.toFixed(0)} ms (median of 2nd to 10th ${later
            .map((r) => r.ms)
            .sort((a, b) => a - b)[4]!
            .toFixed(0)} ms)`,
      );
      expect(first.status, JSON.stringify(first.body).slice(0, 200)).toBe(200);
      expect(first.correct).toBe(true);
      expect(later.every((result) => result.correct)).toBe(true);
      // A new data folder: the names no record carries yet were named before the plans that use them.
      expect(app.output.join('\n')).toMatch(
        /Planned \d+ queries ahead of their first use \(naming first \d+ labels and keys no record carries yet\), read [\d,]+ nodes and [\d,]+ relationships into the page cache/,
      );
      const readyAt = app.output.findIndex((line) => line.includes('Ready in'));
      expect(app.output.findIndex((line) => line.includes('queries ahead of their first use'))).toBeLessThan(readyAt);
    });
  }, 600_000);

  it("is restarted, and the app answers correctly again within 10 s of the new JVM answering the route's queries", async () => {
    await explained(app, async () => {
      const baseUrl = `http://127.0.0.1:${app.port}`;
      const { headers } = await signIn(baseUrl, admin.username, admin.password);
      const before = await lockPids(dataDir);

      // Ten clients asking chains back to back, for the whole test.
      const results: Awaited<ReturnType<typeof chain>>[] = [];
      let loading = true;
      const clients = chainIds.map(async (id) => {
        while (loading) results.push(await chain(baseUrl, headers, id));
      });
      await secondsUntil(() => results.length >= 20, 60_000, { what: 'answers before the kill', everyMs: 50 });
      const killedAt = performance.now();
      process.kill(before.jvm, 'SIGKILL');

      // A JVM's start takes 10 to 20 s on an idle machine, minutes when other work holds both cores.
      await secondsUntil(() => app.output.some((line) => line.includes('Neo4j restarted')), 300_000, { what: 'the restart', everyMs: 50 });
      const restartedAt = performance.now();
      // The baseline: Neo4j itself answering the route's queries, through a bare driver. A new JVM plans
      // each query the first time it sees it, and compiles its planner while doing so (node-details 6.5 s,
      // chain-of-command 9.7 s with one of two cores busy): no app answers the route before that.
      const routeAnswered = whenBareDriverAnswersRoute(Number(settings.NEO4J_BOLT_PORT));
      // Until every client is answered correctly by a request sent after the restart.
      await secondsUntil(
        () => {
          const after = results.filter((result) => result.at - result.ms >= restartedAt);
          return chainIds.every((id) => after.some((result) => result.correct && result.body.nodes.some((node: { id: string }) => node.id === id)));
        },
        120_000,
        { what: 'correct answers after the restart', everyMs: 50 },
      );
      const correctAt = performance.now();
      const bareAt = await routeAnswered;
      const recovered = correctAt - bareAt;
      // Five more seconds of load: it stays correct.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      loading = false;
      await Promise.all(clients);

      const during = results.filter((result) => result.at >= killedAt);
      // What the clients saw after the restart, second by second: which 503s, and when answers came back.
      const seen = new Map<number, Map<string, number>>();
      for (const result of results.filter((r) => r.at >= restartedAt && r.at <= correctAt + 1_000)) {
        const second = Math.floor((result.at - restartedAt) / 1000);
        const what =
          result.status === 200 ? `200${result.correct ? '' : ' (wrong)'}` : `${result.status} ${String(result.body?.detail ?? result.body).slice(0, 60)}`;
        const bucket = seen.get(second) ?? new Map<string, number>();
        bucket.set(what, (bucket.get(what) ?? 0) + 1);
        seen.set(second, bucket);
      }
      console.log([...seen].map(([second, bucket]) => `+${second} s: ${[...bucket].map(([what, count]) => `${count} x ${what}`).join(', ')}`).join('\n'));
      const settled = results.filter((result) => result.at - result.ms >= correctAt);
      console.log(
        `kill -9 of the JVM under load: restarted ${((restartedAt - killedAt) / 1000).toFixed(1)} s after the kill (its database answering); ` +
          `the route's queries answered through a bare driver ${((bareAt - restartedAt) / 1000).toFixed(1)} s later; ` +
          `every client correct ${((correctAt - restartedAt) / 1000).toFixed(1)} s after the restart, ${(recovered / 1000).toFixed(1)} s after the bare driver; during: ` +
          `${during.filter((r) => r.status === 200).length} x 200, ${during.filter((r) => r.status === 503).length} x 503, ` +
          `${during.filter((r) => r.status !== 200 && r.status !== 503).length} other, slowest ${(Math.max(...during.map((r) => r.ms)) / 1000).toFixed(1)} s`,
      );
      expect(recovered).toBeLessThan(10_000);
      expect(settled.length).toBeGreaterThan(0);
      expect(settled.every((result) => result.correct)).toBe(true);
      for (const result of during) {
        // Correct, or a prompt 503 problem: never a wrong answer, a 500 or a hang.
        expect([200, 503], JSON.stringify(result.body).slice(0, 200)).toContain(result.status);
        if (result.status === 200) expect(result.correct).toBe(true);
        expect(result.ms).toBeLessThan(10_000);
      }
      // One line says what happened, one that it is back; no stack trace, let alone one per request.
      const output = app.output.join('\n');
      expect(output.match(/Neo4j \(pid \d+\) was killed by SIGKILL: restarting it in 1 s \(attempt 1 of 2\)\./g)).toHaveLength(1);
      expect(output).not.toMatch(/^\s+at /m);
      const after = await lockPids(dataDir);
      expect(after.app).toBe(before.app);
      expect(after.jvm).not.toBe(before.jvm);
    });
  }, 600_000);

  it('says why and exits 1 when it cannot restart it, instead of answering 503 forever', async () => {
    await explained(app, async () => {
      const { jvm } = await lockPids(dataDir);
      process.kill(jvm, 'SIGKILL');
      await secondsUntil(() => !isAlive(jvm), 30_000, { what: 'the JVM gone', everyMs: 50 });
      // Its Bolt port taken before the first restart (1 s after the exit at least): every attempt fails.
      // It drops whatever connects (the app's driver tries the port too): close() waits for open connections.
      const holder = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => holder.listen(Number(settings.NEO4J_BOLT_PORT), '127.0.0.1', resolve));
      cleanups.add(() => new Promise((resolve) => holder.close(resolve)));
      expect(await app.exited).toBe(1);
      expect(app.output.join('\n')).toContain(
        `xpf-explorer stops: Neo4j could not be restarted: Bolt port ${settings.NEO4J_BOLT_PORT} on 127.0.0.1 is already in use: stop what holds it or set NEO4J_BOLT_PORT; gave up after 2 restarts in a row.`,
      );
    });
  }, 600_000);
});
