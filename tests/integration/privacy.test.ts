// Privacy end to end: redaction on the server for viewers and under REDACT=1 (scanning every
// endpoint's answers for seeded personal values), search that is no oracle, private views, and the
// audit trail (ids, never names).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { createApp } from '../../server/http/app.ts';
import { startTestApp, testDriver, type Client, type TestApp } from '../support/neo4j.ts';
import {
  everyAnswer,
  ids,
  personal,
  removePrivacyFixture,
  routesNotAsked,
  seedPrivacyFixture,
  sharedFixtureView,
  type ScannedAnswer,
} from '../support/privacy-scan.ts';

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
  await removePrivacyFixture(app);
  await redactedApp?.close();
  await app?.close();
});

/** A scan asks some 180 requests (notes, hypothesis chains and sanctions included): on a busy two-core machine that takes minutes, not the suite’s default minute. */
const SCAN_TIMEOUT_MS = 300_000;

/** Every answer of the scan, for this client: none may carry a personal value; most must be answers, not refusals. */
async function scan(client: Client, who: string): Promise<ScannedAnswer[]> {
  const view = await sharedFixtureView(analyst, client);
  const full = await (await analyst.fetch(`/api/nodes/${ids.detainee}`)).json();
  const answers = await everyAnswer(client, full, view);
  expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(60);
  for (const answer of answers) for (const value of personal) expect(answer.text, `${who}: ${answer.what} carries "${value}"`).not.toContain(value);
  return answers;
}

describe('redaction on the server', () => {
  it('analysts get the full evidence (the values the scans look for are really there)', async () => {
    const node = await analyst.get(`/api/nodes/${ids.detainee}`);
    const text = JSON.stringify(node.body);
    for (const value of ['Zzyzx', '测试者甲', '650102193102031234', '1931-02-03', 'Qwertyuiop']) expect(text).toContain(value);
    expect(JSON.stringify((await analyst.get(`/api/nodes/${ids.photo}`)).body)).toContain('zzyzx-photo');
    expect(JSON.stringify((await analyst.get(`/api/nodes/${ids.relative}`)).body)).toContain('Yqqv');
    // The record's title, the reason for the detention and the kinship, on the links an expansion draws.
    expect(text).toContain('Interrogation record of Zzyzx');
    const expanded = JSON.stringify((await analyst.post('/api/queries/expand-neighbourhood', { params: { id: ids.detainee } })).body);
    for (const value of ['Reasonyx', 'Kinwexx']) expect(expanded).toContain(value);
  });

  it(
    'sends a viewer none of the seeded personal values, from any endpoint',
    async () => {
      const answers = await scan(viewer, 'viewer');
      // Every GET route is in the scan: a new route joins it, or this fails.
      expect(routesNotAsked(createApp({ driver: app.driver, catalogue: await loadCatalogue(), log: () => {} }), answers)).toEqual([]);
      // What a viewer does get: the detainee, under a stable pseudonym.
      const node = await viewer.get(`/api/nodes/${ids.detainee}`);
      const shown = node.body.nodes.find((candidate: { id: string }) => candidate.id === ids.detainee);
      expect(shown.properties.name).toMatch(/^Detainee [0-9A-F]{4}-[0-9A-F]{4}$/);
      expect(
        (await viewer.get(`/api/chain/${ids.detainee}`)).body.nodes.find((candidate: { id: string }) => candidate.id === ids.detainee).properties.name,
      ).toBe(shown.properties.name);
    },
    SCAN_TIMEOUT_MS,
  );

  it(
    'under REDACT=1 withholds them from every role, admins included, the audit log and raw Cypher too',
    async () => {
      for (const role of ['admin', 'analyst', 'viewer'] as const) {
        const answers = await scan(role === 'admin' ? redactedApp : await redactedApp.login(role), `REDACT=1 ${role}`);
        if (role === 'admin') {
          expect(answers.find((answer) => answer.what.startsWith('GET /api/audit?'))!.status).toBe(200);
          expect(answers.find((answer) => answer.what.startsWith('POST /api/admin/cypher'))!.status).toBe(403);
        }
      }
    },
    3 * SCAN_TIMEOUT_MS,
  );

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
