// Time that is true: the as-of date applies to everything drawn, the slider has a date field, year
// ticks and one query per rest, two dates compare (what entered and left is marked and listed), and the
// timeline pane puts the dates of what is drawn on a time axis, linked to the selection both ways.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isInForce } from '../../contract/model.ts';
import type { Result } from '../../contract/result.ts';
import type { TestApp } from '../support/neo4j.ts';
import { artifacts, nameOf, resultOf, startBrowserSession, type BrowserSession } from './browser-session.ts';
import type { ExplorerPage } from './explorer-page.ts';

const official = 'chen_quanguo';
const detainee = 'syn-detainee-0000001';
const yearEnds = Array.from({ length: 12 }, (_, i) => `${2012 + i}-12-31`);

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, explorer } = session);
});

afterAll(async () => {
  await session?.close();
});

// Each test starts with no date set, whatever the one before it left.
beforeEach(async () => {
  await explorer.clearAsOf();
});

/** Every drawn element, checked against its own dates as the server sent them: nothing out of force on `date`. */
function expectNothingOutOfForce({ result, drawn }: { result: Result; drawn: string[] }, date: string): void {
  const shown = new Set(drawn);
  for (const edge of result.edges) {
    if (shown.has(edge.id)) expect(isInForce(edge.properties, date), `${edge.type} ${edge.id} drawn as of ${date}`).toBe(true);
  }
  for (const node of result.nodes) {
    if (shown.has(node.id)) expect(isInForce(node.properties, date), `${node.id} (dated ${String(node.properties.date)}) drawn as of ${date}`).toBe(true);
  }
}

async function drawNeighbourhood(id: string, name: string): Promise<Result> {
  const form = await explorer.queryForm('expand-neighbourhood');
  await form.locator('[name="id"]').fill(name);
  await form.locator(`[role="option"][data-id="${id}"]`).click();
  await form.locator('button[type="submit"]').click();
  await explorer.settled('query', 'nodes');
  return (await explorer.drawnWithData()).result;
}

describe('time on the canvas', () => {
  it('hides whatever did not hold on the as-of date, links, sanctions and the bodies reached only through them', async () => {
    const details = await resultOf(app.get(`/api/nodes/${official}`));
    const name = nameOf(details.nodes.find((node) => node.id === official)!);
    const all = await drawNeighbourhood(official, name);
    const dated = all.edges.filter((edge) => typeof edge.properties.from === 'string' || typeof edge.properties.to === 'string');
    expect(dated.length, 'the official has dated links').toBeGreaterThan(2);

    const hiddenSomewhere = new Set<string>();
    for (const date of ['2016-01-31', '2021-06-30']) {
      await explorer.setAsOf(date);
      const now = await explorer.drawnWithData();
      expectNothingOutOfForce(now, date);
      for (const element of [...now.result.nodes, ...now.result.edges]) if (!now.drawn.includes(element.id)) hiddenSomewhere.add(element.id);
      // The official asked about is drawn whatever the date.
      expect(now.drawn).toContain(official);
      await explorer.screenshot(`${artifacts}time-as-of-${date}.png`);
    }
    expect(hiddenSomewhere.size, 'moving the date took elements off the canvas').toBeGreaterThan(0);
    // A sanction (dated 2020) is not drawn in 2016.
    const sanctions = all.nodes.filter((node) => node.labels.includes('Sanction') && typeof node.properties.date === 'string');
    if (sanctions.length > 0) {
      await explorer.setAsOf('2016-01-31');
      const early = await explorer.drawnWithData();
      for (const sanction of sanctions.filter((node) => String(node.properties.date) > '2016-01-31')) expect(early.drawn).not.toContain(sanction.id);
    }
    await explorer.clearAsOf();
  });

  it('has a date field beside the slider, a tick and a mark per year, and sends one query once the slider rests', async () => {
    const chain = await resultOf(app.get(`/api/chain/${detainee}`));
    await explorer.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
    await explorer.setAsOf('2018-12-31');
    await explorer.settled('chain', 'as of 2018-12-31');
    expect(await explorer.page.locator('#as-of-years option').count()).toBe(12);
    expect(await explorer.page.locator('#as-of-ticks span').allTextContents()).toEqual(['2012', '2014', '2016', '2018', '2020', '2022']);
    expect(await explorer.page.locator('#as-of-date').inputValue()).toBe('2018-12-31');

    const asked: string[] = [];
    const listen = (request: { url(): string }) => {
      if (request.url().includes('/api/chain/')) asked.push(request.url());
    };
    explorer.page.on('request', listen);
    await explorer.page.locator('#as-of').focus();
    for (let step = 0; step < 5; step++) await explorer.page.keyboard.press('ArrowRight');
    await explorer.settled('chain', 'as of 2019-05-31');
    explorer.page.off('request', listen);
    expect(asked, 'five steps of the slider, one request').toHaveLength(1);
    expect(await explorer.page.locator('#as-of-date').inputValue()).toBe('2019-05-31');

    // A day typed in the date field is the date, not the month's end.
    await explorer.page.locator('#as-of-date').fill('2019-03-15');
    await explorer.page.locator('#as-of-date').dispatchEvent('change');
    await explorer.settled('chain', 'as of 2019-03-15');
    await explorer.clearAsOf();
    await explorer.settled('chain', 'links of any date');
  });

  it('compares two dates: what entered and what left the chain is marked on the graph and listed', async () => {
    // A start whose chain differs between two year-ends: found in the graph, not assumed.
    const candidates = (await resultOf(app.get(`/api/chain/${detainee}`))).paths[0]!.nodes.slice(0, -1);
    let found: { start: string; dates: [string, string] } | undefined;
    for (const start of candidates) {
      const byChain = new Map<string, string>();
      for (const date of yearEnds) {
        const answer = await resultOf(app.get(`/api/chain/${start}?asOf=${date}`));
        const key = answer.edges
          .map((edge) => edge.id)
          .sort()
          .join(' ');
        if (key !== '' && !byChain.has(key)) byChain.set(key, date);
      }
      const [first, second] = [...byChain.values()];
      if (first && second) {
        found = { start, dates: [first, second] };
        break;
      }
    }
    expect(found, 'a node whose chain differs between two year-ends').toBeDefined();
    const [then, now] = found!.dates;
    const startNode = (await resultOf(app.get(`/api/nodes/${found!.start}`))).nodes.find((node) => node.id === found!.start)!;
    await explorer.search(nameOf(startNode)).openChain(found!.start);
    await explorer.setAsOf(now);
    await explorer.settled('chain', `as of ${now}`);
    await explorer.compareWith(then);
    await explorer.settled('chain', `as of ${now}`);
    await explorer.page.locator('#changes:not([hidden]) #change-list').waitFor();

    const marks = await explorer.page.evaluate(() => {
      const cy = window.__xpf!.cy;
      return { entered: cy.elements('.entered').map((element) => element.id()), left: cy.elements('.left').map((element) => element.id()) };
    });
    const { result } = await explorer.drawnWithData();
    const edges = new Map(result.edges.map((edge) => [edge.id, edge]));
    expect(marks.entered.length + marks.left.length, 'something entered or left').toBeGreaterThan(0);
    for (const id of marks.entered.filter((id) => edges.has(id))) {
      expect(isInForce(edges.get(id)!.properties, now), `${id} holds on ${now}`).toBe(true);
      expect(isInForce(edges.get(id)!.properties, then), `${id} did not hold on ${then}`).toBe(false);
    }
    for (const id of marks.left.filter((id) => edges.has(id))) {
      expect(isInForce(edges.get(id)!.properties, then), `${id} held on ${then}`).toBe(true);
      expect(isInForce(edges.get(id)!.properties, now), `${id} no longer holds on ${now}`).toBe(false);
    }
    const listed = await explorer.page
      .locator('#change-list li[data-id]')
      .evaluateAll((items) => items.map((item) => `${(item as HTMLElement).dataset.change} ${(item as HTMLElement).dataset.id}`));
    expect(listed.sort()).toEqual([...marks.entered.map((id) => `entered ${id}`), ...marks.left.map((id) => `left ${id}`)].sort());
    // The chain table says which chains held on which date.
    expect(await explorer.page.locator('#chains [data-change]').count()).toBeGreaterThan(0);
    await explorer.page.locator('#changes').scrollIntoViewIfNeeded();
    await explorer.screenshot(`${artifacts}chain-compared.png`);
    await explorer.clearAsOf();
    await explorer.settled('chain', 'links of any date');
  });

  it('puts the dates of what is drawn on a time axis, linked with the graph’s selection both ways', async () => {
    const details = await resultOf(app.get(`/api/nodes/${official}`));
    await explorer.search(nameOf(details.nodes.find((node) => node.id === official)!)).openChain(official);
    await explorer.page.locator('#timeline-toggle').click();
    await explorer.page.locator('#timeline-status[data-state="done"]').waitFor({ timeout: 90_000 });
    const items = explorer.page.locator('#timeline-canvas .vis-item');
    expect(await items.count()).toBeGreaterThan(0);

    // A real time axis: the official's tenures lie left to right in the order they began.
    const tenures = details.edges
      .filter((edge) => edge.source === official && typeof edge.properties.from === 'string')
      .sort((a, b) => String(a.properties.from).localeCompare(String(b.properties.from)));
    expect(tenures.length, 'the official has dated tenures').toBeGreaterThan(1);
    const lefts: number[] = [];
    for (const tenure of tenures) {
      const box = await explorer.page.evaluate((id) => {
        const item = [...document.querySelectorAll<HTMLElement>('#timeline-canvas .vis-item')].find((element) => element.querySelector(`[data-item="${id}"]`));
        return item ? item.getBoundingClientRect().left : null;
      }, tenure.id);
      if (box !== null) lefts.push(box);
    }
    expect(lefts.length).toBeGreaterThan(1);
    expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);

    // Graph to timeline: selecting the official selects its items.
    await explorer.selectNodes([official]);
    // In view: the pane scrolls to the official's row, which it may have had out of sight (vis-timeline
    // does not draw the items of a row out of sight at all).
    await explorer.page.locator('#timeline-canvas .vis-item.vis-selected').first().waitFor({ state: 'visible', timeout: 90_000 });
    // Timeline to graph: clicking an item of a link drawn selects that link and inspects it.
    const clickable = await explorer.page.evaluate(() => window.__xpf!.cy.edges().map((edge) => edge.id()));
    const target = tenures.find((tenure) => clickable.includes(tenure.id)) ?? tenures[0]!;
    await explorer.page.locator(`#timeline-canvas [data-item="${target.id}"]`).click();
    if (clickable.includes(target.id)) {
      await explorer.page.locator(`#inspector[data-kind="edge"][data-id="${target.id}"]`).waitFor();
      expect(await explorer.page.evaluate((id) => window.__xpf!.cy.getElementById(id).selected(), target.id)).toBe(true);
    } else {
      await explorer.page.locator(`#inspector[data-kind="node"][data-id="${official}"]`).waitFor();
    }
    await explorer.screenshot(`${artifacts}timeline.png`);
    expect(explorer.cspViolations, 'vis-timeline runs under the strict CSP').toEqual([]);
  });
});
