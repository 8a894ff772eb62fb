// The session cache (issue 14, item 1) on two apps sharing one database, as two API processes would:
// repeated requests stop reading Neo4j to learn who sent them; a sign-out, a revoked token, a disabled
// account, a new role or a new password counts at once in the app that made the change, and in the
// other once its cache lets go (a lifetime kept short here, so the wait is short).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, testDriver, TEST_PASSWORD, type Client, type TestApp } from '../support/neo4j.ts';

let here: TestApp;
let other: TestApp;
let uncached: TestApp;
beforeAll(async () => {
  // A long lifetime here: a change made here must count at once because this app forgets, not because time passed.
  here = await startTestApp(testDriver(), { role: 'admin', sessionCacheMs: 60_000 });
  other = await startTestApp(testDriver(), { role: 'admin', sessionCacheMs: 500 });
  uncached = await startTestApp(testDriver(), { role: 'admin', sessionCacheMs: 0 });
});
afterAll(async () => {
  await Promise.all([here?.close(), other?.close(), uncached?.close()]);
});

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** The same cookie and CSRF token sent to another app of the same database. */
async function sameSession(app: Client, baseUrl: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { ...init, headers: { cookie: app.cookie, ...(init.headers as Record<string, string> | undefined) } });
}

/** Polls until `check` holds; a bounded wait, no timed assertion: the other app must let go in the end. */
async function eventually(check: () => Promise<boolean>, tries = 200): Promise<number> {
  for (let tried = 1; tried <= tries; tried++) {
    if (await check()) return tried;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the change never took effect');
}

describe('the session cache', () => {
  it('reads Neo4j once for many requests of one session, where no cache reads it every time', async () => {
    const client = await here.login('analyst', unique('test-cache-reads'));
    const counted = async (app: TestApp) => {
      const before = { ...app.sessionStats };
      for (let request = 0; request < 50; request++) expect((await sameSession(client, app.baseUrl, '/api/auth/session')).status).toBe(200);
      return { resolved: app.sessionStats.resolved - before.resolved, readFromGraph: app.sessionStats.readFromGraph - before.readFromGraph };
    };
    expect(await counted(uncached)).toEqual({ resolved: 50, readFromGraph: 50 });
    expect((await counted(here)).readFromGraph).toBeLessThanOrEqual(1);
  });

  it('knows a session it has just opened: the first request after sign-in reads no session from Neo4j here, one in the other app', async () => {
    const client = await here.login('analyst', unique('test-cache-opened'));
    const firstRequest = async (app: TestApp) => {
      const before = app.sessionStats.readFromGraph;
      expect((await sameSession(client, app.baseUrl, '/api/auth/session')).status).toBe(200);
      return app.sessionStats.readFromGraph - before;
    };
    expect(await firstRequest(here)).toBe(0);
    expect(await firstRequest(other)).toBe(1);
  });

  it('counts a sign-out, a disabled account and a new role at once here, and soon in the other app', async () => {
    const name = unique('test-cache-user');
    const user = await here.login('viewer', name);
    const userId = (await user.get('/api/auth/session')).body.user.id;
    expect((await sameSession(user, other.baseUrl, '/api/auth/session')).status).toBe(200);

    expect((await here.patch(`/api/users/${userId}`, { role: 'analyst' })).status).toBe(200);
    expect((await user.get('/api/auth/session')).body.user.role).toBe('analyst');
    await eventually(async () => (await (await sameSession(user, other.baseUrl, '/api/auth/session')).json()).user.role === 'analyst');

    expect((await here.patch(`/api/users/${userId}`, { disabled: true })).status).toBe(200);
    expect((await user.get('/api/auth/session')).status).toBe(401);
    await eventually(async () => (await sameSession(user, other.baseUrl, '/api/auth/session')).status === 401);

    const second = await here.login('analyst', unique('test-cache-logout'));
    expect((await sameSession(second, other.baseUrl, '/api/auth/session')).status).toBe(200);
    expect((await second.post('/api/auth/logout')).status).toBe(204);
    expect((await second.get('/api/auth/session')).status).toBe(401);
    await eventually(async () => (await sameSession(second, other.baseUrl, '/api/auth/session')).status === 401);
  });

  it('counts a revoked token and a new password at once here, and soon in the other app', async () => {
    const name = unique('test-cache-token');
    const user = await here.login('analyst', name);
    const issued = await user.post('/api/auth/tokens', { label: 'cached' });
    const asToken = (baseUrl: string) => fetch(`${baseUrl}/api/auth/session`, { headers: { authorization: `Bearer ${issued.body.token}` } });
    expect((await asToken(here.baseUrl)).status).toBe(200);
    expect((await asToken(other.baseUrl)).status).toBe(200);
    expect((await user.delete(`/api/auth/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await asToken(here.baseUrl)).status).toBe(401);
    await eventually(async () => (await asToken(other.baseUrl)).status === 401);

    const elsewhere = await signIn(here.baseUrl, name, TEST_PASSWORD);
    expect((await elsewhere.get('/api/auth/session')).status).toBe(200);
    expect((await sameSession(elsewhere, other.baseUrl, '/api/auth/session')).status).toBe(200);
    expect((await user.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase here' })).status).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).status).toBe(401);
    await eventually(async () => (await sameSession(elsewhere, other.baseUrl, '/api/auth/session')).status === 401);
  });
});
