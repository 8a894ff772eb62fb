// `npm run bench:start [-- --smoke]`: `npm start` as an operator meets it, timed. A cold start on a new
// DATA_DIR (Neo4j fetched if not cached, the database created, the seed bulk-loaded, indexes built, the
// client built if stale), then the first requests after its "Ready" line, then a warm start on the same
// folder and its first requests. The baseline beside the first request is the tenth, in the same run:
// targets are "the first as fast as the tenth, never a 503" and "warm start to Ready within 10 s".
import { parseArgs } from 'node:util';
import { Cleanups, launchApp, printed, type AppProcess } from '../support/app-process.ts';
import { freePort } from '../../server/graph/ports.ts';
import { loadAverage } from './fresh-neo4j.ts';

const { values } = parseArgs({
  options: {
    heap: { type: 'string', default: '512m' },
    pagecache: { type: 'string', default: '256m' },
    // In `npm test` (tests/bench-smoke/): the cold start and its first requests, less memory for Neo4j.
    smoke: { type: 'boolean', default: false },
  },
});
const admin = { username: 'bench-admin', password: 'bench start password not for use' };

interface Answer {
  status: number;
  ms: number;
}

async function timedFetch(url: string, init: RequestInit = {}): Promise<Answer & { response: Response }> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.clone().arrayBuffer();
  return { status: response.status, ms: performance.now() - started, response };
}

const said = (answer: Answer) => `${answer.ms.toFixed(0)} ms (HTTP ${answer.status})`;

/** Signs in, then asks ten chains of command in turn: the first after Ready beside the tenth. */
async function firstRequests(app: AppProcess, title: string): Promise<void> {
  const baseUrl = `http://127.0.0.1:${app.port}`;
  const login = await timedFetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (login.status !== 200) throw new Error(`${title}: sign-in answered HTTP ${login.status}`);
  const cookie = login.response.headers
    .getSetCookie()
    .find((line) => line.startsWith('xpf_session='))!
    .split(';')[0]!;
  const chains: Answer[] = [];
  for (let i = 1; i <= 10; i++) {
    chains.push(await timedFetch(`${baseUrl}/api/chain/syn-detainee-${String(i).padStart(7, '0')}`, { headers: { cookie } }));
  }
  const search = await timedFetch(`${baseUrl}/api/search?q=chen`, { headers: { cookie } });
  const unavailable = [login, ...chains, search].filter((answer) => answer.status === 503).length;
  console.log(
    `${title}: sign-in ${said(login)}; first chain of command ${said(chains[0]!)}, tenth ${said(chains[9]!)} ` +
      `(first/tenth ${(chains[0]!.ms / chains[9]!.ms).toFixed(2)}x; target: the same, never a 503); then search ${said(search)}; ${unavailable} answers of 503`,
  );
}

async function start(cleanups: Cleanups, dataDir: string | undefined, title: string): Promise<AppProcess> {
  const started = performance.now();
  const app = await launchApp(
    cleanups,
    {
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_URI: '',
      NEO4J_HEAP: values.smoke ? '512m' : values.heap!,
      NEO4J_PAGECACHE: values.smoke ? '128m' : values.pagecache!,
      ADMIN_USER: admin.username,
      ADMIN_PASSWORD: admin.password,
      // In `npm test` on a busy machine: the test suite's patience, so the smoke run checks that the
      // bench works, not the production request budget (the full run keeps it: its 503s are findings).
      ...(values.smoke ? { NEO4J_START_TIMEOUT_S: '600', REQUEST_BUDGET_S: '45' } : {}),
    },
    dataDir,
  );
  await printed(app);
  const ready = app.output.find((line) => line.includes('Ready in'))!;
  console.log(
    `${title}: "Ready" after ${((performance.now() - started) / 1000).toFixed(1)} s from the process's start; it said: ${ready.replace(/: open .*$/, '')}`,
  );
  return app;
}

async function stop(app: AppProcess): Promise<void> {
  app.child.kill('SIGTERM');
  if ((await app.exited) !== 0) throw new Error(`the app exited with ${app.child.exitCode}:\n${app.output.join('\n')}`);
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    console.log(`bench:start${values.smoke ? ' (smoke)' : ''}; load average ${await loadAverage()}`);
    const cold = await start(cleanups, undefined, 'cold start (new DATA_DIR)');
    await firstRequests(cold, 'after the cold start');
    await stop(cold);
    // The smoke run stops here: the warm start goes through the same steps on the same folder, and
    // tests/integration/startup.test.ts restarts the app warm; a third JVM start is a minute of CI.
    if (!values.smoke) {
      const warm = await start(cleanups, cold.dataDir, 'warm start (same DATA_DIR; target <= 10 s)');
      await firstRequests(warm, 'after the warm start');
      await stop(warm);
    }
    console.log(`load average at the end ${await loadAverage()}`);
  } finally {
    await cleanups.run();
  }
}

await main();
