// The request budget, with production's own figures: a slow curated query and a slow admin Cypher
// statement each answer 503/504 by the deadline and stop in Neo4j too, and a client that leaves
// cancels its query. Among the fault tests (run alone) because it times the app.
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceQuery } from '../../contract/queries/define-query.ts';
import { loadCatalogue, type Catalogue } from '../../server/graph/catalogue.ts';
import { createApp, type AppOptions } from '../../server/http/app.ts';
import { ensureTestUser, signIn, testDriver } from '../support/neo4j.ts';

/** A cartesian product over the seed's entities: runs for minutes, holds no memory, reads nothing it keeps. */
const slowCypher = (marker: string) => `MATCH (a:Entity), (b:Entity), (c:Entity) WHERE a.id + b.id + c.id = '${marker}' RETURN count(*) AS n`;

let driver: Driver;
let catalogue: Catalogue;
/** An analyst's and an admin's API tokens: every app below shares the database, so they serve them all. */
let analyst: Record<string, string>;
let admin: Record<string, string>;
const servers: Array<{ close(done: () => void): void }> = [];

async function listen(options: Partial<AppOptions> = {}): Promise<string> {
  const app = createApp({ driver, catalogue, log: () => {}, rateLimits: { queriesPerMinute: 0, loginPerMinute: 0 }, ...options });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function tokenOf(baseUrl: string, role: 'analyst' | 'admin'): Promise<Record<string, string>> {
  const account = await ensureTestUser(driver, role);
  const client = await signIn(baseUrl, account.username, account.password);
  const issued = await client.post('/api/auth/tokens', { label: 'deadline tests' });
  expect(issued.status).toBe(201);
  return { authorization: `Bearer ${issued.body.token}` };
}

beforeAll(async () => {
  driver = testDriver();
  catalogue = await loadCatalogue();
  // A test-only evidence query that is slow on purpose, served like any curated one.
  const statistics = catalogue.get('graph-statistics')!;
  const definition = evidenceQuery({ name: 'test-slow', params: statistics.schema, disclosed: { parameters: [], columns: [] } });
  catalogue.set('test-slow', { ...statistics, name: 'test-slow', file: 'test/test-slow.cypher', cypher: slowCypher('test-deadline-never'), definition });
  const baseUrl = await listen({ requestDeadlineMs: 60_000 });
  analyst = await tokenOf(baseUrl, 'analyst');
  admin = await tokenOf(baseUrl, 'admin');
});
afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
  await driver.close();
});

async function running(marker: string): Promise<number> {
  const { records } = await driver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n', {
    marker: `'${marker}'`,
  });
  // SHOW TRANSACTIONS lists itself too, and its own text holds the marker as a parameter only.
  return Number(records[0]!.get('n'));
}

async function waitFor(condition: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (await condition()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not within ${withinMs} ms`);
}

async function timedPost(url: string, headers: Record<string, string>, body: unknown) {
  const started = Date.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}

describe('deadline chain', () => {
  it('stops a curated query at the request deadline, in Neo4j too', async () => {
    const baseUrl = await listen({ requestDeadlineMs: 2_000 });
    const { status, text, ms } = await timedPost(`${baseUrl}/api/queries/test-slow`, analyst, {});
    expect([503, 504]).toContain(status);
    expect(text).not.toMatch(/Neo4jError|TransactionTimedOut|at \w+ \(/);
    console.log(`slow curated query, 2 s budget: ${status} after ${ms} ms`);
    expect(ms).toBeLessThan(4_000);
    await waitFor(async () => (await running('test-deadline-never')) === 0, 5_000);
  });

  it('stops admin raw Cypher at the request deadline like every other request', async () => {
    const baseUrl = await listen({ requestDeadlineMs: 2_000 });
    const { status, text, ms } = await timedPost(`${baseUrl}/api/admin/cypher`, admin, { cypher: slowCypher('test-admin-never') });
    expect([503, 504]).toContain(status);
    expect(JSON.parse(text)).toMatchObject({ status });
    console.log(`slow admin Cypher, 2 s budget: ${status} after ${ms} ms`);
    expect(ms).toBeLessThan(4_000);
    await waitFor(async () => (await running('test-admin-never')) === 0, 5_000);
  });

  it('cancels the query in Neo4j when the client goes away', async () => {
    const baseUrl = await listen({ requestDeadlineMs: 60_000, queryTimeoutMs: 60_000 });
    const client = new AbortController();
    const answer = fetch(`${baseUrl}/api/queries/test-slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...analyst },
      body: '{}',
      signal: client.signal,
    }).catch((error: unknown) => error);
    await waitFor(async () => (await running('test-deadline-never')) > 0, 10_000);
    client.abort();
    expect(await answer).toBeInstanceOf(Error);
    // Without cancellation it would run until Neo4j's 60 s safety net.
    const gone = await waitFor(async () => (await running('test-deadline-never')) === 0, 5_000);
    console.log(`slow query terminated ${gone} ms after the client disconnected`);
  });
});
