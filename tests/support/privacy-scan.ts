// The privacy scan of tests/integration/privacy.test.ts: a fixture of a detainee, a relative and the
// records about them holding values found nowhere else, and every request a client can make, each
// answer kept so the test can look for those values in it. Every GET route the app answers is asked
// (routesNotAsked says which are missing), with the curated queries, exports and admin Cypher.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Express } from 'express';
import { isEvidenceQuery, loadCatalogue } from '../../server/graph/catalogue.ts';
import { ExportFormat } from '../../contract/api/export.ts';
import { provenance } from '../fixtures/provenance.ts';
import type { Client, TestApp } from './neo4j.ts';
import { apiRoutes } from './route-table.ts';

export const ids = {
  detainee: 'test-privacy-detainee',
  relative: 'test-privacy-relative',
  photo: 'test-privacy-photo',
  camp: 'test-privacy-camp',
  bureau: 'test-privacy-bureau',
  record: 'test-privacy-record',
} as const;

/** Values that must never reach a viewer, nor anyone under REDACT=1: names, numbers, dates, address, photo path, kinship, reason, a record's title. */
export const personal = [
  'Zzyzx',
  'Testperson',
  '测试者甲',
  'Zzyzxe',
  '650102193102031234',
  '1931-02-03',
  'Qwertyuiop',
  'zzyzx-photo',
  'Yqqv',
  'Ottovar',
  'Kinwexx',
  'Reasonyx',
];

export async function seedPrivacyFixture(app: TestApp): Promise<void> {
  await removePrivacyFixture(app);
  await app.driver.executeQuery(
    `MATCH (top:Organization {id: 'org_xuar_pc'})
     CREATE (record:Entity:Document {id: $ids.record, name: 'Interrogation record of Zzyzx Testperson', collection: 'Test leak',
             notes: 'Yqqv Ottovar is named on page 2', confidence: 'confirmed', synthetic: true})
     CREATE (d:Entity:Person:Detainee {id: $ids.detainee, name: 'Zzyzx Testperson', nameZh: '测试者甲', pinyin: 'Zzyzxe Testperson',
             aliases: ['Zzyzx T.'], nameKeys: ['zzyzxtestperson'], idNumber: '650102193102031234', birthDate: date('1931-02-03'),
             address: '77 Qwertyuiop Lane', gender: 'male', sources: [$ids.record], confidence: 'confirmed', synthetic: true})
     CREATE (r:Entity:Person {id: $ids.relative, name: 'Yqqv Ottovar', address: '77 Qwertyuiop Lane', ${provenance}})
     CREATE (p:Entity:Photo {id: $ids.photo, name: 'Zzyzx Testperson at intake', file: 'evidence/zzyzx-photo.jpg', ${provenance}})
     CREATE (c:Entity:Facility {id: $ids.camp, name: 'Test Privacy Camp', facilityType: 'camp', ${provenance}})
     CREATE (b:Entity:Organization {id: $ids.bureau, name: 'Test Privacy Bureau', level: 'county', orgType: 'public-security', ${provenance}})
     CREATE (d)-[:DETAINED_AT {id: 'test-privacy-detained', from: date('2017-06-01'), notes: 'Zzyzx moved from home', recordedReason: 'Reasonyx',
             sources: [$ids.record], confidence: 'confirmed', synthetic: true}]->(c)
     CREATE (r)-[:RELATED_TO {id: 'test-privacy-related', relation: 'mother', kinship: 'Kinwexx', ${provenance}}]->(d)
     CREATE (p)-[:DEPICTS {id: 'test-privacy-depicts', ${provenance}}]->(d)
     CREATE (b)-[:OPERATES {id: 'test-privacy-operates', ${provenance}}]->(c)
     CREATE (b)-[:SUBORDINATE_TO {id: 'test-privacy-subordinate', ${provenance}}]->(top)`,
    { ids },
    { routing: 'WRITE' },
  );
}

export async function removePrivacyFixture(app: TestApp): Promise<void> {
  await app.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-privacy-' DETACH DELETE n", {}, { routing: 'WRITE' });
  await app.driver.executeQuery("MATCH (note:_Note) WHERE note.targetId STARTS WITH 'test-privacy-' DELETE note", {}, { routing: 'WRITE' });
}

/** What the scan asks about: a shared view, a note, and a case that holds both with the scanned client as a member. */
export interface ScanFixture {
  id: string;
  shareId: string;
  noteId: string;
  caseId: string;
}

/**
 * A view an analyst saved from a search for the detainee's name, titled and annotated with it, then
 * shared; a shared note and hypothesis link naming the relative; and a case named after the detainee
 * that gathers the view and the note, with `member` (the client the scan asks as) among its members.
 */
export async function sharedFixtureView(analyst: Client, member: Client): Promise<ScanFixture> {
  const created = await analyst.post('/api/views', {
    title: 'Test privacy view: Zzyzx Testperson',
    notes: 'Yqqv Ottovar is the mother of Zzyzx Testperson',
    query: { name: 'full-text-names', parameters: { query: 'Zzyzx Testperson' } },
    elements: { nodes: [ids.detainee, ids.camp, ids.relative], edges: ['test-privacy-detained', 'test-privacy-related'] },
    positions: {},
    layout: 'preset',
    viewport: { zoom: 1, pan: { x: 0, y: 0 } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await analyst.put(`/api/views/${created.body.view.id}/visibility`, { visibility: 'shared' })).status).toBe(200);
  const note = await analyst.post('/api/notes', {
    kind: 'note',
    targetKind: 'node',
    targetId: ids.detainee,
    text: 'Yqqv Ottovar says Zzyzx was taken at night',
    tags: ['Kinwexx'],
    visibility: 'shared',
  });
  expect(note.status, JSON.stringify(note.body)).toBe(201);
  const hypothesis = await analyst.post('/api/notes', {
    kind: 'hypothesis',
    fromId: ids.detainee,
    toId: ids.bureau,
    caption: 'Zzyzx held on orders of',
    text: 'Qwertyuiop Lane is in its district',
    visibility: 'shared',
  });
  expect(hypothesis.status, JSON.stringify(hypothesis.body)).toBe(201);
  // One case per scan: an owner's case names are unique.
  const gathered = await analyst.post('/api/cases', { name: `Test privacy case ${randomUUID().slice(0, 8)}: Zzyzx Testperson` });
  expect(gathered.status, JSON.stringify(gathered.body)).toBe(201);
  const caseId: string = gathered.body.case.id;
  for (const item of [
    { kind: 'view', id: created.body.view.id },
    { kind: 'note', id: note.body.note.id },
  ])
    expect((await analyst.post(`/api/cases/${caseId}/items`, item)).status).toBe(201);
  // The owner reads a case as its owner; every other client, admins included, is made a member.
  if (member.username !== analyst.username) expect((await analyst.post(`/api/cases/${caseId}/members`, { username: member.username })).status).toBe(200);
  return { id: created.body.view.id, shareId: created.body.view.shareId, noteId: note.body.note.id, caseId };
}

export interface ScannedAnswer {
  /** Method and path, e.g. "GET /api/nodes/test-privacy-detainee". */
  what: string;
  /** The route pattern it exercised, e.g. "GET /api/nodes/:id". */
  route: string;
  status: number;
  text: string;
}

/** Every request a client can make that may carry evidence, analysts' words or the audit, with the fixture's ids filled in. */
export async function everyAnswer(client: Client, fullResult: unknown, view: ScanFixture): Promise<ScannedAnswer[]> {
  const answers: ScannedAnswer[] = [];
  const ask = async (method: string, route: string, path: string, body?: unknown) => {
    const response = await client.fetch(path, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    answers.push({ what: `${method} ${path}`, route: `${method} ${route}`, status: response.status, text: await response.text() });
  };
  const get = (route: string, path = route) => ask('GET', route, path);

  await get('/api/health');
  for (const q of ['Zzyzx', 'Testperson', '测试者甲', 'Yqqv Ottovar', 'zzyzxtestperson', 'Test Privacy Camp'])
    await get('/api/search', `/api/search?q=${encodeURIComponent(q)}`);
  for (const id of Object.values(ids)) {
    await get('/api/nodes/:id', `/api/nodes/${id}`);
    await get('/api/chain/:id', `/api/chain/${id}`);
    await get('/api/chain/:id', `/api/chain/${id}?hypotheses=include`);
    await get('/api/chain/:id/sanctions', `/api/chain/${id}/sanctions`);
    await get('/api/notes', `/api/notes?target=${id}`);
    for (const format of ExportFormat.options) {
      if (format === 'csv') for (const part of ['nodes', 'edges']) await get('/api/export/chain/:id/:format', `/api/export/chain/${id}/csv?part=${part}`);
      else await get('/api/export/chain/:id/:format', `/api/export/chain/${id}/${format}`);
    }
  }
  // The photo file itself: withheld, whatever the store holds.
  await get('/api/photos/:id', `/api/photos/${ids.photo}`);
  // Every curated query, asked about the fixture wherever it takes an id, and for the name where it takes text.
  const catalogue = await loadCatalogue();
  for (const entry of [...catalogue.values()].filter(isEvidenceQuery)) {
    for (const id of [ids.detainee, ids.camp, ids.relative]) {
      const params: Record<string, unknown> = {};
      for (const key of Object.keys(entry.schema.shape)) {
        if (/ids$/i.test(key)) params[key] = [ids.detainee, ids.relative, ids.camp];
        else if (/id$/i.test(key)) params[key] = id;
        else if (key === 'query') params[key] = 'Zzyzx';
      }
      await ask('POST', '/api/queries/:name', `/api/queries/${entry.name}`, { params });
    }
  }
  // A result an analyst was given, sent back for export: the file is still redacted for this client.
  for (const format of ExportFormat.options)
    await ask('POST', '/api/export/:format', `/api/export/${format}${format === 'csv' ? '?part=nodes' : ''}`, { result: fullResult });
  await get('/api/views/shared/:shareId', `/api/views/shared/${view.shareId}`);
  await get('/api/views/:id', `/api/views/${view.id}`);
  await get('/api/views/:id/versions', `/api/views/${view.id}/versions`);
  await get('/api/views/:id/versions/:version', `/api/views/${view.id}/versions/1`);
  await get('/api/views/:id/export', `/api/views/${view.id}/export`);
  await get('/api/views', '/api/views?limit=200');
  await get('/api/cases');
  await get('/api/cases/:id', `/api/cases/${view.caseId}`);
  await get('/api/cases/:id/views/:viewId', `/api/cases/${view.caseId}/views/${view.id}`);
  await get('/api/notes/:id', `/api/notes/${view.noteId}`);
  await get('/api/notes', `/api/notes?q=${encodeURIComponent('Zzyzx')}`);
  // Possible duplicates and judgements: a viewer is refused; an analyst's answers must still hold no withheld value.
  await get('/api/identity/candidates');
  await get('/api/identity/judgements');
  for (const id of Object.values(ids)) await get('/api/identity/of/:id', `/api/identity/of/${id}`);
  // Imports and their reports (rows as read from the file): refused to a viewer, withheld under REDACT=1.
  await get('/api/imports');
  const imports = (JSON.parse(answers.at(-1)!.text).imports ?? []) as { id: string }[];
  for (const { id } of imports.slice(0, 3)) await get('/api/imports/:id/report', `/api/imports/${id}/report`);
  if (imports.length === 0) await get('/api/imports/:id/report', '/api/imports/no-such-import/report');
  // A job lives only while its file is checked and written; none is running here, so these ask for one that is not.
  await get('/api/imports/jobs/:id', '/api/imports/jobs/no-such-job');
  await get('/api/imports/jobs/:id/report', '/api/imports/jobs/no-such-job/report');
  await get('/api/queries');
  await get('/api/openapi.json');
  await get('/api/auth/session');
  await get('/api/auth/tokens');
  const me = JSON.parse(answers.at(-2)!.text).user?.id as string | undefined;
  await get('/api/users', '/api/users?limit=200');
  await get('/api/users/:id/tokens', `/api/users/${me}/tokens`);
  // The audit log holds every request above, the searches for the name among them.
  await get('/api/audit', '/api/audit?limit=200');
  await get('/api/audit/export', '/api/audit/export?format=jsonl');
  await get('/api/audit/export', '/api/audit/export?format=csv');
  for (const cypher of ['MATCH (d:Detainee {id: $id}) RETURN d', 'MATCH (d:Detainee {id: $id})-[link]-(other) RETURN d, link, other']) {
    await ask('POST', '/api/admin/cypher', '/api/admin/cypher', { cypher, parameters: { id: ids.detainee } });
  }
  return answers;
}

/** The GET routes of the app that a scan did not ask: a new route must join the scan (or say here why it carries nothing). */
export function routesNotAsked(app: Express, answers: ScannedAnswer[]): string[] {
  const asked = new Set(answers.map((answer) => answer.route));
  return apiRoutes(app)
    .filter((route) => route.method === 'get')
    .map((route) => `GET ${route.path}`)
    .filter((route) => !asked.has(route));
}
