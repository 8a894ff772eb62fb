// In a real browser on the real app and seed: the query panel, who is responsible, directive propagation,
// tracing from any node with coloured links and the weakest marked, the status bar, the inspector's
// documents and tenures, keyboard shortcuts, names rendered as text, and the layout from 1280×720 to 4K.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result.ts';
import { TEST_PASSWORD, type TestApp } from '../support/neo4j.ts';
import { artifacts, nameOf, resultOf, startBrowserSession, type BrowserSession } from './browser-session.ts';
import { chainRowsOf, type ExplorerPage } from './explorer-page.ts';

/** A detainee no other browser test changes; its chain gives a facility and the leadership. */
const detainee = 'syn-detainee-0000001';

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;
let chain: Result;
let facility: string;

const sortedIds = (elements: { id: string }[]) => [...new Set(elements.map((element) => element.id))].sort();

async function drawnIds(): Promise<{ nodes: string[]; edges: string[] }> {
  const drawn = await explorer.drawn();
  return { nodes: [...drawn.nodes.keys()].sort(), edges: [...drawn.edges.keys()].sort() };
}

async function traceDetainee(page = explorer): Promise<void> {
  await page.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
}

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, explorer } = session);
  chain = await resultOf(app.get(`/api/chain/${detainee}`));
  facility = chain.paths[0]!.nodes[1]!;
});

afterAll(async () => {
  await session?.close();
});

describe('the explorer, beyond the chain of command', () => {
  it('runs a query from its form, filled from the selection, draws what the API answers, says when it was cut, and shows the server’s field error', async () => {
    const { body: catalogue } = await app.get('/api/queries');
    const listed = (catalogue as { queries: { name: string; parameters: { properties: Record<string, unknown> } }[] }).queries;
    const expand = listed.find((query) => query.name === 'expand-neighbourhood');
    expect(expand, 'GET /api/queries lists expand-neighbourhood').toBeDefined();
    // One form per listed query, one field per parameter of its schema.
    expect(
      await explorer.page.locator('#query-panel details[data-query]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.query)),
    ).toEqual(listed.map((query) => query.name));

    await traceDetainee();
    await explorer.selectNodes([facility]);
    const form = await explorer.queryForm('expand-neighbourhood');
    for (const parameter of Object.keys(expand!.parameters.properties))
      expect(await form.locator(`[name="${parameter}"]`).count(), `a field for ${parameter}`).toBe(1);
    await form.locator('button[data-action="use-selection"]').click();
    // The field shows the node's name and carries its id.
    expect(await form.locator('[name="id"]').getAttribute('data-node-id')).toBe(facility);
    expect(await form.locator('[name="id"]').inputValue()).toBe(nameOf(chain.nodes.find((node) => node.id === facility)!));
    await form.locator('[name="types"]').selectOption(['DETAINED_AT']);
    await explorer.screenshot(`${artifacts}explorer-more-query-form.png`);

    const params = { id: facility, types: ['DETAINED_AT'], direction: 'both' };
    const expected = await resultOf(app.post('/api/queries/expand-neighbourhood', { params }));
    expect(expected.meta.truncated).toBe(false);
    const detained = expected.edges.length;
    expect(detained, 'the facility holds several detainees').toBeGreaterThan(2);
    await form.locator('button[type="submit"]').click();
    await explorer.settled('query', `${expected.nodes.length} nodes`);
    await explorer.openGroups();
    expect(await drawnIds()).toEqual({ nodes: sortedIds(expected.nodes), edges: sortedIds(expected.edges) });
    // The status bar: what came back and how long the server took; the counts of what is drawn.
    const status = explorer.page.locator('#status');
    expect(await status.textContent()).toMatch(new RegExp(`${expected.nodes.length} nodes, ${expected.edges.length} links in [\\d.]+ ms`));
    expect(await status.getAttribute('data-truncated')).toBe('false');
    const counts = explorer.page.locator('#graph-counts');
    expect(await counts.getAttribute('data-nodes')).toBe(String(expected.nodes.length));
    expect(await counts.getAttribute('data-edges')).toBe(String(expected.edges.length));
    expect(await counts.textContent()).toContain(`${expected.nodes.length} nodes, ${expected.edges.length} links drawn`);
    await explorer.screenshot(`${artifacts}explorer-more-query-drawn.png`);

    // A limit below the facility's detainees: the API cuts the answer, and the page says so.
    const limit = Math.floor(detained / 2);
    const cut = await resultOf(app.post('/api/queries/expand-neighbourhood', { params: { ...params, limit } }));
    expect(cut.meta.truncated).toBe(true);
    await form.locator('[name="limit"]').fill(String(limit));
    await form.locator('button[type="submit"]').click();
    await explorer.settled('query', `${cut.nodes.length} nodes`);
    await explorer.openGroups();
    expect(await status.getAttribute('data-truncated')).toBe('true');
    expect(await status.textContent()).toContain('Cut at the limit');
    expect(await status.isVisible()).toBe(true);
    expect(await drawnIds()).toEqual({ nodes: sortedIds(cut.nodes), edges: sortedIds(cut.edges) });
    await explorer.screenshot(`${artifacts}explorer-more-query-truncated.png`);

    // A value the server refuses: its own field error, word for word, on the status line.
    const badId = 'not an id!';
    const refused = await app.post('/api/queries/expand-neighbourhood', { params: { ...params, id: badId } });
    expect(refused.status).toBe(400);
    const fieldErrors = (refused.body as { errors: { field: string; reason: string }[] }).errors;
    expect(fieldErrors.length).toBeGreaterThan(0);
    await form.locator('[name="id"]').fill(badId);
    await form.locator('[name="limit"]').fill('');
    await form.locator('button[type="submit"]').click();
    await explorer.page.locator('#status[data-query="query"][data-state="error"]').waitFor();
    const shown = (await status.textContent()) ?? '';
    for (const error of fieldErrors) expect(shown).toContain(`${error.field}: ${error.reason}`);
    await explorer.screenshot(`${artifacts}explorer-more-query-error.png`);
  });

  it('answers who is responsible for a facility, from its menu, as the API does', async () => {
    await traceDetainee();
    const expected = await resultOf(app.post('/api/queries/who-is-responsible', { params: { id: facility } }));
    expect(expected.paths.length).toBeGreaterThan(0);
    await explorer.nodeAction(facility, 'who-is-responsible');
    await explorer.settled('query', 'Who is responsible');
    expect(await drawnIds()).toEqual({ nodes: sortedIds(expected.nodes), edges: sortedIds(expected.edges) });
    await explorer.screenshot(`${artifacts}explorer-more-who-is-responsible.png`);
  });

  it('draws a directive’s propagation top-down, the directive above what it reached', async () => {
    // The directive addressed to the most bodies: found in the graph, not assumed.
    const { records } = await app.driver.executeQuery(
      'MATCH (directive:Directive)-[:ADDRESSED_TO|APPLIES_TO]->(reached) RETURN directive.id AS id, directive.name AS name, count(reached) AS reached ORDER BY reached DESC, id LIMIT 1',
      {},
      { routing: 'READ' },
    );
    expect(records.length, 'a directive addressed to someone').toBe(1);
    const directive = String(records[0]!.get('id'));
    const expected = await resultOf(app.post('/api/queries/directive-propagation', { params: { id: directive } }));
    const downward = expected.paths.filter((path) => ['addressed', 'through', 'applied'].includes(String(path.attributes.leg)));
    expect(downward.length).toBeGreaterThan(0);

    await explorer.openNode(String(records[0]!.get('name')), directive);
    await explorer.nodeAction(directive, 'directive-propagation');
    await explorer.settled('query', 'propagated');
    expect(await drawnIds()).toEqual({ nodes: sortedIds(expected.nodes), edges: sortedIds(expected.edges) });
    const drawn = await explorer.drawn();
    const y = (id: string) => drawn.nodes.get(id)!.y;
    for (const path of downward) {
      for (const reached of path.nodes.slice(1)) expect(y(reached), `${reached} below ${directive}`).toBeGreaterThan(y(directive));
    }
    for (const path of expected.paths.filter((candidate) => candidate.attributes.leg === 'issued')) {
      expect(y(path.nodes[0]!), `issuer ${path.nodes[0]} above ${directive}`).toBeLessThan(y(directive));
    }
    await explorer.screenshot(`${artifacts}explorer-more-directive-propagation.png`);
  });

  it('traces to the leadership from a facility’s menu: leadership on top, links coloured by confidence, the weakest marked', async () => {
    await traceDetainee();
    const expected = await resultOf(app.get(`/api/chain/${facility}`));
    expect(expected.paths.length).toBeGreaterThan(0);
    await explorer.nodeAction(facility, 'trace');
    await explorer.page.locator(`#status[data-query="chain"][data-state="done"]`, { hasText: 'chain' }).waitFor();
    await explorer.waitForCanvas({ absent: [detainee] });
    expect(await drawnIds()).toEqual({ nodes: sortedIds(expected.nodes), edges: sortedIds(expected.edges) });
    const drawn = await explorer.drawn();
    const y = (id: string) => drawn.nodes.get(id)!.y;
    const top = expected.paths[0]!.nodes.at(-1)!;
    expect(y(top)).toBe(Math.min(...[...drawn.nodes.values()].map((node) => node.y)));
    expect(y(top)).toBeLessThan(y(facility));

    // Each link's colour follows its confidence as the API gives it; the weakest links are the API's.
    const classes = await explorer.edgeClasses();
    const colours = new Map<string, Set<string>>();
    for (const edge of expected.edges) {
      const confidence = String(edge.properties.confidence);
      expect(classes.get(edge.id), `${edge.id} is classed ${confidence}`).toContain(confidence);
      if (classes.get(edge.id)!.includes('weakest')) continue;
      const colour = await explorer.styleOf(edge.id, 'line-color');
      colours.set(confidence, (colours.get(confidence) ?? new Set()).add(colour));
    }
    for (const [confidence, seen] of colours) expect(seen.size, `one colour for ${confidence} links`).toBe(1);
    const distinct = new Set([...colours.values()].map((seen) => [...seen][0]));
    expect(distinct.size, 'different confidences, different colours').toBe(colours.size);

    // Marked only on chains with a link weaker than the rest (chainRowsOf states the rule).
    const weakest = [...classes]
      .filter(([, names]) => names.includes('weakest'))
      .map(([id]) => id)
      .sort();
    const rows = chainRowsOf(expected);
    expect(weakest).toEqual([...new Set(rows.map((row) => row.weakestLink).filter(Boolean))].sort());
    expect(await explorer.chains()).toEqual(rows);
    const marked = rows.find((row) => row.weakestLink)?.weakestLink;
    if (marked) {
      expect(await explorer.styleOf(marked, 'line-style')).toBe('dashed');
      expect(distinct.has(await explorer.styleOf(marked, 'line-color')), 'the weakest link in a colour of its own').toBe(false);
    }
    await explorer.screenshot(`${artifacts}explorer-more-trace-facility.png`);
  });

  it('inspects a link’s documents with their titles and dates and its confidence, and a node’s tenures with their dates', async () => {
    await traceDetainee();
    const edge = chain.edges.find(
      (candidate) =>
        Array.isArray(candidate.properties.sources) && candidate.properties.sources.some((id) => typeof id === 'string' && chain.citations[id]?.date),
    )!;
    expect(edge, 'a link citing a dated document').toBeDefined();
    await explorer.clickEdge(edge.id);
    const inspector = explorer.page.locator('#inspector');
    expect(await inspector.locator('.badges').textContent()).toContain(String(edge.properties.confidence));
    for (const id of edge.properties.sources as string[]) {
      const citation = chain.citations[id]!;
      const item = inspector.locator(`.sources li[data-document="${id}"]`);
      expect(await item.locator('cite').textContent()).toBe(citation.name);
      if (citation.date) expect(await item.locator('.citation-details').textContent()).toContain(citation.date);
    }
    await inspector.locator('.sources-section').scrollIntoViewIfNeeded();
    await explorer.screenshot(`${artifacts}explorer-more-inspector-edge.png`);

    // A node of the chain with dated tenures: its own links in the node-details answer.
    let person: { id: string; tenures: Result['edges']; details: Result } | undefined;
    for (const node of chain.nodes) {
      const details = await resultOf(app.get(`/api/nodes/${node.id}`));
      const tenures = details.edges.filter((edge) => edge.source === node.id);
      if (tenures.some((edge) => typeof edge.properties.from === 'string')) {
        person = { id: node.id, tenures, details };
        break;
      }
    }
    expect(person, 'a node of the chain with a dated tenure').toBeDefined();
    await explorer.clickNode(person!.id);
    const tenures = inspector.locator('.tenures li[data-edge]');
    await tenures.first().waitFor();
    expect((await tenures.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.edge))).sort()).toEqual(sortedIds(person!.tenures));
    for (const tenure of person!.tenures) {
      const other = person!.details.nodes.find((candidate) => candidate.id === tenure.target)!;
      const text = (await inspector.locator(`.tenures li[data-edge="${tenure.id}"]`).textContent()) ?? '';
      expect(text).toContain(nameOf(other));
      if (typeof tenure.properties.from === 'string') expect(text).toContain(tenure.properties.from.slice(0, 4));
      if (typeof tenure.properties.to === 'string') expect(text).toContain(tenure.properties.to.slice(0, 4));
      expect(text).toContain(String(tenure.properties.confidence));
    }
    await inspector.locator('.tenures-section').scrollIntoViewIfNeeded();
    await explorer.screenshot(`${artifacts}explorer-more-inspector-tenures.png`);
  });

  it('hides, undoes and redoes from the keyboard, opens the help on ?, and ignores shortcuts while typing', async () => {
    await traceDetainee();
    await explorer.selectNodes([facility]);
    await explorer.press('h');
    await explorer.waitForCanvas({ absent: [facility] });
    await explorer.screenshot(`${artifacts}explorer-more-keys-hidden.png`);
    await explorer.press('Control+z');
    await explorer.waitForCanvas({ present: [facility] });
    await explorer.press('Control+Shift+Z');
    await explorer.waitForCanvas({ absent: [facility] });
    await explorer.press('Control+z');
    await explorer.waitForCanvas({ present: [facility] });

    await explorer.press('?');
    await explorer.page.locator('#help[open]').waitFor();
    await explorer.screenshot(`${artifacts}explorer-more-keys-help.png`);
    await explorer.page.keyboard.press('Escape');
    await explorer.page.locator('#help:not([open])').waitFor({ state: 'attached' });

    // Typed into the search box, the same keys are text: nothing hidden, no help, no undo.
    await explorer.selectNodes([facility]);
    const before = await drawnIds();
    const undoable = await explorer.page.evaluate(() => window.__xpf!.workspace.canUndo());
    const input = explorer.page.locator('#search-input');
    await input.fill('');
    await input.focus();
    await explorer.page.keyboard.type('h?h');
    await explorer.page.keyboard.press('Delete');
    await explorer.page.keyboard.press('Control+z');
    expect(await explorer.page.locator('#help').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    expect(await drawnIds()).toEqual(before);
    expect(await explorer.page.evaluate(() => window.__xpf!.workspace.hiddenIds())).toEqual([]);
    expect(await explorer.page.evaluate(() => window.__xpf!.workspace.canUndo())).toBe(undoable);
    await explorer.screenshot(`${artifacts}explorer-more-keys-typing.png`);
    await input.fill('');
  });

  it('shows a name made of HTML as text in the search results and the inspector, and never runs it', async () => {
    const id = 'test-xss-official';
    const name = '<img src=x onerror=window.__pwned=1>';
    await app.driver.executeQuery(
      "CREATE (:Entity:Person:Official {id: $id, name: $name, confidence: 'reported', sources: ['s_icij_xpf'], synthetic: true})",
      { id, name },
      { routing: 'WRITE' },
    );
    try {
      const found = await resultOf(app.get(`/api/search?q=${encodeURIComponent(name)}&limit=20`));
      expect(
        found.nodes.map((node) => node.id),
        'the server finds it by its name',
      ).toContain(id);
      await explorer.openNode(name, id);
      const match = explorer.page.locator(`#search-results li[data-id="${id}"]`);
      expect(await match.locator('.match-name').textContent()).toBe(name);
      expect(await explorer.page.locator('#inspector .inspector-title').textContent()).toBe(name);
      expect(await explorer.page.locator('#search-results img, #inspector img, #context-menu img').count()).toBe(0);
      expect(await explorer.page.evaluate((id) => String(window.__xpf!.cy.getElementById(id).data('label')), id)).toContain(name);
      await explorer.nodeAction(id, 'hide');
      await explorer.waitForCanvas({ absent: [id] });
      expect(await explorer.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      await explorer.screenshot(`${artifacts}explorer-more-html-name.png`);
    } finally {
      await app.driver.executeQuery('MATCH (node:Entity {id: $id}) DETACH DELETE node', { id }, { routing: 'WRITE' });
    }
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 3840, height: 2160 },
  ])('is usable at $width×$height: canvas, search, inspector and status all visible, no sideways scroll', async (viewport) => {
    const page = await session!.openPage({ username: app.username, password: TEST_PASSWORD });
    try {
      await page.page.setViewportSize(viewport);
      await traceDetainee(page);
      for (const selector of ['#graph', '#search-input', '#inspector', '#status', '#graph-counts']) {
        const placed = await page.page.locator(selector).evaluate((element) => {
          const box = element.getBoundingClientRect();
          // Inside the viewport, or inside a panel that scrolls to it.
          let scroller: Element | null = element.parentElement;
          while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
          const within = scroller ? scroller.getBoundingClientRect() : { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
          const inViewport = box.left >= 0 && box.top >= 0 && box.right <= innerWidth + 0.5 && box.bottom <= innerHeight + 0.5;
          const scrollable =
            scroller !== null &&
            within.left >= 0 &&
            within.right <= innerWidth + 0.5 &&
            within.top < innerHeight &&
            box.left >= within.left - 0.5 &&
            box.right <= within.right + 0.5;
          return { width: box.width, height: box.height, inViewport, scrollable };
        });
        expect(placed.width, `${selector} width`).toBeGreaterThan(0);
        expect(placed.height, `${selector} height`).toBeGreaterThan(0);
        expect(placed.inViewport || placed.scrollable, `${selector} reachable: ${JSON.stringify(placed)}`).toBe(true);
      }
      const graph = await page.page.locator('#graph').boundingBox();
      expect(graph!.width * graph!.height, 'the canvas takes a good share of the page').toBeGreaterThan(viewport.width * viewport.height * 0.2);
      const sideways = await page.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      await page.screenshot(`${artifacts}explorer-more-${viewport.width}x${viewport.height}.png`);
      expect(page.cspViolations).toEqual([]);
    } finally {
      await page.page.close();
    }
  });

  it('runs under the strict Content-Security-Policy without a single violation', () => {
    expect(explorer.cspViolations).toEqual([]);
  });
});
