// Cases in a real browser on the real app and seed: an analyst creates a case from the masthead,
// attaches the view on the canvas, shares the case with another account by name, and that account
// opens the view from the case (the view itself stays private: it opens through the case).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import { ensureTestUser, type TestApp } from '../support/neo4j.ts';
import { artifacts, startBrowserSession, type BrowserSession } from './browser-session.ts';
import { CasesPage } from './cases-page.ts';
import { ViewsPage } from './views-page.ts';

/** An official of the public record: his chain is drawn by other browser tests too, and never changed by them. */
const official = 'chen_quanguo';

let session: BrowserSession | undefined;
let app: TestApp;
let viewId = '';
let caseId = '';
let noteId = '';
let other: { username: string; password: string } | undefined;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app } = session);
});
afterAll(async () => {
  if (caseId) await app?.delete(`/api/cases/${caseId}`);
  if (noteId) await app?.delete(`/api/notes/${noteId}`);
  if (viewId) await app?.delete(`/api/views/${viewId}`);
  await session?.close();
});

describe('cases', () => {
  it('shares a case with a named account, who opens its view from the case', async () => {
    const { explorer } = session!;
    const { body } = await app.get(`/api/nodes/${official}`);
    const name = String(Result.parse(body).nodes.find((node) => node.id === official)!.properties.name);
    await explorer.search(name).openChain(official);
    const views = new ViewsPage(explorer.page);
    ({ id: viewId } = await views.saveAsNew('Test case e2e: Chen Quanguo', 'For the case.'));
    const drawn = (await views.drawnIds()).nodes.sort();

    const cases = new CasesPage(explorer.page);
    await cases.open();
    caseId = await cases.create('Test case e2e: the XUAR committee');
    await cases.attachCurrentView();
    expect(await explorer.page.locator(`#case-items li[data-kind="view"][data-item-id="${viewId}"]`).textContent()).toContain('Test case e2e: Chen Quanguo');
    other = await ensureTestUser(app.driver, 'analyst', 'test-cases-e2e-other');
    await cases.addMember(other.username);
    expect(await explorer.page.locator('#case-meta').textContent()).toContain(other.username);
    // The list of cases counts the new member too.
    expect(await explorer.page.locator(`#cases-list li:has(button[data-case-id="${caseId}"])`).textContent()).toContain('1 member');
    await explorer.page.screenshot({ path: `${artifacts}cases-owner.png` });

    const colleague = await session!.openPage(other);
    try {
      // The view is the owner's and private: not in the colleague's saved views, and not theirs to open directly.
      expect(await colleague.page.evaluate(async (id) => (await fetch(`/api/views/${id}`)).status, viewId)).toBe(404);
      const theirCases = new CasesPage(colleague.page);
      await theirCases.open();
      await theirCases.openCase(caseId);
      expect(await colleague.page.locator('#case-title').textContent()).toBe('Test case e2e: the XUAR committee');
      await theirCases.openView(viewId);
      expect(await colleague.page.locator('#open-view').getAttribute('data-view-id')).toBe(viewId);
      expect((await new ViewsPage(colleague.page).drawnIds()).nodes.sort()).toEqual(drawn);
      await colleague.page.screenshot({ path: `${artifacts}cases-member.png` });
    } finally {
      await colleague.page.close();
    }
  }, 900_000);

  it('gathers an export and a note, detaches, removes a member, renames and deletes the case, all from the panel', async () => {
    const { page } = session!.explorer;
    const written = await app.post('/api/notes', { kind: 'note', targetKind: 'node', targetId: official, text: 'Test case e2e: a note to gather.' });
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    noteId = written.body.note.id;
    const cases = new CasesPage(page);
    await cases.openCase(caseId);

    await cases.attachCurrentViewAsExport('pdf');
    expect(await page.locator(`#case-items li[data-kind="export"][data-item-id="${viewId}"]`).textContent()).toContain(
      'Export (pdf) of the view Test case e2e',
    );
    await cases.attachFromList(`note:${noteId}`);
    expect(await page.locator(`#case-items li[data-kind="note"][data-item-id="${noteId}"]`).textContent()).toContain('a note to gather');
    // A note the case holds is no longer offered.
    expect(await page.locator(`#case-attach-choice option[value="note:${noteId}"]`).count()).toBe(0);
    const kinds = async () => ((await app.get(`/api/cases/${caseId}`)).body.items as { kind: string }[]).map((item) => item.kind).sort();
    expect(await kinds()).toEqual(['export', 'note', 'view']);

    await cases.detach('note', noteId);
    expect(await page.locator(`#case-items li[data-kind="note"]`).count()).toBe(0);
    expect(await kinds()).toEqual(['export', 'view']);
    // Detached from the case, the note itself is still there.
    expect((await app.get(`/api/notes/${noteId}`)).status).toBe(200);

    await cases.removeMember(other!.username);
    expect(await page.locator('#case-members li').count()).toBe(0);
    expect((await app.get(`/api/cases/${caseId}`)).body.case.members).toEqual([]);
    expect(await page.locator(`#cases-list li:has(button[data-case-id="${caseId}"])`).textContent()).toContain('0 members');

    await cases.rename('Test case e2e: renamed');
    expect(await page.locator('#case-title').textContent()).toBe('Test case e2e: renamed');
    expect(await page.locator(`#cases-list button[data-case-id="${caseId}"]`).textContent()).toBe('Test case e2e: renamed');

    await cases.deleteOpenCase();
    expect(await page.locator('#case-open').isHidden()).toBe(true);
    expect(await page.locator(`#cases-list button[data-case-id="${caseId}"]`).count()).toBe(0);
    expect((await app.get(`/api/cases/${caseId}`)).status).toBe(404);
    caseId = '';
    // The view the case held is the owner's still.
    expect((await app.get(`/api/views/${viewId}`)).status).toBe(200);
  }, 900_000);
});
