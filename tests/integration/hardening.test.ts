// Hardening on the real app and Neo4j: Host and Origin checks, security headers, rate limits, body
// limits, and the read path refusing writes. The deadline chain, which times the app, is tested with
// the fault tests (tests/faults/deadlines.test.ts).
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type Catalogue } from '../../server/graph/catalogue.ts';
import { createApp, type AppOptions } from '../../server/http/app.ts';
import { clientDistDir } from '../../server/http/client-bundle.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { ensureTestUser, signIn, TEST_REQUEST_BUDGET_MS, testDriver } from '../support/neo4j.ts';

let driver: Driver;
let catalogue: Catalogue;
/** An analyst's API token: every app below shares the database, so one token serves them all. */
let auth: Record<string, string>;
const servers: Array<{ close(done: () => void): void }> = [];

beforeAll(async () => {
  driver = testDriver();
  catalogue = await loadCatalogue();
  const account = await ensureTestUser(driver, 'analyst');
  const client = await signIn(await listen(), account.username, account.password);
  const issued = await client.post('/api/auth/tokens', { label: 'hardening tests' });
  expect(issued.status).toBe(201);
  auth = { authorization: `Bearer ${issued.body.token}` };
});
afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
  await driver.close();
});

async function listen(options: Partial<AppOptions> = {}): Promise<string> {
  const budget = { requestDeadlineMs: TEST_REQUEST_BUDGET_MS, queryTimeoutMs: TEST_REQUEST_BUDGET_MS };
  const app = createApp({ driver, catalogue, clientDir: clientDistDir, log: () => {}, ...budget, ...options });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** node:http, because fetch will not send a Host header of our choosing. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('Host and Origin', () => {
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await listen();
  });

  it('answers its loopback names at its own port, and nothing else (DNS rebinding)', async () => {
    const port = new URL(baseUrl).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await raw(`${baseUrl}/api/health`, { headers: { host } })).status, host).toBe(200);
    }
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost:${Number(port) + 1}`]) {
      const answer = await raw(`${baseUrl}/api/search?q=chen`, { headers: { host, ...auth } });
      expect(answer.status, host).toBe(421);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 421, title: 'Misdirected request' });
    }
    // Static files too: a rebinding page must not read the client either.
    expect((await raw(`${baseUrl}/`, { headers: { host: `evil.example:${port}` } })).status).toBe(421);
  });

  it('takes ALLOWED_HOSTS instead when given', async () => {
    const other = await listen({ allowedHosts: ['explorer.internal', 'box:9000'] });
    expect((await raw(`${other}/api/health`, { headers: { host: 'explorer.internal:1234' } })).status).toBe(200);
    expect((await raw(`${other}/api/health`, { headers: { host: 'box:9000' } })).status).toBe(200);
    expect((await raw(`${other}/api/health`, { headers: { host: 'box:9001' } })).status).toBe(421);
    expect((await raw(`${other}/api/health`)).status).toBe(421);
  });

  it('refuses a state-changing request from another origin, and takes one from its own or with none', async () => {
    const post = (origin?: string) =>
      raw(`${baseUrl}/api/queries/graph-statistics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth, ...(origin !== undefined && { origin }) },
        body: '{}',
      });
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post('null')).status).toBe(403);
    expect((await post(baseUrl.replace('127.0.0.1', 'localhost'))).status).toBe(403);
    expect((await post(baseUrl)).status).toBe(200);
    expect((await post()).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and helmet’s other headers, on pages and API answers', async () => {
    const baseUrl = await listen();
    for (const path of ['/', '/api/health', '/api/nodes/no-such-node']) {
      const { headers } = await raw(`${baseUrl}${path}`);
      const policy = String(headers['content-security-policy']);
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "connect-src 'self'",
        "worker-src 'self'",
      ]) {
        expect(policy, path).toContain(directive);
      }
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('limits', () => {
  it('answers 429 problem documents past the query rate limit, and never limits health', async () => {
    const baseUrl = await listen({ rateLimits: { queriesPerMinute: 5 } });
    for (let i = 0; i < 5; i++) expect((await fetch(`${baseUrl}/api/search?q=chen`, { headers: auth })).status).toBe(200);
    const refused = await fetch(`${baseUrl}/api/search?q=chen`, { headers: auth });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });

  it('limits sign-in attempts on the real login route per address and user name', async () => {
    const baseUrl = await listen({ rateLimits: { loginPerMinute: 3 } });
    const attempt = (username: string) =>
      fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'guess' }),
      });
    for (let i = 0; i < 3; i++) expect((await attempt('test-analyst')).status).toBe(401);
    expect((await attempt('test-analyst')).status).toBe(429);
    expect((await attempt(' TEST-ANALYST ')).status).toBe(429);
    expect((await attempt('test-reviewer')).status).toBe(401);
  });

  it('limits sign-in attempts behind TRUST_PROXY too: a client that reaches the app directly cannot rotate X-Forwarded-For past it', async () => {
    const attempt = (baseUrl: string, forwardedFor: string) =>
      fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ username: 'test-analyst', password: 'guess' }),
      });
    // The proxy is elsewhere: the header of a client on loopback is its own claim, and not believed.
    const direct = await listen({ rateLimits: { loginPerMinute: 3 }, trustProxy: ['192.0.2.10'] });
    for (let i = 0; i < 3; i++) expect((await attempt(direct, `198.51.100.${i}`)).status).toBe(401);
    expect((await attempt(direct, '198.51.100.99')).status).toBe(429);
    // The proxy on loopback: the clients it forwards are told apart by the address it gives.
    const proxied = await listen({ rateLimits: { loginPerMinute: 3 }, trustProxy: ['loopback'] });
    for (let i = 0; i < 3; i++) expect((await attempt(proxied, '198.51.100.1')).status).toBe(401);
    expect((await attempt(proxied, '198.51.100.1')).status).toBe(429);
    expect((await attempt(proxied, '198.51.100.2')).status).toBe(401);
  });

  it('refuses bodies past the limit with 413, as a problem document', async () => {
    const baseUrl = await listen();
    const response = await fetch(`${baseUrl}/api/queries/full-text-names`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ params: { query: 'x'.repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, title: 'Body too large' });
  });
});

describe('the read path', () => {
  it('refuses a write statement: Neo4j rejects it in a read transaction, and nothing is written', async () => {
    const graph = new GraphExecutor(driver, catalogue, { timeoutMs: 5_000 });
    await expect(graph.rawRead("CREATE (node:Entity:Person {id: 'test-hardening-write'}) RETURN node", {})).rejects.toMatchObject({
      code: 'Neo.ClientError.Statement.AccessMode',
    });
    const { records } = await driver.executeQuery("MATCH (node {id: 'test-hardening-write'}) RETURN count(node) AS n");
    expect(Number(records[0]!.get('n'))).toBe(0);
  });

  it('reports a failed query by Neo4j’s code and message without recording the caller’s stack, and errors after it keep theirs', async () => {
    const graph = new GraphExecutor(driver, catalogue, { timeoutMs: 5_000 });
    const failure: Error & { code?: string } = await graph.rawRead('RETURN 1 / $zero AS quotient', { zero: 0 }).then(
      () => new Error('the query did not fail'),
      (error: unknown) => error as Error & { code: string },
    );
    expect(failure.code).toBe('Neo.ClientError.Statement.ArithmeticError');
    expect(failure.message).toBe('/ by zero');
    // The driver records a stack in every Result it makes (mapped frame by frame under tsx): the executor
    // has it record none, so no frame of ours or the driver's is on the error it puts it on.
    expect(failure.stack).not.toMatch(/\n\s+at /);
    expect(new Error('made after').stack).toMatch(/\n\s+at /);
  });
});
