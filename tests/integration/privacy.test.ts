// Privacy end to end: redaction on the server for viewers and under REDACT=1 (scanning every
// endpoint's answers for seeded personal values), search that is no oracle, private views, and the
// audit trail (ids, never names).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEvidenceQuery, loadCatalogue } from '../../server/graph/catalogue.ts';
import { ExportFormat } from '../../contract/api/export.ts';
import { startTestApp, testDriver, type Client, type TestApp } from '../support/neo4j.ts';
import { provenance } from '../fixtures/provenance.ts';

const ids = {
  detainee: 'test-privacy-detainee',
  relative: 'test-privacy-relative',
  photo: 'test-privacy-photo',
  camp: 'test-privacy-camp',
  bureau: 'test-privacy-bureau',
} as const;

/** Values that must never reach a viewer, nor anyone under REDACT=1. */
const personal = ['Zzyzx', 'Testperson', '测试者甲', 'Zzyzxe', '650102193102031234', '1931-02-03', 'Qwertyuiop', 'zzyzx-photo', 'Yqqv', 'Ottovar'];

async function seedPrivacyFixture(app: TestApp): Promise<void> {
  await app.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-privacy-' DETACH DELETE n", {}, { routing: 'WRITE' });
  await app.driver.executeQuery(
    `MATCH (top:Organization {id: 'org_xuar_pc'})
     CREATE (d:Entity:Person:Detainee {id: $ids.detainee, name: 'Zzyzx Testperson', nameZh: '测试者甲', pinyin: 'Zzyzxe Testperson',
             aliases: ['Zzyzx T.'], nameKeys: ['zzyzxtestperson'], idNumber: '650102193102031234', birthDate: date('1931-02-03'),
             address: '77 Qwertyuiop Lane', gender: 'male', ${provenance}})
     CREATE (r:Entity:Person {id: $ids.relative, name: 'Yqqv Ottovar', address: '77 Qwertyuiop Lane', ${provenance}})
     CREATE (p:Entity:Photo {id: $ids.photo, name: 'Zzyzx Testperson at intake', file: 'evidence/zzyzx-photo.jpg', ${provenance}})
     CREATE (c:Entity:Facility {id: $ids.camp, name: 'Test Privacy Camp', facilityType: 'camp', ${provenance}})
     CREATE (b:Entity:Organization {id: $ids.bureau, name: 'Test Privacy Bureau', level: 'county', orgType: 'public-security', ${provenance}})
     CREATE (d)-[:DETAINED_AT {id: 'test-privacy-detained', from: date('2017-06-01'), notes: 'Zzyzx moved from home', ${provenance}}]->(c)
     CREATE (r)-[:RELATED_TO {id: 'test-privacy-related', relation: 'mother', ${provenance}}]->(d)
     CREATE (p)-[:DEPICTS {id: 'test-privacy-depicts', ${provenance}}]->(d)
     CREATE (b)-[:OPERATES {id: 'test-privacy-operates', ${provenance}}]->(c)
     CREATE (b)-[:SUBORDINATE_TO {id: 'test-privacy-subordinate', ${provenance}}]->(top)`,
    { ids },
    { routing: 'WRITE' },
  );
}

let app: TestApp;
let analyst: Client;
let viewer: Client;
let admin: Client;
let redactedApp: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedPrivacyFixture(app);
  // Its own analyst: views.test.ts pages through test-analyst's views at the same time.
  analyst = await app.login('analyst', 'test-privacy-analyst');
  viewer = await app.login('viewer');
  admin = await app.login('admin');
  redactedApp = await startTestApp(testDriver(), { redactAll: true, role: 'admin' });
});
afterAll(async () => {
  await app.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-privacy-' DETACH DELETE n", {}, { routing: 'WRITE' });
  await redactedApp?.close();
  await app?.close();
});

/** Every request a client can make that may carry evidence, each with the fixture's ids filled in. */
async function everyAnswer(client: Client, sharedViewId: string, shareId: string): Promise<Array<{ what: string; status: number; text: string }>> {
  const answers: Array<{ what: string; status: number; text: string }> = [];
  const record = async (what: string, response: Response) => {
    let text = await response.text();
    // The client's own search text comes back in meta.parameters: it is theirs, not the server's disclosure.
    if (what.startsWith('GET /api/search')) text = JSON.stringify({ ...JSON.parse(text), meta: null });
    answers.push({ what, status: response.status, text });
  };
  const get = (path: string) => client.fetch(path).then((response) => record(`GET ${path}`, response));
  const post = (path: string, body: unknown) =>
    client
      .fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then((response) => record(`POST ${path}`, response));

  for (const q of ['Zzyzx', 'Testperson', '测试者甲', 'Yqqv Ottovar', 'zzyzxtestperson', 'Test Privacy Camp'])
    await get(`/api/search?q=${encodeURIComponent(q)}`);
  for (const id of Object.values(ids)) {
    await get(`/api/nodes/${id}`);
    await get(`/api/chain/${id}`);
    for (const format of ExportFormat.options) {
      if (format === 'csv') for (const part of ['nodes', 'edges']) await get(`/api/export/chain/${id}/csv?part=${part}`);
      else await get(`/api/export/chain/${id}/${format}`);
    }
  }
  // The photo file itself: withheld, whatever the store holds.
  await get(`/api/photos/${ids.photo}`);
  // Every curated query, asked about the fixture wherever it takes an id.
  const catalogue = await loadCatalogue();
  for (const entry of [...catalogue.values()].filter(isEvidenceQuery)) {
    for (const id of [ids.detainee, ids.camp, ids.relative]) {
      const params: Record<string, unknown> = {};
      for (const key of Object.keys(entry.schema.shape)) {
        if (/ids$/i.test(key)) params[key] = [ids.detainee, ids.relative, ids.camp];
        else if (/id$/i.test(key)) params[key] = id;
        else if (key === 'query') params[key] = 'Zzyzx';
      }
      const response = await client.fetch(`/api/queries/${entry.name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ params }),
      });
      const text = await response.text();
      answers.push({
        what: `POST /api/queries/${entry.name} (${id})`,
        status: response.status,
        text: entry.name === 'full-text-names' ? JSON.stringify({ ...JSON.parse(text), meta: null }) : text,
      });
    }
  }
  // A result an analyst was given, sent back for export: the file is still redacted for this client.
  const full = await (await analyst.fetch(`/api/nodes/${ids.detainee}`)).json();
  for (const format of ExportFormat.options) await post(`/api/export/${format}${format === 'csv' ? '?part=nodes' : ''}`, { result: full });
  await get(`/api/views/shared/${shareId}`);
  await get(`/api/views/${sharedViewId}`);
  await get(`/api/views/${sharedViewId}/versions`);
  await get(`/api/views/${sharedViewId}/versions/1`);
  await get(`/api/views/${sharedViewId}/export`);
  await get('/api/views');
  await get('/api/queries');
  await get('/api/openapi.json');
  await get('/api/auth/session');
  return answers;
}

async function sharedFixtureView(): Promise<{ id: string; shareId: string }> {
  const created = await analyst.post('/api/views', {
    title: 'Test privacy view',
    query: { name: 'node-details', parameters: { id: ids.detainee } },
    elements: { nodes: [ids.detainee, ids.camp, ids.relative], edges: ['test-privacy-detained'] },
    positions: {},
    layout: 'preset',
    viewport: { zoom: 1, pan: { x: 0, y: 0 } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await analyst.put(`/api/views/${created.body.view.id}/visibility`, { visibility: 'shared' })).status).toBe(200);
  return { id: created.body.view.id, shareId: created.body.view.shareId };
}

describe('redaction on the server', () => {
  it('analysts get the full evidence (the values the scans look for are really there)', async () => {
    const node = await analyst.get(`/api/nodes/${ids.detainee}`);
    const text = JSON.stringify(node.body);
    for (const value of ['Zzyzx', '测试者甲', '650102193102031234', '1931-02-03', 'Qwertyuiop']) expect(text).toContain(value);
    expect(JSON.stringify((await analyst.get(`/api/nodes/${ids.photo}`)).body)).toContain('zzyzx-photo');
    expect(JSON.stringify((await analyst.get(`/api/nodes/${ids.relative}`)).body)).toContain('Yqqv');
  });

  it('sends a viewer none of the seeded personal values, from any endpoint', async () => {
    const view = await sharedFixtureView();
    const answers = await everyAnswer(viewer, view.id, view.shareId);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(40);
    for (const answer of answers) for (const value of personal) expect(answer.text, `${answer.what} carries "${value}"`).not.toContain(value);
    // What a viewer does get: the detainee, under a stable pseudonym.
    const node = await viewer.get(`/api/nodes/${ids.detainee}`);
    const shown = node.body.nodes.find((candidate: { id: string }) => candidate.id === ids.detainee);
    expect(shown.properties.name).toMatch(/^Detainee [0-9A-F]{4}-[0-9A-F]{4}$/);
    expect((await viewer.get(`/api/chain/${ids.detainee}`)).body.nodes.find((candidate: { id: string }) => candidate.id === ids.detainee).properties.name).toBe(
      shown.properties.name,
    );
  });

  it('under REDACT=1 withholds them from every role, admins included', async () => {
    const view = await sharedFixtureView();
    for (const role of ['admin', 'analyst'] as const) {
      const client = role === 'admin' ? redactedApp : await redactedApp.login(role);
      const answers = await everyAnswer(client, view.id, view.shareId);
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(40);
      for (const answer of answers) for (const value of personal) expect(answer.text, `${role}: ${answer.what} carries "${value}"`).not.toContain(value);
    }
  });

  it('search is no oracle: a detainee’s real name finds nothing for a viewer', async () => {
    const hits = (client: Client, q: string) =>
      client.get(`/api/search?q=${encodeURIComponent(q)}`).then((answer) => answer.body.nodes.map((node: { id: string }) => node.id));
    expect(await hits(analyst, 'Zzyzx Testperson')).toContain(ids.detainee);
    for (const q of ['Zzyzx Testperson', '测试者甲', 'Yqqv Ottovar']) {
      const found = await hits(viewer, q);
      expect(found).not.toContain(ids.detainee);
      expect(found).not.toContain(ids.relative);
    }
    expect(await hits(viewer, 'Test Privacy Camp')).toContain(ids.camp);
  });
});

describe('saved views belong to their owner', () => {
  it('keeps a private view from everyone else, admins included, until it is shared', async () => {
    const other = await app.login('analyst', 'test-analyst-other');
    const content = {
      title: 'Mine alone',
      query: { name: 'node-details', parameters: { id: 'chen_quanguo' } },
      elements: { nodes: ['chen_quanguo'], edges: [] },
      positions: {},
      layout: 'preset',
      viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    };
    const created = await analyst.post('/api/views', content);
    expect(created.body.view).toMatchObject({ visibility: 'private', owner: (await analyst.get('/api/auth/session')).body.user.id });
    const { id, shareId } = created.body.view;
    for (const client of [other, admin, viewer]) {
      expect((await client.get(`/api/views/${id}`)).status).toBe(404);
      expect((await client.get(`/api/views/shared/${shareId}`)).status).toBe(404);
      expect((await client.get(`/api/views/${id}/versions`)).status).toBe(404);
      expect((await client.get('/api/views?limit=200')).body.views.map((view: { id: string }) => view.id)).not.toContain(id);
      expect([403, 404]).toContain((await client.put(`/api/views/${id}`, { ...content, baseVersion: 1, title: 'Taken over' })).status);
      expect([403, 404]).toContain((await client.delete(`/api/views/${id}`)).status);
      expect([403, 404]).toContain((await client.put(`/api/views/${id}/visibility`, { visibility: 'shared' })).status);
    }
    expect((await analyst.get(`/api/views/${id}`)).status).toBe(200);

    expect((await analyst.put(`/api/views/${id}/visibility`, { visibility: 'shared' })).status).toBe(200);
    expect((await other.get(`/api/views/shared/${shareId}`)).status).toBe(200);
    expect((await viewer.get(`/api/views/shared/${shareId}`)).status).toBe(200);
    // Shared is readable, not writable: only the owner (or an admin) changes it.
    expect((await other.delete(`/api/views/${id}`)).status).toBe(403);
    expect((await admin.delete(`/api/views/${id}`)).status).toBe(204);
  });

  it('viewers cannot save, import or export views', async () => {
    const content = {
      title: 'Viewer try',
      query: { name: 'node-details', parameters: { id: 'chen_quanguo' } },
      elements: { nodes: ['chen_quanguo'], edges: [] },
      positions: {},
      layout: 'preset',
      viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    };
    expect((await viewer.post('/api/views', content)).status).toBe(403);
    expect((await viewer.post('/api/views/import', {})).status).toBe(403);
  });
});

describe('the audit log', () => {
  it('records logins, searches, node opens, queries, view saves and exports, by id and never by name', async () => {
    const name = `test-audited-${Date.now()}`;
    const client = await app.login('analyst', name);
    const userId = (await client.get('/api/auth/session')).body.user.id;
    await client.get('/api/search?q=Zzyzx%20Testperson');
    await client.get(`/api/nodes/${ids.detainee}`);
    await client.post('/api/queries/node-details', { params: { id: ids.detainee } });
    const saved = await client.post('/api/views', {
      title: 'Audited view',
      query: { name: 'node-details', parameters: { id: ids.detainee } },
      elements: { nodes: [ids.detainee], edges: [] },
      positions: {},
      layout: 'preset',
      viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    });
    await client.get(`/api/export/chain/${ids.detainee}/graphml`);

    const log = await admin.get(`/api/audit?userId=${userId}&limit=100`);
    expect(log.status).toBe(200);
    const entries = log.body.entries as Array<{ action: string; targetIds: string[]; parameters: string | null; userId: string; at: string }>;
    expect(entries.map((entry) => entry.action).sort()).toEqual(['export', 'login', 'node-open', 'query', 'search', 'view-save'].sort());
    expect(entries.every((entry) => entry.userId === userId && !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    expect(entries.find((entry) => entry.action === 'node-open')!.targetIds).toEqual([ids.detainee]);
    expect(entries.find((entry) => entry.action === 'view-save')!.targetIds).toContain(saved.body.view.id);
    // The search term is logged by its length only: the log is no list of who looks for whom.
    expect(JSON.parse(entries.find((entry) => entry.action === 'search')!.parameters!)).toMatchObject({ query: { textLength: 'Zzyzx Testperson'.length } });
    const text = JSON.stringify(entries);
    for (const value of personal) expect(text).not.toContain(value);
  });

  it('admins export it as JSON lines or CSV; nobody can change it', async () => {
    const lines = await admin.fetch('/api/audit/export?format=jsonl&action=login');
    expect(lines.status).toBe(200);
    expect(lines.headers.get('content-disposition')).toMatch(/^attachment; filename="?xpf-audit-\d{4}-\d{2}-\d{2}\.jsonl"?$/);
    const rows = (await lines.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row: { action: string }) => row.action === 'login')).toBe(true);
    const csv = await admin.fetch('/api/audit/export?format=csv');
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toBe('id,at,userId,username,action,targetIds,query,parameters');
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect((await admin.fetch('/api/audit', { method })).status, method).toBe(404);
    }
  });
});
