// Accounts and tokens as an attacker with a leaked token or a stolen cookie meets them (issue 10, finding
// 11 and its low findings): tokens that cannot mint tokens, listed and revoked by owner and admins; one
// account per name whatever its case; passwords checked against common ones, and changed with the old
// one; no API answer cached; a private view's 404 the same as a random id's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, testExecutor, TEST_PASSWORD, type Client, type TestApp } from '../support/neo4j.ts';
import { UserStore } from '../../server/queries/user-store.ts';

let app: TestApp;
let admin: Client;
beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login('admin');
});
afterAll(() => app.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

describe('API tokens', () => {
  it('cannot mint more tokens: only a browser session with its CSRF token can', async () => {
    const user = await app.login('analyst', unique('test-token-minter'));
    const issued = await user.post('/api/auth/tokens', { label: 'leaked' });
    expect(issued.status).toBe(201);
    const minted = await fetch(`${app.baseUrl}/api/auth/tokens`, {
      method: 'POST',
      headers: bearer(issued.body.token),
      body: JSON.stringify({ label: 'child' }),
    });
    expect(minted.status).toBe(403);
    expect((await user.get('/api/auth/tokens')).body.tokens).toHaveLength(1);
  });

  it('are listed to their owner without secrets, revoked one by one or all at once', async () => {
    const user = await app.login('analyst', unique('test-token-owner'));
    const one = await user.post('/api/auth/tokens', { label: 'nightly export' });
    const two = await user.post('/api/auth/tokens', { label: 'notebook' });
    const listed = await user.get('/api/auth/tokens');
    expect(listed.status).toBe(200);
    expect(listed.body.tokens.map((token: { label: string }) => token.label).sort()).toEqual(['nightly export', 'notebook']);
    expect(Object.keys(listed.body.tokens[0]).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'label']);
    expect(JSON.stringify(listed.body)).not.toContain(one.body.token);
    expect((await user.delete(`/api/auth/tokens/${one.body.id}`)).status).toBe(204);
    expect((await fetch(`${app.baseUrl}/api/auth/session`, { headers: bearer(one.body.token) })).status).toBe(401);
    expect((await user.delete('/api/auth/tokens')).body).toEqual({ revoked: 1 });
    expect((await fetch(`${app.baseUrl}/api/auth/session`, { headers: bearer(two.body.token) })).status).toBe(401);
    expect((await user.get('/api/auth/tokens')).body.tokens).toEqual([]);
  });

  it('are listed and revoked by admins, and by nobody else', async () => {
    const user = await app.login('analyst', unique('test-token-victim'));
    const userId = (await user.get('/api/auth/session')).body.user.id;
    const issued = await user.post('/api/auth/tokens', { label: 'script' });
    const other = await app.login('analyst', unique('test-token-other'));
    expect((await other.delete(`/api/auth/tokens/${issued.body.id}`)).status).toBe(404);
    expect((await other.get(`/api/users/${userId}/tokens`)).status).toBe(403);
    expect((await admin.get(`/api/users/${userId}/tokens`)).body.tokens.map((token: { id: string }) => token.id)).toEqual([issued.body.id]);
    expect((await admin.delete(`/api/auth/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await fetch(`${app.baseUrl}/api/auth/session`, { headers: bearer(issued.body.token) })).status).toBe(401);
    await user.post('/api/auth/tokens', { label: 'again' });
    expect((await admin.delete(`/api/users/${userId}/tokens`)).body).toEqual({ revoked: 1 });
  });
});

describe('user names', () => {
  it('are one account whatever their case', async () => {
    const name = unique('Case-Test');
    expect((await admin.post('/api/users', { username: name, password: TEST_PASSWORD, role: 'viewer' })).status).toBe(201);
    expect((await admin.post('/api/users', { username: name.toLowerCase(), password: TEST_PASSWORD, role: 'viewer' })).status).toBe(409);
    const signedIn = await signIn(app.baseUrl, name.toUpperCase(), TEST_PASSWORD);
    expect((await signedIn.get('/api/auth/session')).body.user.username).toBe(name);
  });

  it('keep working for older accounts, and two that differ only by case each keep their exact name', async () => {
    const name = unique('Legacy-Name');
    const store = new UserStore(await testExecutor(app.driver));
    // As accounts were written before names had a lower-cased key.
    for (const username of [name, name.toLowerCase()]) {
      await store.create(username, TEST_PASSWORD, 'viewer');
      await app.driver.executeQuery('MATCH (u:_User {username: $username}) REMOVE u.usernameKey', { username }, { routing: 'WRITE' });
    }
    expect(await store.keyUsernames()).toMatchObject({ collisions: expect.any(Number) });
    for (const username of [name, name.toLowerCase()]) {
      expect((await (await signIn(app.baseUrl, username, TEST_PASSWORD)).get('/api/auth/session')).body.user.username).toBe(username);
    }
    expect((await (await signIn(app.baseUrl, name.toUpperCase(), TEST_PASSWORD)).get('/api/auth/session')).body.user.username).toBe(name);
  });
});

describe('passwords', () => {
  it('are refused when common or guessable, naming the field and why', async () => {
    for (const password of [' '.repeat(12), 'password1234', '123456789012', 'qwertyuiop12']) {
      const answer = await admin.post('/api/users', { username: unique('weak'), password, role: 'viewer' });
      expect(answer.status, password).toBe(400);
      expect(answer.body.errors[0].field).toBe('password');
    }
  });

  it('are changed with the current one, which ends every other session and token of the account', async () => {
    const name = unique('test-password-change');
    const here = await app.login('analyst', name);
    const elsewhere = await signIn(app.baseUrl, name, TEST_PASSWORD);
    const token = (await here.post('/api/auth/tokens', { label: 'script' })).body.token as string;
    const changed = { currentPassword: TEST_PASSWORD, newPassword: 'a new and longer passphrase' };
    expect((await fetch(`${app.baseUrl}/api/auth/password`, { method: 'POST', headers: bearer(token), body: JSON.stringify(changed) })).status).toBe(403);
    const wrong = await here.post('/api/auth/password', { ...changed, currentPassword: 'not my password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    expect((await here.post('/api/auth/password', { ...changed, newPassword: 'password1234' })).body.errors[0].field).toBe('newPassword');

    const answer = await here.post('/api/auth/password', changed);
    expect(answer.status).toBe(200);
    expect(answer.body.endedSessions).toBe(2);
    expect((await here.get('/api/auth/session')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/auth/session`, { headers: bearer(token) })).status).toBe(401);
    await expect(signIn(app.baseUrl, name, TEST_PASSWORD)).rejects.toThrow(/401/);
    expect((await (await signIn(app.baseUrl, name, changed.newPassword)).get('/api/auth/session')).status).toBe(200);
  });
});

describe('API answers', () => {
  it('are never cached, errors and downloads included', async () => {
    const answers = [
      await app.fetch('/api/auth/session'),
      await app.fetch('/api/nodes/chen_quanguo'),
      await app.fetch('/api/nodes/no-such-node'),
      await app.fetch('/api/export/chain/chen_quanguo/graphml'),
      await fetch(`${app.baseUrl}/api/queries`),
      await fetch(`${app.baseUrl}/api/health`),
    ];
    for (const answer of answers) expect(answer.headers.get('cache-control'), answer.url).toBe('no-store');
  });

  it('tell another user’s private view from no view at all by nothing', async () => {
    const owner = await app.login('analyst', unique('test-private-owner'));
    const created = await owner.post('/api/views', {
      title: 'Private',
      query: null,
      elements: { nodes: ['chen_quanguo'], edges: [] },
      positions: {},
      layout: 'preset',
      viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    });
    expect(created.status).toBe(201);
    const other = await app.login('analyst', unique('test-private-other'));
    const content = {
      baseVersion: 1,
      title: 'x',
      query: null,
      elements: { nodes: [], edges: [] },
      positions: {},
      layout: 'preset',
      viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    };
    const probe = async (id: string) => {
      const answers = [];
      for (const [method, path, body] of [
        ['GET', `/api/views/${id}`],
        ['GET', `/api/views/${id}/versions`],
        ['GET', `/api/views/${id}/versions/1`],
        ['GET', `/api/views/${id}/export`],
        ['PUT', `/api/views/${id}`, content],
        ['PUT', `/api/views/${id}/visibility`, { visibility: 'shared' }],
        ['DELETE', `/api/views/${id}`],
      ] as const) {
        const response = await other.fetch(path, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
        const text = (await response.text()).replaceAll(id, '<id>');
        answers.push({ method, status: response.status, type: response.headers.get('content-type'), text });
      }
      return answers;
    };
    const real = await probe(created.body.view.id);
    expect(real.every((answer) => answer.status === 404)).toBe(true);
    expect(real).toEqual(await probe(randomUUID()));
  });
});
