// /api/cases on the real Neo4j: a case gathers views, notes, judgements and exports for its owner and
// its named members only; a non-member reaches neither the case nor its items by any route; a viewer
// member gets every item withheld as a viewer; removing a member takes effect at once; bad input is a
// 4xx naming the field, with nothing changed; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_LIMITS } from '../../contract/queries/cases/case-params.ts';
import { provenance } from '../fixtures/provenance.ts';
import { startTestApp, type AnswerBody, type Client, type TestApp } from '../support/neo4j.ts';

const guard = 'test-cases-guard';
const guard2 = 'test-cases-guard-2';
const detainee = 'test-cases-detainee';
const detaineeName = 'Test Cases Detainee';

let app: TestApp;
let member: Client;
let outsider: Client;
let viewer: Client;
let admin: Client;
let caseId: string;
let viewId: string;
let noteId: string;
let judgementId: string;

async function removeFixture(): Promise<void> {
  await app.driver.executeQuery(
    `MATCH (n) WHERE (n:Entity AND n.id STARTS WITH 'test-cases-') OR (n:_Note AND n.targetId STARTS WITH 'test-cases-')
       OR (n:_Judgement AND n.leftId STARTS WITH 'test-cases-') OR (n:_View AND n.title STARTS WITH 'Test case view')
       OR (n:_Case AND n.name STARTS WITH 'Test case') OR (n:_CaseItem AND NOT EXISTS { MATCH (c:_Case) WHERE c.id = n.caseId })
     DETACH DELETE n`,
    {},
    { routing: 'WRITE' },
  );
}

// Items as the API sent them: each kind's fields are read by the assertions.
const itemsOf = (body: { items: AnswerBody[] }, kind: string): AnswerBody[] => body.items.filter((item) => item.kind === kind);

beforeAll(async () => {
  app = await startTestApp();
  [member, outsider, viewer, admin] = [
    await app.login('analyst', 'test-cases-member'),
    await app.login('analyst', 'test-cases-outsider'),
    await app.login('viewer', 'test-cases-viewer'),
    await app.login('admin'),
  ];
  await removeFixture();
  await app.driver.executeQuery(
    `CREATE (:Entity:Person:Guard {id: $guard, name: 'Test Cases Guard', ${provenance}})
     CREATE (:Entity:Person:Guard {id: $guard2, name: 'Test Cases Guard Two', ${provenance}})
     CREATE (:Entity:Person:Detainee {id: $detainee, name: $detaineeName, ${provenance}})`,
    { guard, guard2, detainee, detaineeName },
    { routing: 'WRITE' },
  );
  const view = await app.post('/api/views', {
    title: 'Test case view: the guard and the detainee',
    notes: 'Private until the case shares it.',
    query: null,
    elements: { nodes: [guard, detainee], edges: [] },
    positions: { [guard]: { x: 0, y: 0 }, [detainee]: { x: 100, y: 0 } },
    layout: 'preset',
    filters: {},
    viewport: { zoom: 1, pan: { x: 0, y: 0 } },
  });
  expect(view.status, JSON.stringify(view.body)).toBe(201);
  viewId = view.body.view.id;
  const note = await app.post('/api/notes', { kind: 'note', targetKind: 'node', targetId: guard, text: 'The guard signed the transfer.' });
  expect(note.status).toBe(201);
  noteId = note.body.note.id;
  const judgement = await app.post('/api/identity/judgements', { leftId: guard, rightId: guard2, verdict: 'unsure', note: 'Same shift, other name.' });
  expect(judgement.status, JSON.stringify(judgement.body)).toBe(201);
  judgementId = judgement.body.id;
});
afterAll(async () => {
  await removeFixture();
  await app.close();
});

describe('cases', () => {
  it('creates a case, gathers a view, a note, a judgement and an export, and shares it with a named member', async () => {
    const created = await app.post('/api/cases', { name: 'Test case: transfers of 2018' });
    expect(created.status).toBe(201);
    caseId = created.body.case.id;
    expect(created.body.case).toMatchObject({ name: 'Test case: transfers of 2018', ownerName: app.username, members: [], words: true });

    for (const body of [
      { kind: 'view', id: viewId },
      { kind: 'note', id: noteId },
      { kind: 'judgement', id: judgementId },
      { kind: 'export', id: viewId, format: 'graphml' },
    ]) {
      const attached = await app.post(`/api/cases/${caseId}/items`, body);
      expect(attached.status, JSON.stringify(attached.body)).toBe(201);
      expect(attached.body.item).toMatchObject({ kind: body.kind, itemId: body.id, available: true });
    }
    // Again: nothing new.
    expect((await app.post(`/api/cases/${caseId}/items`, { kind: 'view', id: viewId })).status).toBe(200);

    // Before sharing, the member does not know the case, nor the private view in it.
    expect((await member.get('/api/cases')).body.cases.map((one: { id: string }) => one.id)).not.toContain(caseId);
    expect((await member.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await member.get(`/api/cases/${caseId}/views/${viewId}`)).status).toBe(404);

    const shared = await app.post(`/api/cases/${caseId}/members`, { username: member.username });
    expect(shared.status).toBe(200);
    expect(shared.body.case.members).toEqual([expect.objectContaining({ username: member.username })]);

    const listed = (await member.get('/api/cases')).body.cases.find((one: { id: string }) => one.id === caseId);
    expect(listed).toMatchObject({ name: 'Test case: transfers of 2018', items: 4 });
    const read = await member.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(itemsOf(read.body, 'view')[0]).toMatchObject({ available: true, view: { id: viewId, title: 'Test case view: the guard and the detainee' } });
    expect(itemsOf(read.body, 'note')[0]).toMatchObject({ available: true, note: { id: noteId, text: 'The guard signed the transfer.', words: true } });
    expect(itemsOf(read.body, 'judgement')[0]).toMatchObject({ available: true, judgement: { id: judgementId, note: 'Same shift, other name.' } });
    expect(itemsOf(read.body, 'export')[0]).toMatchObject({ available: true, format: 'graphml', view: { id: viewId } });

    // The member opens the owner's private view through the case, as a saved view opens; still not directly.
    const opened = await member.get(`/api/cases/${caseId}/views/${viewId}`);
    expect(opened.status).toBe(200);
    expect(opened.body.graph.nodes.map((node: { id: string }) => node.id).sort()).toEqual([detainee, guard]);
    expect(opened.body.document.title).toBe('Test case view: the guard and the detainee');
    expect((await member.get(`/api/views/${viewId}`)).status).toBe(404);
  });

  it('keeps a non-member out by every route, and lets an admin read', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/cases/${caseId}`],
      ['GET', `/api/cases/${caseId}/views/${viewId}`],
      ['PUT', `/api/cases/${caseId}`, { name: 'Test case: taken over' }],
      ['DELETE', `/api/cases/${caseId}`],
      ['POST', `/api/cases/${caseId}/members`, { username: outsider.username }],
      ['DELETE', `/api/cases/${caseId}/members/${member.username}`],
      ['POST', `/api/cases/${caseId}/items`, { kind: 'view', id: viewId }],
      ['DELETE', `/api/cases/${caseId}/items/00000000-0000-4000-8000-000000000000`],
    ];
    for (const [method, path, body] of routes) {
      const answer =
        method === 'GET'
          ? await outsider.get(path)
          : method === 'DELETE'
            ? await outsider.delete(path)
            : await outsider[method === 'PUT' ? 'put' : 'post'](path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(answer.body)).not.toContain('transfers of 2018');
    }
    expect((await outsider.get('/api/cases')).body.cases.map((one: { id: string }) => one.id)).not.toContain(caseId);
    // Nor does the case's private view or note open directly for them.
    expect((await outsider.get(`/api/views/${viewId}`)).status).toBe(404);
    expect((await outsider.get(`/api/notes/${noteId}`)).status).toBe(404);
    // An admin reads every case, but only its owner renames it.
    expect((await admin.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await admin.put(`/api/cases/${caseId}`, { name: 'Test case: renamed by an admin' })).status).toBe(403);
    expect((await app.get(`/api/cases/${caseId}`)).body.case.name).toBe('Test case: transfers of 2018');
  });

  it('gives a viewer member every item withheld as for a viewer', async () => {
    expect((await app.post(`/api/cases/${caseId}/members`, { username: viewer.username })).status).toBe(200);
    const read = await viewer.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.case).toMatchObject({ words: false });
    expect(read.body.case.name).toContain('(name withheld)');
    expect(itemsOf(read.body, 'view')[0].view.title).toContain('(title withheld)');
    expect(itemsOf(read.body, 'note')[0].note).toMatchObject({ words: false, tags: [] });
    expect(itemsOf(read.body, 'judgement')[0]).toMatchObject({ available: false, judgement: null, reason: 'identity judgements are for analysts and admins' });
    expect(JSON.stringify(read.body)).not.toMatch(/transfers of 2018|signed the transfer|Same shift|the guard and the detainee/);

    const opened = await viewer.get(`/api/cases/${caseId}/views/${viewId}`);
    expect(opened.status).toBe(200);
    expect(JSON.stringify(opened.body)).not.toContain(detaineeName);
    expect(opened.body.document.notes).toBe('');
    // A viewer never changes a case.
    expect((await viewer.post(`/api/cases/${caseId}/items`, { kind: 'note', id: noteId })).status).toBe(403);
  });

  it('stops sharing with a removed member at once', async () => {
    const removed = await app.delete(`/api/cases/${caseId}/members/${member.username}`);
    expect(removed.status).toBe(200);
    expect(removed.body.case.members.map((one: { username: string }) => one.username)).toEqual([viewer.username]);
    expect((await member.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await member.get(`/api/cases/${caseId}/views/${viewId}`)).status).toBe(404);
    expect((await member.get('/api/cases')).body.cases.map((one: { id: string }) => one.id)).not.toContain(caseId);
  });

  it('refuses bad input with a 4xx naming the field, and changes nothing', async () => {
    const before = (await app.get(`/api/cases/${caseId}`)).body;
    const other = await app.post('/api/cases', { name: 'Test case: another' });
    expect(other.status).toBe(201);
    const refusals: [Promise<{ status: number; body: { errors?: { field: string }[] } }>, number, string][] = [
      [app.post(`/api/cases/${caseId}/members`, { username: 'test-cases-nobody' }), 404, 'username'],
      [app.post(`/api/cases/${caseId}/members`, { username: app.username }), 409, 'username'],
      [app.delete(`/api/cases/${caseId}/members/${member.username}`), 404, 'username'],
      [app.post(`/api/cases/${caseId}/items`, { kind: 'view', id: '00000000-0000-4000-8000-000000000000' }), 404, 'id'],
      [app.post(`/api/cases/${caseId}/items`, { kind: 'judgement', id: '00000000-0000-4000-8000-000000000000' }), 404, 'id'],
      [app.post(`/api/cases/${caseId}/items`, { kind: 'dossier', id: viewId }), 400, 'kind'],
      [app.post(`/api/cases/${caseId}/items`, { kind: 'export', id: viewId, format: 'docx' }), 400, 'format'],
      [app.post(`/api/cases/${caseId}/items`, { kind: 'note', id: 'not-a-uuid' }), 400, 'id'],
      [app.post('/api/cases', { name: 'Test case: transfers of 2018' }), 409, 'name'],
      [app.put(`/api/cases/${other.body.case.id}`, { name: 'Test case: transfers of 2018' }), 409, 'name'],
      [app.post('/api/cases', { name: `Test case ${'x'.repeat(CASE_LIMITS.name)}` }), 400, 'name'],
      [app.post('/api/cases', { name: '   ' }), 400, 'name'],
      [app.post('/api/cases', { name: 'Test case', colour: 'red' }), 400, 'colour'],
      [app.get('/api/cases/not-a-case'), 400, 'id'],
      [app.delete(`/api/cases/${caseId}/items/00000000-0000-4000-8000-000000000000`), 404, 'itemId'],
    ];
    for (const [pending, status, field] of refusals) {
      const answer = await pending;
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body.errors?.map((error) => error.field)).toContain(field);
    }
    // Another analyst's private note cannot be attached by the owner, who may not read it.
    const hidden = await outsider.post('/api/notes', { kind: 'note', targetKind: 'node', targetId: guard, text: 'Mine alone.' });
    const refused = await app.post(`/api/cases/${caseId}/items`, { kind: 'note', id: hidden.body.note.id });
    expect(refused.status).toBe(404);
    expect(refused.body.errors[0].field).toBe('id');
    const after = (await app.get(`/api/cases/${caseId}`)).body;
    expect(after.items).toEqual(before.items);
    expect(after.case.members).toEqual(before.case.members);
    expect(after.case.name).toBe(before.case.name);
  });

  it('detaches, renames and deletes, and audits every change', async () => {
    const { items } = (await app.get(`/api/cases/${caseId}`)).body;
    const exportItem = itemsOf({ items }, 'export')[0] as { id: string };
    expect((await app.delete(`/api/cases/${caseId}/items/${exportItem.id}`)).status).toBe(204);
    expect((await app.get(`/api/cases/${caseId}`)).body.items).toHaveLength(3);
    expect((await app.put(`/api/cases/${caseId}`, { name: 'Test case: transfers, revised' })).body.case.name).toBe('Test case: transfers, revised');
    // The view itself is untouched by the case's deletion.
    expect((await app.delete(`/api/cases/${caseId}`)).status).toBe(204);
    expect((await app.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await viewer.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await app.get(`/api/views/${viewId}`)).status).toBe(200);

    const { records } = await app.driver.executeQuery('MATCH (entry:_Audit) WHERE $id IN entry.targetIds RETURN DISTINCT entry.action AS action', {
      id: caseId,
    });
    expect(records.map((record) => record.get('action')).sort()).toEqual(
      ['case-attach', 'case-create', 'case-delete', 'case-detach', 'case-member-add', 'case-member-remove', 'case-read', 'case-rename'].sort(),
    );
  });
});
