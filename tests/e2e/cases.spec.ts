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

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app } = session);
});
afterAll(async () => {
  if (caseId) await app?.delete(`/api/cases/${caseId}`);
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
    const other = await ensureTestUser(app.driver, 'analyst', 'test-cases-e2e-other');
    await cases.addMember(other.username);
    expect(await explorer.page.locator('#case-meta').textContent()).toContain(other.username);
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
});
