// Accounts, sessions, CSRF, API tokens and roles: every /api route but health and login needs a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { createApp } from '../../server/http/app.ts';
import { ensureTestUser, signIn, startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../support/neo4j.ts';
import { apiRoutes } from '../support/route-table.ts';

let app: TestApp;
let viewer: Client;
let admin: Client;
beforeAll(async () => {
  app = await startTestApp();
  viewer = await app.login('viewer');
  admin = await app.login('admin');
});
afterAll(() => app.close());

// The setup address answers without a session by design: it takes the one-time token the server printed
// (tests/integration/setup.test.ts shows it refuses without one), as sign-in takes a password.
const open = new Set(['get /api/health', 'post /api/auth/login', 'post /api/setup/admin']);

describe('the session gate', () => {
  it('answers 401 without a session on every /api route except health, login and the first admin setup', async () => {
    const routes = apiRoutes(createApp({ driver: app.driver, catalogue: await loadCatalogue(), log: () => {} }));
    expect(routes.length).toBeGreaterThan(20);
    const checked: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (open.has(key)) continue;
      // Path parameters get plausible values: the gate must answer before any of them is looked at.
      const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
        name === 'id' ? '00000000-0000-4000-8000-000000000000' : name === 'format' ? 'csv' : 'x',
      );
      const response = await fetch(`${app.baseUrl}${path}`, {
        method: route.method.toUpperCase(),
        headers: { 'content-type': 'application/json' },
        ...(route.method === 'get' || route.method === 'delete' ? {} : { body: '{}' }),
      });
      expect(response.status, key).toBe(401);
      expect(response.headers.get('content-type'), key).toContain('application/problem+json');
      checked.push(key);
    }
    for (const key of open) expect(routes.map((route) => `${route.method} ${route.path}`)).toContain(key);
    expect(checked).toContain('post /api/admin/cypher');
  });

  it('refuses a made-up cookie and a made-up Bearer token', async () => {
    expect((await fetch(`${app.baseUrl}/api/queries`, { headers: { cookie: 'xpf_session=forged' } })).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/queries`, { headers: { authorization: 'Bearer xpf_forged' } })).status).toBe(401);
  });
});

describe('login and logout', () => {
  it('sets an httpOnly, SameSite=Strict cookie on / and answers the user and a CSRF token', async () => {
    await ensureTestUser(app.driver, 'analyst');
    const response = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'test-analyst', password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('xpf_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    // Plain http here: Secure is set only when the request came over https (req.secure).
    expect(cookie).not.toMatch(/Secure/);
    const body = await response.json();
    expect(body.user).toMatchObject({ username: 'test-analyst', role: 'analyst' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives one generic answer for an unknown user and a wrong password', async () => {
    const attempt = (username: string) =>
      fetch(`${app.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'not the password' }),
      });
    const unknown = await attempt('nobody-by-this-name');
    const wrong = await attempt('test-analyst');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect((await unknown.json()).detail).toBe('Wrong username or password.');
    expect((await wrong.json()).detail).toBe('Wrong username or password.');
  });

  it('stores an argon2id hash, never the password', async () => {
    const { records } = await app.driver.executeQuery("MATCH (u:_User {username: 'test-analyst'}) RETURN properties(u) AS user");
    const stored = JSON.stringify(records[0]!.get('user'));
    expect(stored).not.toContain(TEST_PASSWORD);
    expect(records[0]!.get('user').passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('stores sessions by the hash of their secret only', async () => {
    const client = await app.login('analyst');
    const secret = client.cookie.split('=')[1]!;
    const { records } = await app.driver.executeQuery('MATCH (s:_Session) RETURN properties(s) AS session');
    expect(JSON.stringify(records.map((record) => record.get('session')))).not.toContain(secret);
  });

  it('logout ends the session: the same cookie is refused afterwards', async () => {
    const client = await app.login('analyst');
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    expect((await client.get('/api/queries')).status).toBe(401);
  });

  it('a disabled account is out at once, and cannot sign in again', async () => {
    const name = `test-disabled-${Date.now()}`;
    const victim = await app.login('analyst', name);
    const id = (await victim.get('/api/auth/session')).body.user.id;
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await victim.get('/api/queries')).status).toBe(401);
    await expect(signIn(app.baseUrl, name, TEST_PASSWORD)).rejects.toThrow(/401/);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated change without the token, or with a wrong one', async () => {
    const body = JSON.stringify({ label: 'script' });
    const without = await fetch(`${app.baseUrl}/api/auth/tokens`, {
      method: 'POST',
      headers: { cookie: app.cookie, 'content-type': 'application/json' },
      body,
    });
    expect(without.status).toBe(403);
    const wrong = await fetch(`${app.baseUrl}/api/auth/tokens`, {
      method: 'POST',
      headers: { cookie: app.cookie, 'x-csrf-token': 'x'.repeat(43), 'content-type': 'application/json' },
      body,
    });
    expect(wrong.status).toBe(403);
    // Another session's token does not open this one.
    const other = await fetch(`${app.baseUrl}/api/auth/tokens`, {
      method: 'POST',
      headers: { cookie: app.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      body,
    });
    expect(other.status).toBe(403);
    expect((await app.post('/api/auth/tokens', { label: 'script' })).status).toBe(201);
  });

  it('GET /api/auth/session answers the same CSRF token login did', async () => {
    expect((await app.get('/api/auth/session')).body.csrfToken).toBe(app.csrfToken);
  });
});

describe('API tokens', () => {
  it('work as Bearer without CSRF, are stored hashed, and stop working once revoked', async () => {
    const issued = await app.post('/api/auth/tokens', { label: 'nightly export' });
    expect(issued.status).toBe(201);
    const token = issued.body.token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await fetch(`${app.baseUrl}/api/auth/session`, { headers: bearer })).status).toBe(200);
    const run = await fetch(`${app.baseUrl}/api/queries/graph-statistics`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ params: {} }),
    });
    expect(run.status).toBe(200);
    const { records } = await app.driver.executeQuery('MATCH (s:_Session) RETURN properties(s) AS session');
    expect(JSON.stringify(records.map((record) => record.get('session')))).not.toContain(token);
    // The token is not a cookie: sent as one it opens nothing (and so could never skip CSRF the other way round).
    expect((await fetch(`${app.baseUrl}/api/auth/session`, { headers: { cookie: `xpf_session=${token}` } })).status).toBe(401);

    expect((await app.delete(`/api/auth/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await fetch(`${app.baseUrl}/api/auth/session`, { headers: bearer })).status).toBe(401);
  });

  it("cannot revoke another user's token", async () => {
    const issued = await admin.post('/api/auth/tokens', { label: 'admin script' });
    expect((await app.delete(`/api/auth/tokens/${issued.body.id}`)).status).toBe(404);
  });
});

describe('roles', () => {
  it('only admins reach users, audit and raw Cypher', async () => {
    for (const client of [viewer, app]) {
      expect((await client.get('/api/users')).status).toBe(403);
      expect((await client.get('/api/audit')).status).toBe(403);
      expect((await client.get('/api/audit/export')).status).toBe(403);
      expect((await client.post('/api/admin/cypher', { cypher: 'RETURN 1 AS one' })).status).toBe(403);
      expect((await client.post('/api/users', { username: 'sneaky', password: 'long enough password', role: 'admin' })).status).toBe(403);
    }
    expect((await admin.get('/api/users')).status).toBe(200);
  });

  it('admins create accounts with a role; a short password is refused', async () => {
    const name = `created-${Date.now()}`;
    expect((await admin.post('/api/users', { username: name, password: 'short', role: 'viewer' })).status).toBe(400);
    const created = await admin.post('/api/users', { username: name, password: 'a long enough password', role: 'viewer' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: name, role: 'viewer' });
    expect(JSON.stringify((await admin.get('/api/users?limit=200')).body)).not.toContain('passwordHash');
    expect((await admin.post('/api/users', { username: name, password: 'a long enough password', role: 'viewer' })).status).toBe(409);
    const signedIn = await signIn(app.baseUrl, name, 'a long enough password');
    expect((await signedIn.get('/api/auth/session')).body.user.role).toBe('viewer');
  });
});

describe('POST /api/admin/cypher', () => {
  it('runs a read with parameters', async () => {
    const answer = await admin.post('/api/admin/cypher', { cypher: 'MATCH (n:Official {id: $id}) RETURN n', parameters: { id: 'chen_quanguo' } });
    expect(answer.status).toBe(200);
    expect(answer.body.result.nodes.map((node: { id: string }) => node.id)).toEqual(['chen_quanguo']);
    expect(answer.body.rows).toHaveLength(1);
  });

  it('is refused a write by Neo4j itself (read transaction), and nothing is written', async () => {
    const answer = await admin.post('/api/admin/cypher', { cypher: "CREATE (:Entity:Place {id: 'test-cypher-write', name: 'Nowhere'}) RETURN 1 AS one" });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/read-only/);
    const { records } = await app.driver.executeQuery("MATCH (n {id: 'test-cypher-write'}) RETURN count(n) AS found");
    expect(records[0]!.get('found').toNumber()).toBe(0);
  });
});
