// Neo4j down when the app starts, as after a reboot where the database comes up last: the app serves
// 503 problem documents meanwhile, then creates the schema, loads the seed and answers, with no restart.
// Not a fault test: it does not time the app (tests/faults/ do), so it runs with the suite's generous
// request budget.
import { afterAll, describe, expect, it } from 'vitest';
import { Cleanups, launchApp, printed } from '../support/app-process.ts';
import { signIn } from '../support/neo4j.ts';
import { startTestNeo4j } from '../support/neo4j-start.ts';
import { secondsUntil } from '../support/waiting.ts';
import { freePort } from '../../server/graph/ports.ts';

const cleanups = new Cleanups();
afterAll(() => cleanups.run());

/** Signs in, or null while that is impossible (Neo4j down, or the account not created yet). */
async function trySignIn(baseUrl: string, username: string, password: string): Promise<Record<string, string> | null> {
  try {
    return (await signIn(baseUrl, username, password)).headers;
  } catch {
    return null;
  }
}

async function isCorrectChain(baseUrl: string, headers: Record<string, string>): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/chain/syn-detainee-0000001`, { headers, signal: AbortSignal.timeout(60_000) });
    if (response.status !== 200) return false;
    const body = await response.json();
    return body.paths[0]?.nodes.at(-1) === 'xi_jinping';
  } catch {
    return false;
  }
}

describe('Neo4j down at start', () => {
  it('starts, answers 503, and recovers by itself (schema and seed included) once Neo4j is up', async () => {
    const dataDir = await cleanups.tempDir('xpf-late-');
    const boltPort = await freePort();
    const password = 'late-neo4j-password';
    // The admin is created with the schema and seed, once Neo4j is up; it is whom the test signs in as.
    const admin = { username: 'late-admin', password: 'late admin password, long enough' };
    const app = await launchApp(cleanups, {
      NEO4J_URI: `bolt://127.0.0.1:${boltPort}`,
      NEO4J_PASSWORD: password,
      ADMIN_USER: admin.username,
      ADMIN_PASSWORD: admin.password,
      // Not a test of the request budget: a busy machine must not fail it.
      REQUEST_BUDGET_S: '45',
    });
    await printed(app);
    const baseUrl = `http://127.0.0.1:${app.port}`;

    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(503);
    // No session can exist yet; a credential that cannot be checked with the graph down is a 503 too.
    const chain = await fetch(`${baseUrl}/api/chain/syn-detainee-0000001`, { headers: { authorization: 'Bearer not-checkable-while-down' } });
    expect(chain.status).toBe(503);
    expect(await chain.json()).toMatchObject({ status: 503, title: 'Graph database unavailable' });

    await startTestNeo4j(cleanups, dataDir, boltPort, password);
    // The app retries every 5 s, then creates the schema and loads the small seed: no restart.
    // Sign-in waits for the admin to exist (after schema and seed): attempts before it would only
    // run into the login rate limit.
    let headers: Record<string, string> | null = null;
    const seconds = await secondsUntil(async () => {
      if (!app.output.some((line) => line.includes('Created the admin account'))) return false;
      headers ??= await trySignIn(baseUrl, admin.username, admin.password);
      return headers !== null && (await isCorrectChain(baseUrl, headers));
    }, 400_000);
    const seeded = await secondsUntil(async () => app.output.some((line) => line.includes('Seeded the empty database')), 400_000);
    console.log(`Neo4j up -> correct chain answer in ${seconds.toFixed(1)} s, seed complete ${seeded.toFixed(1)} s later (retry interval 5 s)`);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  }, 900_000);
});
