// In a real browser on the real app and seed: saving a view, reopening it from its share link, its
// versions, renaming, deleting, what changed in the graph since, every export, and unsaved work
// surviving a reload.
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import type { WorkspaceState } from '../../client/src/workspace/workspace.ts';
import { ensureTestUser, type TestApp } from '../support/neo4j.ts';
import { artifacts, startBrowserSession, type BrowserSession } from './browser-session.ts';
import { ExplorerPage } from './explorer-page.ts';
import { ViewsPage } from './views-page.ts';

/** Detainees no other browser test traces, so a graph change here cannot surprise them. */
const savedDetainee = 'syn-detainee-0000002';
const changedDetainee = 'syn-detainee-0000003';

let session: BrowserSession | undefined;
let app: TestApp;
let browser: Browser | undefined;
let explorer: ExplorerPage;
let views: ViewsPage;
const made: string[] = [];

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, browser, explorer } = session);
  views = new ViewsPage(explorer.page);
});

afterAll(async () => {
  for (const id of made) await app?.fetch(`/api/views/${id}`, { method: 'DELETE' });
  await session?.close();
});

async function nameOf(id: string): Promise<string> {
  const { status, body } = await app.get(`/api/nodes/${id}`);
  expect(status).toBe(200);
  return String(Result.parse(body).nodes.find((node) => node.id === id)!.properties.name);
}

async function trace(id: string): Promise<void> {
  await explorer.search(await nameOf(id)).openChain(id);
}

function ids(state: WorkspaceState) {
  const hidden = new Set(state.hidden);
  return {
    nodes: state.result.nodes
      .map((node) => node.id)
      .filter((id) => !hidden.has(id))
      .sort(),
    edges: state.result.edges
      .map((edge) => edge.id)
      .filter((id) => !hidden.has(id))
      .sort(),
  };
}

/** The same view: elements, positions within half a pixel, viewport, filters (the as-of date among them) and query. */
function expectSameView(reopened: WorkspaceState, saved: WorkspaceState): void {
  expect(ids(reopened)).toEqual(ids(saved));
  expect(Object.keys(reopened.positions).sort()).toEqual(Object.keys(saved.positions).sort());
  for (const [id, point] of Object.entries(saved.positions)) {
    expect(Math.abs(reopened.positions[id]!.x - point.x), `${id} x`).toBeLessThanOrEqual(0.5);
    expect(Math.abs(reopened.positions[id]!.y - point.y), `${id} y`).toBeLessThanOrEqual(0.5);
  }
  expect(reopened.viewport.zoom).toBeCloseTo(saved.viewport.zoom, 6);
  expect(Math.abs(reopened.viewport.pan.x - saved.viewport.pan.x)).toBeLessThanOrEqual(0.5);
  expect(Math.abs(reopened.viewport.pan.y - saved.viewport.pan.y)).toBeLessThanOrEqual(0.5);
  expect(reopened.filters).toEqual(saved.filters);
  expect(reopened.query).toEqual(saved.query);
  expect(reopened.layout).toBe(saved.layout);
}

describe('saved views in the browser', () => {
  let viewId: string;

  it('saves a view with title and notes; its share link reopens it identically for a colleague in a fresh page', async () => {
    await trace(savedDetainee);
    const laidOut = (await views.state()).positions[savedDetainee]!;
    // Arranged by hand: a node moved, the camera moved, filters set (the as-of date among them).
    await views.dragNode(savedDetainee, 60, 40);
    await explorer.page.evaluate(() => {
      const { workspace, cy } = window.__xpf!;
      workspace.setFilters({ confidence: ['confirmed', 'reported', 'inferred'], asOf: '2018-06-01' });
      cy.viewport({ zoom: cy.zoom() * 0.9, pan: { x: cy.pan().x + 25, y: cy.pan().y - 10 } });
    });
    await explorer.screenshot(`${artifacts}view-before-save.png`);
    const saved = await views.state();
    // Moved away from where the layout put it, so a reopen that laid the view out again would fail.
    expect(Math.hypot(saved.positions[savedDetainee]!.x - laidOut.x, saved.positions[savedDetainee]!.y - laidOut.y)).toBeGreaterThan(20);

    const { id, shareLink } = await views.saveAsNew('Detainee two, arranged', 'Moved the detainee right; as of June 2018.');
    made.push(id);
    viewId = id;
    await explorer.screenshot(`${artifacts}view-saved.png`);
    const stored = await app.get(`/api/views/${id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.document).toMatchObject({
      title: 'Detainee two, arranged',
      notes: 'Moved the detainee right; as of June 2018.',
      filters: saved.filters,
    });
    expect(shareLink).toBe(`${app.baseUrl}${stored.body.view.links.share}`);

    // Shared, so another analyst may open the link.
    await explorer.page.locator('#view-shared').check();
    await views.settled('Shared');
    expect((await app.get(`/api/views/${id}`)).body.view.visibility).toBe('shared');

    const colleague = await ensureTestUser(app.driver, 'analyst', 'test-analyst-views');
    const fresh = await ExplorerPage.open(browser!, shareLink, colleague);
    try {
      const freshViews = new ViewsPage(fresh.page);
      await freshViews.settled('Opened “Detainee two, arranged”');
      expect(new URL(fresh.page.url()).pathname).toBe(stored.body.view.links.share);
      expectSameView(await freshViews.state(), saved);
      expect(await fresh.page.locator('#view-changes').getAttribute('data-changed')).toBe('0');
      expect(await fresh.page.locator('#view-changes').getAttribute('data-removed')).toBe('0');
      await fresh.screenshot(`${artifacts}saved-view-reopened.png`);
      expect(fresh.cspViolations).toEqual([]);
    } finally {
      await fresh.page.close();
    }
  });

  it('renames as a new version, refuses a save on a stale version with a clear conflict, lists the versions, opens an old one, and deletes after confirmation', async () => {
    const page = explorer.page;
    await page.locator('#view-rename-title').fill('Detainee two, for the legal team');
    await page.locator('#view-rename button[type="submit"]').click();
    await views.settled('Renamed to “Detainee two, for the legal team”');
    const renamed = await app.get(`/api/views/${viewId}`);
    expect(renamed.body.view).toMatchObject({ title: 'Detainee two, for the legal team', currentVersion: 2 });
    // Only the title changed.
    const first = await app.get(`/api/views/${viewId}/versions/1`);
    expect({ ...renamed.body.document, title: first.body.document.title }).toEqual(first.body.document);

    // A colleague (here: the API, as the same analyst) saves version 3; this page still builds on 2.
    const other = await app.fetch(`/api/views/${viewId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...renamed.body.document, baseVersion: 2, title: 'Saved elsewhere' }),
    });
    expect(other.status).toBe(200);
    await page.locator('#view-save-version').click();
    const conflict = await views.settled('', 'conflict');
    expect(conflict).toContain('Conflict');
    expect(conflict).toContain('Version 3 of this view was saved by');
    await explorer.screenshot(`${artifacts}view-conflict.png`);

    await page.locator('#view-history').click();
    await views.settled('3 versions');
    const versions = (await app.get(`/api/views/${viewId}/versions`)).body.versions as { version: number; author: string; title: string }[];
    const listed = await page.locator('#view-versions li[data-version]').evaluateAll((items) =>
      items.map((item) => ({
        version: Number((item as HTMLElement).dataset.version),
        author: (item as HTMLElement).dataset.author,
        title: item.querySelector('.version-title')?.textContent,
      })),
    );
    expect(listed).toEqual(versions.map(({ version, author, title }) => ({ version, author, title })));
    await explorer.screenshot(`${artifacts}view-history.png`);

    await page.locator('#view-versions li[data-version="1"] button').click();
    await views.settled('version 1 of 3');
    expect(await page.locator('#open-view').getAttribute('data-version')).toBe('1');
    expect(await page.locator('#view-title').inputValue()).toBe(first.body.document.title);

    await page.locator('#view-delete').click();
    await page.locator('#view-delete-confirm').waitFor();
    // Asked first: nothing is deleted until confirmed.
    expect((await app.get(`/api/views/${viewId}`)).status).toBe(200);
    await page.locator('#view-delete-yes').click();
    await views.settled('Deleted');
    expect((await app.get(`/api/views/${viewId}`)).status).toBe(404);
    expect(await page.locator(`#views-list li[data-view-id="${viewId}"]`).count()).toBe(0);
    await explorer.screenshot(`${artifacts}view-deleted.png`);
  });

  it('highlights on reopening what was added and changed in the graph since the save', async () => {
    await trace(changedDetainee);
    const drawn = await views.state();
    // Hidden before the save: the chain query still returns it, so on reopening it is new to the view.
    const facilityEdge = drawn.result.edges.find((edge) => edge.source === changedDetainee && edge.type === 'DETAINED_AT');
    expect(facilityEdge, 'the detainee is drawn with its facility').toBeDefined();
    const facility = facilityEdge!.target;
    await explorer.page.evaluate((id) => window.__xpf!.workspace.hide([id]), facility);
    const { id } = await views.saveAsNew('Detainee three, before the change', '');
    made.push(id);

    await app.driver.executeQuery(
      "MATCH (n:Entity {id: $id}) SET n.testViewsSpecNote = 'changed after the save'",
      { id: changedDetainee },
      { routing: 'WRITE' },
    );
    try {
      const reported = (await app.get(`/api/views/${id}`)).body.changes;
      expect(reported.changed.nodes).toEqual([changedDetainee]);
      expect(reported.added.nodes).toContain(facility);

      await explorer.page.locator(`#views-list li[data-view-id="${id}"] button.view-open`).click();
      await views.settled('Opened “Detainee three, before the change”');
      const classes = await explorer.page.evaluate(
        ({ changed, added }) => ({ changed: window.__xpf!.cy.getElementById(changed).classes(), added: window.__xpf!.cy.getElementById(added).classes() }),
        { changed: changedDetainee, added: facility },
      );
      expect(classes.changed).toContain('changed-changed');
      expect(classes.added).toContain('changed-added');
      const changes = explorer.page.locator('#view-changes');
      expect(await changes.getAttribute('data-changed')).toBe(String(reported.changed.nodes.length + reported.changed.edges.length));
      expect(await changes.getAttribute('data-removed')).toBe(String(reported.removed.nodes.length + reported.removed.edges.length));
      expect(await explorer.page.locator('#view-removed li').count()).toBe(reported.removed.nodes.length + reported.removed.edges.length);
      await explorer.screenshot(`${artifacts}view-changes-highlighted.png`);
    } finally {
      await app.driver.executeQuery('MATCH (n:Entity {id: $id}) REMOVE n.testViewsSpecNote', { id: changedDetainee }, { routing: 'WRITE' });
    }
  });

  it('reopens a view drawn by hand (no query) and lists the relationship removed from the graph since the save', async () => {
    // A small graph of this test's own (prefix test-vspec-, apart from the integration fixture's): a camp and a detainee held there.
    const provenance = "sources: ['s_icij_xpf'], synthetic: true";
    await app.driver.executeQuery(
      `CREATE (camp:Entity:Facility {id: 'test-vspec-camp', name: 'Views Spec Camp', facilityType: 'camp', confidence: 'reported', ${provenance}})
       CREATE (one:Entity:Person:Detainee {id: 'test-vspec-detainee', name: 'Views Spec Detainee', confidence: 'confirmed', ${provenance}})
       CREATE (one)-[:DETAINED_AT {id: 'test-vspec-detained', from: date('2017-06-01'), confidence: 'confirmed', ${provenance}}]->(camp)`,
      {},
      { routing: 'WRITE' },
    );
    try {
      // Drawn from the node's details, as the inspector's "open" does: no single query drew the view.
      await explorer.page.evaluate(async () => {
        const answer = await (await fetch('/api/nodes/test-vspec-detainee')).json();
        await window.__xpf!.workspace.draw(answer, { mode: 'replace', layout: 'overview' });
      });
      const saved = await views.state();
      expect(ids(saved)).toEqual({ nodes: ['test-vspec-camp', 'test-vspec-detainee'], edges: ['test-vspec-detained'] });
      const { id } = await views.saveAsNew('Views spec camp', '');
      made.push(id);
      expect((await app.get(`/api/views/${id}`)).body.document.query).toBeNull();

      await app.driver.executeQuery("MATCH ()-[link {id: 'test-vspec-detained'}]->() DELETE link", {}, { routing: 'WRITE' });
      const reported = (await app.get(`/api/views/${id}`)).body.changes;
      expect(reported.removed.edges).toEqual(['test-vspec-detained']);

      await explorer.page.locator(`#views-list li[data-view-id="${id}"] button.view-open`).click();
      await views.settled('Opened “Views spec camp”');
      expect(ids(await views.state())).toEqual({ nodes: ['test-vspec-camp', 'test-vspec-detainee'], edges: [] });
      expect(await explorer.page.locator('#view-removed li').evaluateAll((items) => items.map((item) => item.textContent))).toEqual(['test-vspec-detained']);
      expect(await explorer.page.locator('#view-changes').getAttribute('data-removed')).toBe('1');
      await explorer.screenshot(`${artifacts}view-removed-listed.png`);
    } finally {
      await app.driver.executeQuery("MATCH (node:Entity) WHERE node.id STARTS WITH 'test-vspec-' DETACH DELETE node", {}, { routing: 'WRITE' });
    }
  });

  it('exports what is shown in every format, each file readable', async () => {
    const page = explorer.page;
    await trace(changedDetainee);
    // Hidden elements are not exported: hide one drawn node first.
    const before = await views.drawnIds();
    // Off the strongest chain, so that chain (and the documents it cites) is still shown.
    const strongest = (await views.state()).result.paths[0]!;
    const left = before.nodes.find((id) => !strongest.nodes.includes(id));
    expect(left, 'a drawn node off the strongest chain').toBeDefined();
    await page.evaluate((id) => window.__xpf!.workspace.hide([id]), left!);
    const shown = await views.drawnIds();
    expect(shown.nodes).not.toContain(left);
    const sorted = { nodes: [...shown.nodes].sort(), edges: [...shown.edges].sort() };

    const png = await views.exportFile('png');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const svg = await views.exportFile('svg');
    expect(svg.name).toMatch(/\.svg$/);
    const drawing = new XMLParser({ ignoreAttributes: false }).parse(svg.bytes.toString('utf8'));
    expect(drawing.svg).toBeDefined();

    const cytoscape = JSON.parse((await views.exportFile('cytoscape')).bytes.toString('utf8'));
    expect(cytoscape.elements.nodes.map((node: { data: { id: string } }) => node.data.id).sort()).toEqual(sorted.nodes);
    expect(cytoscape.elements.edges.map((edge: { data: { id: string } }) => edge.data.id).sort()).toEqual(sorted.edges);

    const graphml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name) }).parse(
      (await views.exportFile('graphml')).bytes.toString('utf8'),
    );
    expect(graphml.graphml.graph.node.map((node: Record<string, string>) => node['@_id']).sort()).toEqual(sorted.nodes);
    expect(graphml.graphml.graph.edge.map((edge: Record<string, string>) => edge['@_id']).sort()).toEqual(sorted.edges);

    const nodesCsv = parseCsv((await views.exportFile('csv-nodes')).bytes, { columns: true, bom: true }) as Record<string, string>[];
    expect(nodesCsv.map((row) => row.id).sort()).toEqual(sorted.nodes);
    const edgesCsv = parseCsv((await views.exportFile('csv-edges')).bytes, { columns: true, bom: true }) as Record<string, string>[];
    expect(edgesCsv.map((row) => row.id).sort()).toEqual(sorted.edges);

    const report = (await views.exportFile('report')).bytes.toString('utf8');
    const state = await views.state();
    const shownEdges = new Set(shown.edges);
    const citedByShownChains = new Set(
      state.result.paths
        .filter((path) => path.edges.every((edgeId) => shownEdges.has(edgeId)))
        .flatMap((path) => path.edges)
        .flatMap((edgeId) => (state.result.edges.find((edge) => edge.id === edgeId)?.properties.sources as string[] | undefined) ?? []),
    );
    expect(citedByShownChains.size, 'the shown chains cite documents').toBeGreaterThan(0);
    expect(report).toContain('## Exhibits');
    for (const documentId of citedByShownChains) expect(report).toContain(documentId);
    await explorer.screenshot(`${artifacts}view-exported.png`);
    expect(await page.locator('#export-status').getAttribute('data-state')).toBe('done');
    expect(explorer.cspViolations).toEqual([]);
  });

  it('keeps unsaved work across a reload of the tab, and forgets it at sign-out', async () => {
    const page = explorer.page;
    const target = (await views.drawnIds()).nodes[0]!;
    await page.evaluate((id) => window.__xpf!.workspace.hide([id]), target);
    const before = await views.state();
    // Written once changes stop (debounced): wait for this change to be in sessionStorage.
    await page.waitForFunction(
      (id) =>
        Object.keys(sessionStorage).some(
          (key) =>
            key.startsWith('xpf-unsaved:') &&
            (sessionStorage.getItem(key) ?? '').includes(`"hidden":[`) &&
            JSON.parse(sessionStorage.getItem(key)!).state.hidden.includes(id),
        ),
      target,
    );
    await page.reload();
    await page.waitForFunction((id) => window.__xpf?.workspace.state().hidden.includes(id) ?? false, target, { timeout: 30_000 });
    expectSameView(await views.state(), before);
    await explorer.screenshot(`${artifacts}view-after-reload.png`);

    await Promise.all([page.waitForEvent('load'), page.locator('#logout').click()]);
    await page.locator('#login:not([hidden])').waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('xpf-unsaved:')))).toEqual([]);
  });
});
