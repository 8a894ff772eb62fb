// In a real browser on the real app and seed: search in every script, the as-of slider, expanding, hiding with undo and redo, filters, shortest paths, and what a viewer is (not) shown.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindOf } from '../../contract/model.ts';
import { ensureTestUser, type TestApp } from '../support/neo4j.ts';
import { artifacts, nameOf, resultOf, startBrowserSession, type BrowserSession } from './browser-session.ts';
import { ExplorerPage } from './explorer-page.ts';

const detainee = 'syn-detainee-0000001';

let session: BrowserSession | undefined;
let app: TestApp;
let browser: Browser | undefined;
let explorer: ExplorerPage;

/** Pinyin as typed on a keyboard without tone marks: "Chén Quánguó" -> "Chen Quanguo". */
const toneless = (pinyin: string) => pinyin.normalize('NFD').replace(/\p{Mn}/gu, '');

/** The last day of December of each year the slider covers. */
const yearEnds = Array.from({ length: 12 }, (_, i) => `${2012 + i}-12-31`);

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, browser, explorer } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('exploring in the browser', () => {
  it('finds public-record people by their Chinese name and by toneless pinyin', async () => {
    // Named people of the public record on the detainee's chain, as the server has them.
    const chain = await resultOf(app.get(`/api/chain/${detainee}`));
    const people = chain.nodes.filter(
      (node) => node.properties.synthetic !== true && typeof node.properties.nameZh === 'string' && typeof node.properties.pinyin === 'string',
    );
    expect(people.length, 'the chain reaches a named official').toBeGreaterThan(0);
    const person = people[0]!;
    expect(await explorer.search(String(person.properties.nameZh)).ids()).toContain(person.id);
    await explorer.screenshot(`${artifacts}explore-search-chinese.png`);
    expect(await explorer.search(toneless(String(person.properties.pinyin))).ids()).toContain(person.id);
    await explorer.screenshot(`${artifacts}explore-search-pinyin.png`);
  });

  it('redraws the chain of command as of the date on the slider', async () => {
    // A start and two year-ends on which the server gives it different chains: found here, not assumed.
    const candidates = (await resultOf(app.get(`/api/chain/${detainee}`))).paths[0]!.nodes.slice(0, -1);
    let found: { start: string; dates: [string, string] } | undefined;
    for (const start of candidates) {
      const datesByChain = new Map<string, string>();
      for (const date of yearEnds) {
        const answer = await resultOf(app.get(`/api/chain/${start}?asOf=${date}`));
        const edges = answer.edges
          .map((edge) => edge.id)
          .sort()
          .join(' ');
        if (edges !== '' && !datesByChain.has(edges)) datesByChain.set(edges, date);
      }
      const [first, second] = [...datesByChain.values()];
      if (first && second) {
        found = { start, dates: [first, second] };
        break;
      }
    }
    expect(found, 'a node of the chain whose chain differs between two year-ends').toBeDefined();
    const { start, dates } = found!;
    const [first, second] = dates;

    const startNode = (await resultOf(app.get(`/api/nodes/${start}`))).nodes.find((node) => node.id === start)!;
    await explorer.search(nameOf(startNode)).openChain(start);
    for (const date of [first!, second!]) {
      await explorer.setAsOf(date);
      await explorer.settled('chain', `as of ${date}`);
      const expected = await resultOf(app.get(`/api/chain/${start}?asOf=${date}`));
      const drawn = await explorer.drawn();
      expect([...drawn.edges.keys()].sort()).toEqual([...new Set(expected.edges.map((edge) => edge.id))].sort());
      await explorer.screenshot(`${artifacts}explore-as-of-${date}.png`);
    }
    await explorer.page.locator('#as-of-enabled').setChecked(false);
    await explorer.settled('chain', 'links of any date');
  });

  it('expands a node by one relationship type, hides it, and undoes and redoes the hide', async () => {
    const chain = await resultOf(app.get(`/api/chain/${detainee}`));
    const detaineeName = nameOf(chain.nodes.find((node) => node.id === detainee)!);
    await explorer.search(detaineeName).openChain(detainee);
    const facility = chain.paths[0]!.nodes[1]!;
    const neighbours = await resultOf(app.post('/api/queries/expand-neighbourhood', { params: { id: facility, types: ['DETAINED_AT'], direction: 'both' } }));
    expect(neighbours.nodes.length).toBeGreaterThan(2);

    await explorer.nodeAction(facility, 'expand-DETAINED_AT');
    await explorer.settled('expand');
    // A crowd of detainees is drawn as one group node: opened, each is drawn.
    await explorer.openGroups();
    const added = neighbours.nodes.map((node) => node.id);
    await explorer.waitForCanvas({ present: [...added, ...neighbours.edges.map((edge) => edge.id)] });
    await explorer.screenshot(`${artifacts}explore-expanded.png`);

    const hidden = added.find((id) => id !== facility && id !== detainee)!;
    await explorer.nodeAction(hidden, 'hide');
    await explorer.waitForCanvas({ absent: [hidden] });
    await explorer.screenshot(`${artifacts}explore-hidden.png`);
    await explorer.press('Control+z');
    await explorer.waitForCanvas({ present: [hidden] });
    await explorer.screenshot(`${artifacts}explore-undo.png`);
    await explorer.press('Control+Shift+Z');
    await explorer.waitForCanvas({ absent: [hidden] });
    await explorer.page.locator('#undo').click();
    await explorer.waitForCanvas({ present: [hidden] });
    await explorer.page.locator('#redo').click();
    await explorer.waitForCanvas({ absent: [hidden] });
    await explorer.screenshot(`${artifacts}explore-redo.png`);

    // The help overlay lists the shortcuts just used; the theme toggle restyles the page and the graph.
    await explorer.press('?');
    await explorer.page.locator('#help[open]').waitFor();
    expect(await explorer.page.locator('#help-shortcuts').textContent()).toContain('Ctrl+Z');
    await explorer.screenshot(`${artifacts}explore-help.png`);
    await explorer.page.locator('#help-close').click();
    const theme = () =>
      explorer.page.evaluate(() => ({ page: document.documentElement.dataset.theme, label: String(window.__xpf!.cy.nodes().first().style('color')) }));
    const before = await theme();
    await explorer.press('t');
    const after = await theme();
    expect(after.page).not.toBe(before.page);
    expect(after.label).not.toBe(before.label);
    await explorer.screenshot(`${artifacts}explore-theme-${after.page}.png`);
    await explorer.press('t');
    expect(await theme()).toEqual(before);
  });

  it('inspects a facility and a guard clicked in the middle of their diamond and triangle, and opens their menu', async () => {
    // Cytoscape's point-in-polygon test counted a vertex twice on the vertical through a polygon's tip:
    // with the node's centre on a whole pixel, its middle pixel column hit nothing (client/src/graph/hit-test.ts).
    const chain = await resultOf(app.get(`/api/chain/${detainee}`));
    await explorer.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
    const facility = chain.paths[0]!.nodes[1]!;
    await explorer.nodeAction(facility, 'expand-ASSIGNED_TO');
    await explorer.settled('expand');
    await explorer.openGroups();
    const guard = [...(await explorer.drawn()).nodes.values()].find((node) => node.classes.includes('guard'))?.id;
    expect(guard, 'a guard assigned to the facility is drawn').toBeDefined();
    for (const [id, shape] of [
      [facility, 'diamond'],
      [guard!, 'triangle'],
    ] as const) {
      // Zoom 1, the node's centre on the canvas's middle pixel: the click below lands on the tip's vertical.
      const drawnAs = await explorer.page.evaluate((id) => {
        const cy = window.__xpf!.cy;
        const node = cy.getElementById(id);
        cy.zoom(1);
        cy.pan({ x: Math.round(cy.width() / 2) - node.position('x'), y: Math.round(cy.height() / 2) - node.position('y') });
        return { shape: String(node.style('shape')), at: node.renderedPosition() };
      }, id);
      expect(drawnAs.shape).toBe(shape);
      const box = (await explorer.page.locator('#graph').boundingBox())!;
      const click = { x: box.x + drawnAs.at.x, y: box.y + drawnAs.at.y };
      // Where Cytoscape places the click in the graph: exactly the node's centre, the point once missed.
      const landsAt = await explorer.page.evaluate(
        ({ id, click }) => {
          const cy = window.__xpf!.cy;
          const renderer = (cy as unknown as { renderer(): { projectIntoViewport(x: number, y: number): [number, number] } }).renderer();
          return { x: renderer.projectIntoViewport(click.x, click.y)[0], centre: cy.getElementById(id).position() };
        },
        { id, click },
      );
      expect(landsAt.x).toBe(landsAt.centre.x);
      expect((await explorer.clickNode(id)).id).toBe(id);
      // The same point, right-clicked: the node's menu opens.
      await explorer.openNodeMenu(id);
      await explorer.press('Escape');
    }
  });

  it('filters out synthetic records and a kind, and brings them back', async () => {
    const drawnBefore = await explorer.drawn();
    const synthetic = [...drawnBefore.nodes.values()]
      .filter((node) => node.classes.includes('synthetic') && !node.classes.includes('organization'))
      .map((node) => node.id);
    const organisations = [...drawnBefore.nodes.values()]
      .filter((node) => node.classes.includes('organization') && !node.classes.includes('synthetic'))
      .map((node) => node.id);
    expect(synthetic.length).toBeGreaterThan(0);
    expect(organisations.length).toBeGreaterThan(0);

    await explorer.setFilter('synthetic', false);
    await explorer.waitForCanvas({ absent: synthetic, present: organisations });
    await explorer.screenshot(`${artifacts}explore-filter-synthetic.png`);
    await explorer.setFilter('synthetic', true);
    await explorer.setFilter('Organization', false);
    await explorer.waitForCanvas({ absent: organisations, present: synthetic });
    await explorer.screenshot(`${artifacts}explore-filter-kind.png`);
    await explorer.setFilter('Organization', true);
    await explorer.waitForCanvas({ present: [...organisations, ...synthetic] });
  });

  it('draws the shortest paths between two selected nodes as the server finds them', async () => {
    const chain = await resultOf(app.get(`/api/chain/${detainee}`));
    const detaineeName = nameOf(chain.nodes.find((node) => node.id === detainee)!);
    await explorer.search(detaineeName).openChain(detainee);
    const top = chain.paths[0]!.nodes.at(-1)!;
    const expected = await resultOf(app.post('/api/queries/all-shortest-paths', { params: { fromId: detainee, toId: top, maxDepth: 8 } }));
    expect(expected.paths.length).toBeGreaterThan(0);

    await explorer.selectNodes([detainee, top]);
    await explorer.page.locator('#shortest-paths').click();
    await explorer.settled('query', 'Shortest paths');
    const drawn = await explorer.drawn();
    expect([...drawn.nodes.keys()].sort()).toEqual([...new Set(expected.nodes.map((node) => node.id))].sort());
    expect([...drawn.edges.keys()].sort()).toEqual([...new Set(expected.edges.map((edge) => edge.id))].sort());
    await explorer.screenshot(`${artifacts}explore-shortest-paths.png`);
  });

  it('shows a viewer redacted detainees, never their real names', async () => {
    const viewer = await ensureTestUser(app.driver, 'viewer');
    const chain = await resultOf(app.get(`/api/chain/${detainee}`));
    const facility = chain.nodes.find((node) => node.id === chain.paths[0]!.nodes[1])!;
    // What an analyst sees of the facility's detainees: the real names a viewer must never get.
    const asAnalyst = await resultOf(app.post('/api/queries/expand-neighbourhood', { params: { id: facility.id, types: ['DETAINED_AT'], direction: 'both' } }));
    const detainees = asAnalyst.nodes.filter((node) => kindOf(node.labels) === 'Detainee');
    expect(detainees.length).toBeGreaterThan(0);
    const realNames = detainees.map(nameOf);

    const page = await ExplorerPage.open(browser!, app.baseUrl, viewer);
    try {
      await page.search(nameOf(facility)).openChain(facility.id);
      await page.nodeAction(facility.id, 'expand-DETAINED_AT');
      await page.settled('expand');
      await page.openGroups();
      await page.waitForCanvas({ present: detainees.map((node) => node.id) });
      const labels = await page.page.evaluate(() =>
        window.__xpf!.cy.nodes().map((node) => ({ id: node.id(), label: String(node.data('label')), redacted: node.hasClass('redacted') })),
      );
      for (const node of detainees) {
        const drawn = labels.find((label) => label.id === node.id)!;
        expect(drawn.redacted, `${node.id} is drawn as redacted`).toBe(true);
        expect(drawn.label).toContain('(redacted)');
      }
      const shown = await page.page.evaluate(() =>
        window
          .__xpf!.cy.nodes()
          .map((node) => String(node.data('label')))
          .join('\n'),
      );
      const clicked = detainees[0]!.id;
      await page.clickNode(clicked);
      await page.page.locator('#inspector [data-badge="redacted"]').waitFor();
      const inspectorText = (await page.page.locator('#inspector').textContent()) ?? '';
      for (const name of realNames) {
        expect(shown).not.toContain(name);
        expect(inspectorText).not.toContain(name);
      }
      await page.screenshot(`${artifacts}explore-viewer-redacted.png`);
      expect(page.cspViolations).toEqual([]);
    } finally {
      await page.page.close();
    }
  });

  it('runs under the strict Content-Security-Policy without a single violation', () => {
    expect(explorer.cspViolations).toEqual([]);
  });
});
