// In a real browser on the real app and seed: an expansion the limit cuts offers "load more", which
// brings the server's next page onto the canvas, where the crowd of detainees stays one readable group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/neo4j.ts';
import { resultOf, startBrowserSession, type BrowserSession } from './browser-session.ts';
import type { ExplorerPage } from './explorer-page.ts';

/** The client's page of links (client/src/panels/explore.ts). */
const expandPage = 200;

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;
let facility: { id: string; name: string; links: number };

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, explorer } = session);
  explorer.page.setDefaultTimeout(60_000);
  const { records } = await app.driver.executeQuery(
    'MATCH (f:Facility)<-[r:DETAINED_AT]-() RETURN f.id AS id, f.name AS name, count(r) AS links ORDER BY links DESC, id LIMIT 1',
  );
  facility = { id: records[0]!.get('id'), name: records[0]!.get('name'), links: Number(records[0]!.get('links')) };
});

afterAll(async () => {
  await session?.close();
});

/** The group on the canvas (its label and members) and every node drawn on its own. */
const drawnGroup = () =>
  explorer.page.evaluate(() => {
    const node = window.__xpf!.cy.nodes('.group').first();
    if (node.empty()) return null;
    const members = node.data('members') as string[];
    return { label: String(node.data('label')), members: members.length, ids: members, drawn: window.__xpf!.cy.nodes().map((drawn) => drawn.id()) };
  });

describe('a large answer', () => {
  it('offers the links past the limit, loads them on a click, and keeps the crowd one group that counts them', async () => {
    expect(facility.links, 'the seed has a facility with more detentions than one page').toBeGreaterThan(expandPage);
    const expand = (offset: number) =>
      resultOf(
        app.post('/api/queries/expand-neighbourhood', { params: { id: facility.id, types: ['DETAINED_AT'], direction: 'both', offset, limit: expandPage } }),
      );
    const [first, second] = [await expand(0), await expand(expandPage)];
    expect(first.meta.truncated).toBe(true);

    await explorer.search(facility.name).openChain(facility.id);
    await explorer.nodeAction(facility.id, 'expand-DETAINED_AT');
    await explorer.settled('expand');
    const button = explorer.page.locator('#load-more');
    await button.waitFor({ state: 'visible' });
    expect(await button.textContent()).toBe(`Load ${expandPage} more links of ${facility.name}`);
    const shown = await button.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { fontPx: Number.parseFloat(getComputedStyle(element).fontSize), top: box.top, bottom: box.bottom, height: window.innerHeight };
    });
    expect(shown.fontPx).toBeGreaterThanOrEqual(11);
    expect(shown.top).toBeGreaterThanOrEqual(0);
    expect(shown.bottom).toBeLessThanOrEqual(shown.height);

    const before = await drawnGroup();
    expect(before, 'the first page of detainees is drawn as one group').not.toBeNull();
    expect(before!.label).toBe(`${before!.members} detainees ▸`);

    await button.click();
    const added = second.nodes.map((node) => node.id);
    await explorer.page.waitForFunction((ids) => {
      const held = new Set(window.__xpf!.workspace.result().nodes.map((node) => node.id));
      return ids.every((id) => held.has(id));
    }, added);
    await explorer.settled('expand');
    const after = await drawnGroup();
    const known = new Set(first.nodes.map((node) => node.id));
    expect(second.nodes.some((node) => node.labels.includes('Detainee') && !known.has(node.id))).toBe(true);
    // The group grew and still says how many it holds; every node of the next page is in it or drawn on its own.
    expect(after!.label).toBe(`${after!.members} detainees ▸`);
    expect(after!.members).toBeGreaterThan(before!.members);
    const reachable = new Set([...after!.ids, ...after!.drawn]);
    expect(added.filter((id) => !reachable.has(id))).toEqual([]);
    // The button stays only while the server says there is more.
    expect(await button.isVisible()).toBe(second.meta.truncated);
  });
});
