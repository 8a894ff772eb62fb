// POST /api/setup/admin on the real app: bad input names its fields; without the token the server
// printed (none is issued in tests, and admins may exist) it refuses with one answer and creates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/neo4j.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app.close();
});

const post = (body: unknown) =>
  fetch(`${app.baseUrl}/api/setup/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    async (response) => ({
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: (await response.json()) as { title: string; detail: string; errors?: { field: string; reason: string }[] },
    }),
  );

describe('the setup route', () => {
  it('names each bad field', async () => {
    const answer = await post({ username: 'x', password: 'short' });
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.errors!.map((error) => error.field).sort()).toEqual(['password', 'token', 'username']);
  });

  it('refuses any token when no setup address is open, and creates no account', async () => {
    const answer = await post({ token: 'a'.repeat(43), username: 'intruder-admin', password: 'a long enough password' });
    expect(answer.status).toBe(403);
    expect(answer.body.title).toBe('Setup address not valid');
    const { records } = await app.driver.executeQuery("MATCH (user:_User {username: 'intruder-admin'}) RETURN count(user) AS users", {}, { routing: 'READ' });
    expect(Number(records[0]!.get('users'))).toBe(0);
  });
});
