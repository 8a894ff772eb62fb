// /api/views on the real Neo4j: versions, share links, export and import, what changed since a save,
// every bad field, views kept out of evidence queries, and views surviving a restart of the database.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import { parseEnv } from '../../server/env.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { startEmbeddedNeo4j } from '../../server/graph/embedded.ts';
import { ViewStore } from '../../server/queries/view-store.ts';
import { createViewsFixture, fixture, later, removeViews, removeViewsFixture } from '../fixtures/views/fixture-graph.ts';
import { freePort } from '../../server/graph/ports.ts';
import { NEO4J_TEST_START_MS, TEST_JVM_OPTIONS } from '../support/neo4j-start.ts';
import { startTestApp, TEST_REQUEST_BUDGET_MS, testExecutor, type AnswerBody, type TestApp } from '../support/neo4j.ts';

let app: TestApp;
/** Every view a test made, removed after the run with its versions. */
const made: string[] = [];
let heldPostId: string;

beforeAll(async () => {
  app = await startTestApp();
  await createViewsFixture(app.driver);
  const { records } = await app.driver.executeQuery(
    "MATCH (:Entity {id: 'chen_quanguo'})-[post:HELD_POST]->(:Organization {id: 'org_xuar_pc'}) RETURN post.id AS id ORDER BY id LIMIT 1",
  );
  heldPostId = records[0]!.get('id') as string;
});
afterAll(async () => {
  await removeViews(app.driver, made);
  await removeViewsFixture(app.driver);
  await app.close();
});

interface Reply {
  status: number;
  contentType: string;
  headers: Headers;
  body: AnswerBody;
}

async function send(target: TestApp, method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await target.fetch(path, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, body: text ? JSON.parse(text) : null };
}

const viewport = { zoom: 1.2, pan: { x: 40, y: -15 } };

/** Chen Quanguo, the Xinjiang party committee and his post in it, drawn by his chain of command in 2018. */
function chenView(title = 'Chen Quanguo and the XUAR committee') {
  return {
    title,
    notes: 'Seen in the 2018 chain.',
    query: { name: 'chain-of-command', parameters: { id: 'chen_quanguo', asOf: '2018-01-01' } },
    elements: { nodes: ['chen_quanguo', 'org_xuar_pc'], edges: [heldPostId] },
    positions: { chen_quanguo: { x: 0, y: 100 }, org_xuar_pc: { x: 0, y: 0 } },
    layout: 'chain',
    filters: { asOf: '2018-01-01', synthetic: false, confidence: ['confirmed', 'reported'] },
    viewport,
  };
}

async function create(content: unknown = chenView(), target = app): Promise<Reply> {
  const reply = await send(target, 'POST', '/api/views', content);
  if (reply.status === 201) made.push(reply.body.view.id);
  return reply;
}

const nothing = { nodes: [], edges: [] };

describe('POST /api/views, GET /api/views/:id, GET /api/views', () => {
  it('creates version 1 with its author, times and share link, and reads it back as saved, with nothing changed since', async () => {
    const created = await create();
    expect(created.status).toBe(201);
    const { view, version, document } = created.body;
    expect(view).toMatchObject({ title: 'Chen Quanguo and the XUAR committee', author: 'test-analyst', currentVersion: 1 });
    expect(view.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(view.shareId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(view.links).toEqual({ share: `/v/${view.shareId}`, api: `/api/views/shared/${view.shareId}` });
    expect(created.headers.get('location')).toBe(`/api/views/${view.id}`);
    expect(version).toEqual({ version: 1, savedAt: view.createdAt, author: 'test-analyst', title: view.title });
    expect(document).toEqual({ schemaVersion: 1, ...chenView() });

    const read = await app.get(`/api/views/${view.id}`);
    expect(read.status).toBe(200);
    expect(read.body.view).toEqual(view);
    expect(read.body.version).toEqual(version);
    expect(read.body.document).toEqual(document);
    expect(read.body.document).not.toHaveProperty('snapshot');
    expect(read.body.changes).toMatchObject({ since: version.savedAt, removed: nothing, changed: nothing, unverified: nothing });
    // The chain query, re-run, reaches further up than the three elements kept.
    expect(read.body.changes.added.nodes).toContain('org_ccp_cc');
    expect(read.body.changes.added.nodes).not.toContain('chen_quanguo');

    // The graph to draw comes with it, in one request: the kept elements as the graph has them now,
    // what the query adds, and the documents they cite (the same as a fresh run of the query cites).
    const graph = Result.parse(read.body.graph);
    const drawn = { nodes: graph.nodes.map((node) => node.id), edges: graph.edges.map((edge) => edge.id) };
    expect(drawn.nodes).toEqual(expect.arrayContaining([...document.elements.nodes, ...read.body.changes.added.nodes]));
    expect(drawn.edges).toEqual(expect.arrayContaining(document.elements.edges));
    const fresh = Result.parse((await app.post('/api/queries/chain-of-command', { params: document.query.parameters })).body);
    expect(Object.keys(graph.citations).sort()).toEqual(expect.arrayContaining(Object.keys(fresh.citations)));
    const held = graph.edges.find((edge) => edge.id === heldPostId)!;
    for (const source of held.properties.sources as string[]) expect(graph.citations[source], `${source} is cited`).toBeDefined();
  });

  it('lists views not deleted, most recently saved first, a page at a time', async () => {
    const ids: string[] = [];
    for (const title of ['List A', 'List B', 'List C']) ids.push((await create(chenView(title))).body.view.id);
    // Only this account's own views: other test files save and share views in the same database.
    const first = await app.get('/api/views?scope=mine&limit=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ offset: 0, limit: 2, more: true });
    expect(first.body.views.map((view: { id: string }) => view.id)).toEqual([ids[2], ids[1]]);
    expect(Object.keys(first.body.views[0]).sort()).toEqual([
      'author',
      'createdAt',
      'currentVersion',
      'id',
      'links',
      'owner',
      'shareId',
      'title',
      'updatedAt',
      'visibility',
    ]);
    const second = await app.get('/api/views?scope=mine&limit=1&offset=2');
    expect(second.body.views.map((view: { title: string }) => view.title)).toEqual(['List A']);
  });
});

describe('versions', () => {
  it('saves each update as a new version; older versions stay readable', async () => {
    const { view } = (await create()).body;
    const revised = {
      ...chenView('Chen Quanguo, revised'),
      notes: 'Moved the committee left.',
      positions: { chen_quanguo: { x: 0, y: 100 }, org_xuar_pc: { x: -80, y: 0 } },
    };
    const updated = await send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 1, ...revised });
    expect(updated.status).toBe(200);
    expect(updated.body.view).toMatchObject({
      id: view.id,
      shareId: view.shareId,
      title: 'Chen Quanguo, revised',
      currentVersion: 2,
      createdAt: view.createdAt,
    });
    expect(updated.body.version).toMatchObject({ version: 2, author: 'test-analyst', title: 'Chen Quanguo, revised' });

    const current = await app.get(`/api/views/${view.id}`);
    expect(current.body.version.version).toBe(2);
    expect(current.body.document).toEqual({ schemaVersion: 1, ...revised });

    const versions = await app.get(`/api/views/${view.id}/versions`);
    expect(versions.body.versions.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [1, 'Chen Quanguo and the XUAR committee'],
      [2, 'Chen Quanguo, revised'],
    ]);
    const first = await app.get(`/api/views/${view.id}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body.document).toEqual({ schemaVersion: 1, ...chenView() });
    expect(first.body.version).toMatchObject({ version: 1, savedAt: view.createdAt });
    expect(first.body.changes.removed).toEqual(nothing);

    expect((await app.get(`/api/views/${view.id}/versions/3`)).status).toBe(404);
  });

  it('refuses a save based on a stale version with 409, so nobody overwrites a colleague silently', async () => {
    const { view } = (await create()).body;
    expect((await send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 1, ...chenView('Analyst A') })).status).toBe(200);
    const stale = await send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 1, ...chenView('Analyst B') });
    expect(stale.status).toBe(409);
    expect(stale.contentType).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ status: 409, title: 'Conflict' });
    expect(stale.body.detail).toMatch(/^Version 2 of this view was saved by test-analyst at .* after version 1/);
    expect((await app.get(`/api/views/${view.id}`)).body.view.title).toBe('Analyst A');
  });

  it('lets exactly one of several simultaneous saves on the same version through', async () => {
    const { view } = (await create()).body;
    const replies = await Promise.all(
      ['C', 'D', 'E'].map((who) => send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 1, ...chenView(`Analyst ${who}`) })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409, 409]);
    const versions = (await app.get(`/api/views/${view.id}/versions`)).body.versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const winner = replies.find((reply) => reply.status === 200)!;
    expect(versions[1].title).toBe(winner.body.view.title);
  });

  it("refuses a stale base inside the save itself, under the view's lock, when saves race past the route's check", async () => {
    const { view } = (await create()).body;
    const store = new ViewStore(await testExecutor(app.driver, TEST_REQUEST_BUDGET_MS));
    const current = (await store.read(view.id, null))!.version!;
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => store.saveVersion(view.id, 1, { ...current, title: `Racer ${i}`, savedAt: new Date().toISOString() })),
    );
    expect(outcomes.filter((outcome) => outcome!.saved)).toHaveLength(1);
    expect(outcomes.every((outcome) => outcome!.currentVersion === 2)).toBe(true);
    expect((await store.versions(view.id))!.versions.map((v) => v.version)).toEqual([1, 2]);
  });
});

describe('sharing', () => {
  it('keeps one share link across versions and renames; the link opens the current version, and the client route loads', async () => {
    const { view } = (await create()).body;
    await send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 1, ...chenView('Renamed for the legal team') });
    const shared = await app.get(`/api/views/shared/${view.shareId}`);
    expect(shared.status).toBe(200);
    expect(shared.body.view).toMatchObject({ id: view.id, shareId: view.shareId, title: 'Renamed for the legal team', currentVersion: 2 });
    expect(shared.body.document).toEqual((await app.get(`/api/views/${view.id}`)).body.document);
    expect(shared.body.changes.removed).toEqual(nothing);

    const page = await fetch(`${app.baseUrl}/v/${view.shareId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('answers 404 for a share token no view has', async () => {
    const missing = await app.get(`/api/views/shared/${'A'.repeat(22)}`);
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');
  });
});

describe('export and import', () => {
  it('exports every version as an attachment without the share token, and imports it as a new view that reads the same', async () => {
    const { view } = (await create(chenView('Export me'))).body;
    await send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 1, ...chenView('Export me, v2') });

    const exported = await app.get(`/api/views/${view.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.contentType).toContain('application/json');
    const disposition = (await app.fetch(`/api/views/${view.id}/export`)).headers.get('content-disposition');
    expect(disposition).toBe('attachment; filename="Export me, v2.view.json"');
    const file = exported.body;
    expect(file).toMatchObject({ format: 'xpf-explorer/view', view: { id: view.id, title: 'Export me, v2', currentVersion: 2 } });
    expect(file.versions.map((v: { version: number; author: string }) => [v.version, v.author])).toEqual([
      [1, 'test-analyst'],
      [2, 'test-analyst'],
    ]);
    expect(file.versions[1].document.snapshot.nodes).toHaveProperty('chen_quanguo');
    expect(JSON.stringify(file)).not.toContain(view.shareId);

    const imported = await send(app, 'POST', '/api/views/import', file);
    expect(imported.status).toBe(201);
    made.push(imported.body.view.id);
    expect(imported.body.view.id).not.toBe(view.id);
    expect(imported.body.view.shareId).not.toBe(view.shareId);
    expect(imported.body.view).toMatchObject({ title: 'Export me, v2', currentVersion: 2, author: 'test-analyst' });

    const original = await app.get(`/api/views/${view.id}`);
    const copy = await app.get(`/api/views/${imported.body.view.id}`);
    expect(copy.body.document).toEqual(original.body.document);
    expect(copy.body.changes.removed).toEqual(original.body.changes.removed);
    expect(copy.body.changes.changed).toEqual(original.body.changes.changed);
    // Every version is recorded as the importer's, at the import: a file's authors and dates are claims.
    const copyVersions = (await app.get(`/api/views/${imported.body.view.id}/versions`)).body.versions;
    const importedAt = imported.body.view.createdAt;
    expect(copyVersions).toEqual(
      (await app.get(`/api/views/${view.id}/versions`)).body.versions.map((version: { savedAt: string }) => ({ ...version, savedAt: importedAt })),
    );
  });

  it('upgrades an old schemaVersion on import: the as-of date moves into filters, and unfingerprinted elements are unverified', async () => {
    const file = JSON.parse(await readFile(join(import.meta.dirname, '../fixtures/views/v0-export.json'), 'utf8'));
    const imported = await send(app, 'POST', '/api/views/import', file);
    expect(imported.status).toBe(201);
    made.push(imported.body.view.id);
    // The file says researcher-a saved it on 2024-02-27: the server records who imported it, and when.
    expect(imported.body.version).toEqual({ version: 1, savedAt: imported.body.view.createdAt, author: 'test-analyst', title: 'Chen Quanguo in 2018' });

    const read = await app.get(`/api/views/${imported.body.view.id}`);
    expect(read.body.document).toMatchObject({ schemaVersion: 1, layout: 'preset', filters: { asOf: '2018-01-01' }, viewport: { zoom: 1.25 } });
    expect(read.body.changes).toMatchObject({
      since: imported.body.view.createdAt,
      removed: nothing,
      changed: nothing,
      unverified: { nodes: ['chen_quanguo', 'org_xuar_pc'], edges: [] },
    });
    expect(read.body.changes.added.nodes).toContain('org_ccp_cc');
  });
});

describe('what changed since a view was saved', () => {
  it('names exactly the elements changed, removed and added in the graph since', async () => {
    const elements = {
      nodes: [fixture.camp, fixture.bureau, fixture.guard, fixture.detainee1, fixture.detainee2],
      edges: [fixture.operates, fixture.assigned, fixture.detained1, fixture.detained2],
    };
    const created = await create({
      title: 'Test camp and its people',
      query: { name: 'expand-neighbourhood', parameters: { id: fixture.camp, direction: 'both' } },
      elements,
      positions: {},
      layout: 'overview',
      viewport,
    });
    expect(created.status).toBe(201);
    const { view } = created.body;
    const before = await app.get(`/api/views/${view.id}`);
    expect(before.body.changes).toMatchObject({ removed: nothing, changed: nothing, unverified: nothing, added: nothing });

    // One node and one link change, one detainee (and so her detention) goes, another arrives.
    await app.driver.executeQuery(
      `MATCH (guard:Entity {id: $f.guard}) SET guard.confidence = 'confirmed'
       WITH 1 AS done MATCH (:Entity {id: $f.bureau})-[operates:OPERATES {id: $f.operates}]->() SET operates.sources = ['s_icij_xpf', 's_new_report']
       WITH 1 AS done MATCH (two:Entity {id: $f.detainee2}) DETACH DELETE two
       WITH 1 AS done MATCH (camp:Entity {id: $f.camp})
       CREATE (:Entity:Person:Detainee {id: $l.detainee3, name: 'Test Views Detainee Three', confidence: 'reported', sources: ['s_icij_xpf'], synthetic: true})
              -[:DETAINED_AT {id: $l.detained3, confidence: 'reported', sources: ['s_icij_xpf'], synthetic: true}]->(camp)`,
      { f: fixture, l: later },
      { routing: 'WRITE' },
    );

    const after = await app.get(`/api/views/${view.id}`);
    expect(after.status).toBe(200);
    expect(after.body.changes).toEqual({
      since: before.body.version.savedAt,
      removed: { nodes: [fixture.detainee2], edges: [fixture.detained2] },
      changed: { nodes: [fixture.guard], edges: [fixture.operates] },
      unverified: nothing,
      added: { nodes: [later.detainee3], edges: [later.detained3] },
    });
    // The document itself is as saved: the view still lists what it showed.
    expect(after.body.document.elements).toEqual(elements);
    expect((await app.get(`/api/views/shared/${view.shareId}`)).body.changes).toEqual(after.body.changes);

    // Saving again takes the graph as it is now: nothing has changed since the new version.
    const resaved = await send(app, 'PUT', `/api/views/${view.id}`, {
      baseVersion: 1,
      ...after.body.document,
      elements: { nodes: [fixture.camp, fixture.bureau, fixture.guard, fixture.detainee1], edges: [fixture.operates, fixture.assigned, fixture.detained1] },
    });
    expect(resaved.status).toBe(200);
    const now = await app.get(`/api/views/${view.id}`);
    expect(now.body.changes).toMatchObject({ removed: nothing, changed: nothing, added: { nodes: [later.detainee3], edges: [later.detained3] } });
    // Version 1 still compares against its own snapshot.
    expect((await app.get(`/api/views/${view.id}/versions/1`)).body.changes.changed).toEqual({ nodes: [fixture.guard], edges: [fixture.operates] });
  });

  it('says why added is unknown when the view was not drawn by one query', async () => {
    const created = await create({ ...chenView('Hand-made'), query: null });
    const read = await app.get(`/api/views/${created.body.view.id}`);
    expect(read.body.changes.added).toBeNull();
    expect(read.body.changes.addedUnknownBecause).toBe('the view was not drawn by one query');
  });
});

describe('DELETE /api/views/:id', () => {
  it('deletes a view: it, its versions, its export and its share link all answer 404, and lists leave it out', async () => {
    const { view } = (await create(chenView('Delete me'))).body;
    const deleted = await send(app, 'DELETE', `/api/views/${view.id}`);
    expect(deleted.status).toBe(204);
    for (const path of [
      `/api/views/${view.id}`,
      `/api/views/${view.id}/versions`,
      `/api/views/${view.id}/versions/1`,
      `/api/views/${view.id}/export`,
      `/api/views/shared/${view.shareId}`,
    ]) {
      expect((await app.get(path)).status, path).toBe(404);
    }
    expect((await send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 1, ...chenView() })).status).toBe(404);
    expect((await send(app, 'DELETE', `/api/views/${view.id}`)).status).toBe(404);
    const listed = (await app.get('/api/views?limit=200')).body.views.map((v: { id: string }) => v.id);
    expect(listed).not.toContain(view.id);
  });
});

describe('views stay out of evidence', () => {
  it('never appear in a search, a node lookup or an expansion, and never carry the Entity label', async () => {
    const title = 'Chen Quanguo Zhu Hailun evidence view';
    const { view } = (await create(chenView(title))).body;

    const search = Result.parse((await app.get(`/api/search?q=${encodeURIComponent('chen quanguo')}&limit=100`)).body);
    expect(search.nodes.map((node) => node.id)).not.toContain(view.id);
    expect(search.nodes.every((node) => node.labels.includes('Entity'))).toBe(true);
    expect((await app.get(`/api/nodes/${view.id}`)).status).toBe(404);
    const expanded = await send(app, 'POST', '/api/queries/expand-neighbourhood', { params: { id: 'chen_quanguo', direction: 'both', limit: 2000 } });
    expect(expanded.status).toBe(200);
    expect(JSON.stringify(expanded.body)).not.toContain(view.id);

    const { records } = await app.driver.executeQuery('MATCH (n:Entity) WHERE n:_View OR n:_ViewVersion RETURN count(n) AS mixed');
    expect(records[0]!.get('mixed').toNumber()).toBe(0);
  });

  it("are not served by the generic query route: the view queries are the views routes' own", async () => {
    const title = 'Not through /api/queries';
    const { view } = (await create(chenView(title))).body;
    const listed = (await app.get('/api/queries')).body.queries.map((query: { name: string }) => query.name);
    const internal = ['list-views', 'read-view', 'view-versions', 'find-shared-view', 'view-elements'];
    expect(listed.filter((name: string) => internal.includes(name))).toEqual([]);
    for (const [name, params] of [
      ['list-views', { limit: 200 }],
      ['read-view', { id: view.id, version: null }],
      ['view-versions', { id: view.id, withDocuments: true }],
      ['find-shared-view', { shareId: view.shareId }],
    ] as const) {
      const reply = await send(app, 'POST', `/api/queries/${name}`, { params });
      expect(JSON.stringify(reply.body), name).not.toContain(view.shareId);
      expect(JSON.stringify(reply.body), name).not.toContain(title);
    }
  });
});

describe('bad input', () => {
  const fieldsOf = (reply: { body: AnswerBody }) => reply.body.errors.map((error: { field: string }) => error.field);

  it('rejects every bad field of a view with 400 naming it', async () => {
    const base = chenView();
    const cases: Array<[string, unknown]> = [
      ['title', { ...base, title: '   ' }],
      ['title', { ...base, title: 'x'.repeat(201) }],
      ['notes', { ...base, notes: 'x'.repeat(10_001) }],
      ['query', { ...base, query: undefined }],
      ['query.name', { ...base, query: { name: 'merge-nodes', parameters: {} } }],
      ['query.name', { ...base, query: { name: 'list-views', parameters: {} } }],
      ['query.name', { ...base, query: { name: 'Robert"); DROP', parameters: {} } }],
      ['query.parameters.asOf', { ...base, query: { name: 'chain-of-command', parameters: { id: 'chen_quanguo', asOf: '2018-13-45' } } }],
      ['query.parameters.colour', { ...base, query: { name: 'chain-of-command', parameters: { id: 'chen_quanguo', colour: 'red' } } }],
      // Kept in the graph: no parameter text past 20,000 characters, however large the body may be.
      ['query.parameters.id', { ...base, query: { name: 'chain-of-command', parameters: { id: 'x'.repeat(20_001) } } }],
      ['elements', { ...base, elements: undefined }],
      ['elements.nodes.0', { ...base, elements: { nodes: ["x' OR 1=1 //"], edges: [] }, positions: {} }],
      ['elements.nodes.1', { ...base, elements: { nodes: ['chen_quanguo', 'chen_quanguo'], edges: [] }, positions: {} }],
      ['elements.nodes.0', { ...base, elements: { nodes: ['no-such-node', 'org_xuar_pc'], edges: [] }, positions: {} }],
      ['elements.edges.0', { ...base, elements: { nodes: ['chen_quanguo', 'org_xuar_pc'], edges: ['no-such-link'] } }],
      ['elements.edges.0', { ...base, elements: { nodes: ['chen_quanguo'], edges: [heldPostId] }, positions: {} }],
      ['positions.xi_jinping', { ...base, positions: { xi_jinping: { x: 1, y: 1 } } }],
      ['positions.chen_quanguo.x', { ...base, positions: { chen_quanguo: { x: 'left', y: 1 } } }],
      ['layout', { ...base, layout: 'Dagre Layout' }],
      ['filters.labels.0', { ...base, filters: { labels: ['Camp'] } }],
      ['filters.confidence.0', { ...base, filters: { confidence: ['sure'] } }],
      ['filters.synthetic', { ...base, filters: { synthetic: 'no' } }],
      ['filters.asOf', { ...base, filters: { asOf: '2018-02-30' } }],
      ['viewport.zoom', { ...base, viewport: { zoom: 0, pan: { x: 0, y: 0 } } }],
      ['viewport.pan.y', { ...base, viewport: { zoom: 1, pan: { x: 0 } } }],
      ['schemaVersion', { ...base, schemaVersion: 2 }],
      ['snapshot', { ...base, snapshot: { nodes: {}, edges: {} } }],
      ['postions', { ...base, postions: {} }],
      ['(body)', '{"title": '],
      ['(body)', '[]'],
    ];
    for (const [field, body] of cases) {
      const reply = await send(app, 'POST', '/api/views', body);
      expect(reply.status, field).toBe(400);
      expect(reply.contentType).toContain('application/problem+json');
      expect(fieldsOf(reply), JSON.stringify(body).slice(0, 120)).toEqual([field]);
    }
  });

  it('rejects a bad update, path, page or import file with 400 naming the field', async () => {
    const { view } = (await create()).body;
    expect(fieldsOf(await send(app, 'PUT', `/api/views/${view.id}`, chenView()))).toEqual(['baseVersion']);
    expect(fieldsOf(await send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 0, ...chenView() }))).toEqual(['baseVersion']);
    expect(fieldsOf(await send(app, 'PUT', `/api/views/${view.id}`, { baseVersion: 1, ...chenView(''), layout: 'x y' }))).toEqual(['title', 'layout']);
    expect(fieldsOf(await app.get('/api/views/not-a-view-id'))).toEqual(['id']);
    expect(fieldsOf(await app.get(`/api/views/${view.id}/versions/first`))).toEqual(['version']);
    expect(fieldsOf(await app.get(`/api/views/${view.id}/versions/0`))).toEqual(['version']);
    expect(fieldsOf(await app.get('/api/views/shared/too-short'))).toEqual(['shareId']);
    expect(fieldsOf(await app.get('/api/views?limit=0'))).toEqual(['limit']);
    expect(fieldsOf(await app.get('/api/views?offset=-1'))).toEqual(['offset']);
    expect(fieldsOf(await send(app, 'DELETE', '/api/views/1234'))).toEqual(['id']);

    const file = (await app.get(`/api/views/${view.id}/export`)).body;
    expect(fieldsOf(await send(app, 'POST', '/api/views/import', { ...file, format: 'neodash' }))).toEqual(['format']);
    expect(fieldsOf(await send(app, 'POST', '/api/views/import', { ...file, versions: [] }))).toEqual(['versions']);
    const [first] = file.versions;
    const badDocument = { ...first, document: { ...first.document, title: '', schemaVersion: 1 } };
    expect(fieldsOf(await send(app, 'POST', '/api/views/import', { ...file, versions: [badDocument] }))).toEqual(['versions.0.document.title']);
    const newer = { ...first, document: { ...first.document, schemaVersion: 9 } };
    expect(fieldsOf(await send(app, 'POST', '/api/views/import', { ...file, versions: [newer] }))).toEqual(['versions.0.document.schemaVersion']);
    expect(fieldsOf(await send(app, 'POST', '/api/views/import', { ...file, versions: [{ ...first, version: 2 }] }))).toEqual(['versions.0.version']);
    const forged = { ...first, document: { ...first.document, snapshot: { nodes: { chen_quanguo: 'forged' }, edges: {} } } };
    expect(fieldsOf(await send(app, 'POST', '/api/views/import', { ...file, versions: [forged] }))).toEqual([
      'versions.0.document.snapshot.nodes.chen_quanguo',
    ]);
  });

  it('answers 404 as a problem document for a view id no view has', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, body] of [
      ['GET', `/api/views/${unknown}`],
      ['GET', `/api/views/${unknown}/versions`],
      ['GET', `/api/views/${unknown}/versions/1`],
      ['GET', `/api/views/${unknown}/export`],
      ['PUT', `/api/views/${unknown}`, { baseVersion: 1, ...chenView() }],
      ['DELETE', `/api/views/${unknown}`],
    ] as const) {
      const reply = await send(app, method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body).toMatchObject({ status: 404, title: 'Not found', detail: `No view with id "${unknown}"` });
    }
  });
});

describe('saved views survive a restart', () => {
  it('reads a view back through a new app and a new driver', async () => {
    const { view, document } = (await create(chenView('Before the new app'))).body;
    const second = await startTestApp();
    try {
      const shared = await second.get(`/api/views/shared/${view.shareId}`);
      expect(shared.status).toBe(200);
      expect(shared.body.view).toEqual(view);
      expect(shared.body.document).toEqual(document);
    } finally {
      await second.close();
    }
  });

  // Two Neo4j starts and a stop: a minute or more on two shared cores.
  it('reopens a view from its link after the database itself is stopped and started again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'xpf-views-restart-'));
    const start = async () =>
      startEmbeddedNeo4j({
        dataDir,
        cacheDir: parseEnv().XPF_CACHE_DIR,
        boltPort: await freePort(),
        heap: '256m',
        pageCache: '32m',
        startTimeoutMs: NEO4J_TEST_START_MS,
        jvmOptions: TEST_JVM_OPTIONS,
      });
    try {
      let neo4j = await start();
      let target = await startTestApp(createDriver(neo4j.uri, neo4j.user, neo4j.password));
      await target.driver.executeQuery(
        `CREATE (:Entity:Organization {id: 'test-views-r-org', name: 'Restart Bureau', level: 'county', confidence: 'confirmed', sources: ['s1'], synthetic: true})
                <-[:HELD_POST {id: 'test-views-r-post', confidence: 'reported', sources: ['s1'], synthetic: true}]-
                (:Entity:Person:Official {id: 'test-views-r-official', name: 'Restart Official', confidence: 'reported', sources: ['s1'], synthetic: true})`,
        {},
        { routing: 'WRITE' },
      );
      const content = {
        title: 'Survives a restart',
        query: { name: 'node-details', parameters: { id: 'test-views-r-official' } },
        elements: { nodes: ['test-views-r-official', 'test-views-r-org'], edges: ['test-views-r-post'] },
        positions: { 'test-views-r-official': { x: 0, y: 80 } },
        layout: 'preset',
        viewport,
      };
      const created = await send(target, 'POST', '/api/views', content);
      expect(created.status).toBe(201);
      await target.close();
      await neo4j.stop();

      neo4j = await start();
      target = await startTestApp(createDriver(neo4j.uri, neo4j.user, neo4j.password));
      try {
        // A freshly started Neo4j plans its first queries slowly (seconds on two busy cores), and a
        // request past its 9 s budget answers 503 "try again shortly": so try again, as a client would.
        let reopened = await target.get(`/api/views/shared/${created.body.view.shareId}`);
        for (let attempt = 0; attempt < 5 && reopened.status === 503; attempt++) {
          reopened = await target.get(`/api/views/shared/${created.body.view.shareId}`);
        }
        expect(reopened.status).toBe(200);
        expect(reopened.body.view).toEqual(created.body.view);
        expect(reopened.body.document).toEqual(created.body.document);
        expect(reopened.body.changes).toMatchObject({ removed: nothing, changed: nothing, unverified: nothing, added: nothing });
      } finally {
        await target.close();
        await neo4j.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 900_000);
});
