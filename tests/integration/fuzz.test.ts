// Property-based fuzzing of every API route with fast-check: generated inputs, valid and hostile (huge
// strings, Cypher fragments, unicode, wrong types, path traversal). Whatever comes in: no 5xx, no
// stack trace or driver message in any answer, errors as problem documents, and the evidence graph
// unchanged. Fixed seed, printed, so a failure replays exactly (FUZZ_SEED=n to try another).
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEvidenceQuery, loadCatalogue, type CatalogueEntry } from '../../server/graph/catalogue.ts';
import { removeViews } from '../fixtures/views/fixture-graph.ts';
import { startTestApp, testDriver, type TestApp } from '../support/neo4j.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
/** Requests per route group; the total is printed at the end. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** A stack frame, a driver error, a source path: none may reach a client. */
const LEAKS = /\bat [^\n]*\(?[^\s()]+:\d+:\d+\)?|Neo4jError|node_modules|Neo\.(ClientError|TransientError|DatabaseError)|ECONNREFUSED|ZodError/;

const hostileText = fc.constantFrom(
  "x' OR 1=1 //",
  "x'}) DETACH DELETE n //",
  '") MATCH (n) DETACH DELETE n RETURN 1 //',
  'MATCH (n) DETACH DELETE n',
  '`id`',
  '$id',
  '{id: 1}',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\u202e\u200b\ufeff',
  '陈全国',
  'Ömer\u0301',
  '𝔘𝔶𝔤𝔥𝔲𝔯 🙂',
  '*',
  '~',
  'AND OR NOT',
  '"',
  '\\',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'chen_quanguo',
  'syn-detainee-0000001',
  'xi_jinping',
);
const someText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: hostileText },
  // Long, but inside Node's 16 kB header limit once percent-encoded in a URL (past it Node answers 431 itself).
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => 'ж'.repeat(n)) },
);
/** JSON of every kind, the wrong types included; huge strings only in bodies (URLs stop at 16 kB in Node). */
const someValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: someText },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, 2 ** 53 + 1)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('2018-06-01', '2018-02-30', '9999-99-99', '1e5', 'NaN', '-0') },
  { weight: 1, arbitrary: fc.constant('x'.repeat(60_000)) },
);
/** A path segment, usually encoded, sometimes raw (traversal, slashes, percent signs as typed). */
const segment = fc.oneof(
  { weight: 4, arbitrary: someText.map(encodeURIComponent) },
  { weight: 1, arbitrary: someText.map((text) => text.replace(/[?#\s]/g, '')).filter((text) => text.length > 0) },
);
const queryValue = someText.map(encodeURIComponent);

let driver: Driver;
let catalogue: Map<string, CatalogueEntry>;
/** Signed in as an analyst: every route past the session gate is reached, with CSRF token and cookie. */
let app: TestApp;
let requests = 0;
const createdViews = new Set<string>();

async function fingerprint() {
  // Only the evidence graph: other test files write and remove their own fixtures at the same time,
  // under `test-` ids (imports, views, photos), `fx-` ids (tests/fixtures/command-fixture.ts), `file:`
  // ids (the Document an imported file becomes, gone when its import is undone) and `test…` property
  // keys (views.spec.ts marks a seed detainee as changed, then unmarks it).
  const { records } = await driver.executeQuery(`
    MATCH (node:Entity) WHERE NOT (node.id STARTS WITH 'test-' OR node.id STARTS WITH 'fx-' OR node.id STARTS WITH 'file:')
    WITH count(node) AS nodes, sum(size([key IN keys(node) WHERE NOT key STARTS WITH 'test'])) AS properties
    RETURN nodes, properties,
           COUNT { MATCH (a:Entity)-[link]->(b:Entity) WHERE NOT (link.id STARTS WITH 'test-' OR link.id STARTS WITH 'fx-') } AS links`);
  return records[0]!.toObject();
}

async function hit(method: string, path: string, body?: unknown): Promise<void> {
  requests += 1;
  const response = await app.fetch(path, {
    method,
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const where = `${method} ${path.slice(0, 200)} -> ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  expect(text, where).not.toMatch(LEAKS);
  // 431 (headers too large) is Node's own answer, before the app sees the request.
  if (response.status >= 400 && response.status !== 431) expect(response.headers.get('content-type'), where).toContain('application/problem+json');
  if (method === 'POST' && response.status === 201) createdViews.add(String(JSON.parse(text).view.id));
}

beforeAll(async () => {
  driver = testDriver();
  catalogue = await loadCatalogue();
  // The real app, unlistened routes and all, signed in as an analyst; its rate limits off (as
  // startTestApp has them), or they would be all we test.
  app = await startTestApp(driver, { role: 'analyst' });
  console.log(`fuzz seed ${SEED} (set FUZZ_SEED to replay another), ${RUNS} runs per property`);
});

afterAll(async () => {
  await removeViews(driver, [...createdViews]);
  console.log(`fuzz: ${requests} requests, ${createdViews.size} views created and removed`);
  // Closes the driver too.
  await app.close();
});

describe('fuzzing every route', () => {
  let before: Record<string, unknown>;
  beforeAll(async () => {
    before = await fingerprint();
  });

  const options = () => ({ seed: SEED, numRuns: RUNS, endOnFailure: true });

  it('GET /api/search, /api/nodes/:id, /api/chain/:id', async () => {
    await fc.assert(
      fc.asyncProperty(queryValue, fc.option(queryValue), segment, fc.option(queryValue), async (q, limit, id, asOf) => {
        await hit('GET', `/api/search?q=${q}${limit === null ? '' : `&limit=${limit}`}`);
        await hit('GET', `/api/nodes/${id}`);
        await hit('GET', `/api/chain/${id}${asOf === null ? '' : `?asOf=${asOf}`}${limit === null ? '' : `${asOf === null ? '?' : '&'}limit=${limit}`}`);
      }),
      options(),
    );
  });

  it('POST /api/queries/:name, every curated query, with arbitrary and near-valid parameters', async () => {
    const names = [...catalogue.values()].filter(isEvidenceQuery).map((entry) => entry.name);
    const keys = [...new Set([...catalogue.values()].flatMap((entry) => Object.keys(entry.params)))];
    const params = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })), someValue, { maxKeys: 5 });
    const body = fc.oneof(
      { weight: 6, arbitrary: params.map((p) => ({ params: p })) },
      { weight: 1, arbitrary: someValue },
      {
        weight: 1,
        arbitrary: fc.constantFrom('{"params":', '[', 'null', '{"params": {"id": "x"}, "extra": 1}', '{"__proto__": {"polluted": 1}}', '1'.repeat(50)),
      },
    );
    // Every name of the catalogue (internal and writing queries must still answer 404), and junk.
    const name = fc.oneof(fc.constantFrom(...names, ...catalogue.keys()), segment);
    await fc.assert(
      fc.asyncProperty(name, body, async (n, b) => hit('POST', `/api/queries/${n}`, b)),
      { ...options(), numRuns: RUNS * 4 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('/api/views: create, list, open, versions, update, delete, share, export, import', async () => {
    const valid = {
      title: 'fuzz',
      query: { name: 'node-details', parameters: { id: 'chen_quanguo' } },
      elements: { nodes: ['chen_quanguo'], edges: [] },
      positions: {},
      layout: 'preset',
      viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    };
    // Near-valid documents: one field replaced by anything, so validation deep inside is reached.
    const document = fc.oneof(
      someValue,
      fc.tuple(fc.constantFrom(...Object.keys(valid), 'schemaVersion', 'baseVersion', 'extra'), someValue).map(([key, value]) => ({ ...valid, [key]: value })),
      fc
        .record({ query: fc.record({ name: someText, parameters: fc.dictionary(fc.string({ maxLength: 8 }), someValue, { maxKeys: 3 }) }) })
        .map((over) => ({ ...valid, ...over })),
    );
    const uuidish = fc.oneof(fc.uuid().map(String), segment);
    await fc.assert(
      fc.asyncProperty(document, uuidish, fc.option(queryValue), segment, async (doc, id, offset, version) => {
        await hit('POST', '/api/views', doc);
        await hit('GET', `/api/views?offset=${offset ?? 0}&limit=${offset ?? 5}`);
        await hit('GET', `/api/views/${id}`);
        await hit('GET', `/api/views/${id}/versions`);
        await hit('GET', `/api/views/${id}/versions/${version}`);
        await hit('PUT', `/api/views/${id}`, doc);
        await hit('GET', `/api/views/shared/${id}`);
        await hit('GET', `/api/views/${id}/export`);
        await hit('POST', '/api/views/import', doc);
        await hit('DELETE', `/api/views/${id}`);
      }),
      options(),
    );
  });

  it('/api/export: any body in any format, and chain exports', async () => {
    const format = fc.oneof(fc.constantFrom('cytoscape', 'graphml', 'csv', 'report'), segment);
    const part = fc.option(fc.oneof(fc.constantFrom('nodes', 'edges'), queryValue));
    const result = fc.oneof(
      someValue,
      fc.record({ result: someValue }),
      fc.record({
        result: fc.record({
          nodes: someValue,
          edges: fc.constant([]),
          paths: fc.constant([]),
          citations: fc.constant({}),
          summary: someValue,
          meta: someValue,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(format, part, result, segment, fc.option(queryValue), async (f, p, body, id, asOf) => {
        const partQuery = p === null ? '' : `part=${p}`;
        await hit('POST', `/api/export/${f}${partQuery ? `?${partQuery}` : ''}`, body);
        await hit('GET', `/api/export/chain/${id}/${f}?${[partQuery, asOf === null ? '' : `asOf=${asOf}`].filter(Boolean).join('&')}`);
      }),
      options(),
    );
  });

  it('left the evidence graph as it was', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});
