// GET /api/health, and every route while Neo4j is down: a real Neo4j is started, used, then stopped.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { seedIfEmpty } from '../../server/queries/seed-graph.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { queries } from '../../contract/queries/index.ts';
import { parseEnv } from '../../server/env.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/graph/embedded.ts';
import { startTestApp, type TestApp } from '../support/neo4j.ts';
import { freePort } from '../../server/graph/ports.ts';
import { NEO4J_TEST_START_MS, TEST_JVM_OPTIONS } from '../support/neo4j-start.ts';

describe('GET /api/health with Neo4j up', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('reports the app and Neo4j as up, with the server version', async () => {
    const { status, body } = await app.get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', neo4j: { status: 'up' } });
    expect(body.neo4j.agent).toMatch(/^Neo4j\/5\.26\./);
  });
});

describe('when Neo4j goes down', () => {
  let dataDir: string;
  let neo4j: EmbeddedNeo4j;
  let app: TestApp;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'xpf-down-'));
    neo4j = await startEmbeddedNeo4j({
      dataDir,
      cacheDir: parseEnv().XPF_CACHE_DIR,
      boltPort: await freePort(),
      heap: '256m',
      pageCache: '64m',
      startTimeoutMs: NEO4J_TEST_START_MS,
      jvmOptions: TEST_JVM_OPTIONS,
    });
    app = await startTestApp(createDriver(neo4j.uri, neo4j.user, neo4j.password));
    const graph = new GraphExecutor(app.driver, await loadCatalogue(), { timeoutMs: 60_000 });
    await graph.applySchema(queries.schema);
    await seedIfEmpty(graph);
  });
  afterAll(async () => {
    await app.close();
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers normally, then 503 problem documents once it has stopped, without a driver message', async () => {
    expect((await app.get('/api/search?q=chen')).status).toBe(200);
    await neo4j.stop();

    const health = await app.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', neo4j: { status: 'down' } });

    for (const path of ['/api/search?q=chen', '/api/nodes/chen_quanguo', '/api/chain/syn-detainee-0000001']) {
      const started = Date.now();
      const { status, contentType, body } = await app.get(path);
      expect(status, path).toBe(503);
      expect(contentType).toContain('application/problem+json');
      expect(body).toMatchObject({ status: 503, title: 'Graph database unavailable' });
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|Neo4jError|ServiceUnavailable|at \w+ \(/);
      // Bounded by the driver settings (retry 5 s), far below a client's patience; not a timing assertion.
      expect(Date.now() - started).toBeLessThan(30_000);
    }

    // Sessions live in Neo4j (so several API processes share them): with it down, no request gets
    // past the session check, and bad input is reported as the same 503 rather than a 400.
    expect((await app.get('/api/search')).status).toBe(503);
  });
});
