// The right panel and the interaction: the inspector in its own pane, the chain table, a plain click
// selecting one element, the node menu's groups and counts, query forms in words that say what to pick,
// Retry on a failed request, a one-row toolbar at 1280×720, and the start page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result.ts';
import { TEST_PASSWORD, type TestApp } from '../support/neo4j.ts';
import { artifacts, nameOf, resultOf, startBrowserSession, startingResultOf, type BrowserSession } from './browser-session.ts';
import { chainRowsOf, type ExplorerPage } from './explorer-page.ts';

const detainee = 'syn-detainee-0000001';

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;
let chain: Result;
let facility: string;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app, explorer } = session);
  chain = await startingResultOf(() => app.get(`/api/chain/${detainee}`));
  facility = chain.paths[0]!.nodes[1]!;
});

afterAll(async () => {
  await session?.close();
});

async function traceDetainee(page = explorer): Promise<void> {
  await page.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
}

const selectedIds = (page = explorer) =>
  page.page.evaluate(() =>
    window
      .__xpf!.cy.elements(':selected')
      .map((element) => element.id())
      .sort(),
  );

describe('the start page', () => {
  it('says what the graph holds, as the server counts it, and runs an example question with a click', async () => {
    const page = await session!.openPage({ username: app.username, password: TEST_PASSWORD });
    try {
      await page.page.setViewportSize({ width: 1280, height: 720 });
      const statistics = await resultOf(app.post('/api/queries/graph-statistics', { params: {} }));
      const labels = statistics.summary.labels as Record<string, number>;
      await page.page.locator('#start-page:not([hidden]) #start-counts').waitFor();
      const counts = await page.page.locator('#start-counts dd').allTextContents();
      const titles = await page.page.locator('#start-counts dt').allTextContents();
      expect(counts[titles.indexOf('Detainees')]).toBe(labels.Detainee!.toLocaleString('en'));
      expect(counts[titles.indexOf('Facilities')]).toBe(labels.Facility!.toLocaleString('en'));
      await page.page.locator('[data-example="facility-2018"]').waitFor();
      await page.screenshot(`${artifacts}start-page.png`);
      await page.page.locator('[data-example="trace-detainee"]').click();
      await page.settled('chain');
      expect(await page.page.locator('#start-page').isHidden()).toBe(true);
      expect((await page.chains()).length).toBeGreaterThan(0);
    } finally {
      await page.page.close();
    }
  });
});

describe('the right panel', () => {
  it('keeps the inspector in view at 1280×720 and tables the chains once each, with what each reaches and why its weakest link is weakest', async () => {
    const page = await session!.openPage({ username: app.username, password: TEST_PASSWORD });
    try {
      await page.page.setViewportSize({ width: 1280, height: 720 });
      await traceDetainee(page);
      const inspector = (await page.page.locator('#inspector').boundingBox())!;
      expect(inspector.y + 40, 'the inspector starts on screen').toBeLessThan(720);
      expect(inspector.height).toBeGreaterThan(150);
      expect(await page.page.locator('#inspector .inspector-title').isVisible()).toBe(true);
      expect(await page.chains()).toEqual(chainRowsOf(chain));
      const rows = page.page.locator('#chains tr[data-chain]');
      for (const [i, row] of chainRowsOf(chain).entries()) {
        const text = (await rows.nth(i).textContent()) ?? '';
        if (row.weakestLink) expect(text).toMatch(/(confirmed|reported|inferred) · \d+ sources?/);
        else expect(text).toMatch(/Every link (confirmed|reported|inferred)/);
      }
      await page.screenshot(`${artifacts}right-panel-1280x720.png`);

      // A drawing that is not a chain empties the table.
      await page.selectNodes([detainee, chain.paths[0]!.nodes.at(-1)!]);
      await page.page.locator('#shortest-paths').click();
      await page.settled('query', 'Shortest paths');
      expect(await page.chains()).toEqual([]);
      expect(await page.page.locator('#chains .placeholder').textContent()).toContain('No chain of command drawn');
    } finally {
      await page.page.close();
    }
  });
});

describe('interaction', () => {
  it('selects one element on a plain click; Shift or Ctrl adds', async () => {
    await traceDetainee();
    const top = chain.paths[0]!.nodes.at(-1)!;
    await explorer.clickNode(detainee);
    expect(await selectedIds()).toEqual([detainee]);
    await explorer.clickNode(facility);
    expect(await selectedIds()).toEqual([facility]);
    await explorer.selectNodes([facility, top]);
    expect(await selectedIds()).toEqual([facility, top].sort());
    expect(await explorer.page.locator('#shortest-paths').isEnabled()).toBe(true);
  });

  it('groups the node menu and offers only the relationship types the node has, with their counts', async () => {
    await traceDetainee();
    const counted = await resultOf(app.post('/api/queries/relationship-counts', { params: { id: facility } }));
    const counts = counted.summary.relationshipCounts as { type: string; out: number; in: number }[];
    expect(counts.length).toBeGreaterThan(0);
    const box = (await explorer.page.locator('#graph').boundingBox())!;
    await explorer.bringIntoView(facility);
    const at = (await explorer.drawn()).nodes.get(facility)!;
    await explorer.page.mouse.click(box.x + at.x, box.y + at.y, { button: 'right' });
    await explorer.page.locator(`#context-menu[data-id="${facility}"][data-state="ready"]`).waitFor();
    const menu = explorer.page.locator('#context-menu');
    expect(await menu.locator('[role="group"]').count()).toBe(4);
    const expands = await menu
      .locator('button[data-action^="expand-"]')
      .evaluateAll((buttons) => buttons.map((button) => [(button as HTMLElement).dataset.action, button.textContent ?? '']));
    expect(expands.map(([action]) => action).sort()).toEqual(counts.map((count) => `expand-${count.type}`).sort());
    for (const count of counts) {
      const text = expands.find(([action]) => action === `expand-${count.type}`)![1];
      for (const n of [count.out, count.in].filter((value) => value > 0)) expect(text).toContain(`(${n})`);
    }
    await explorer.screenshot(`${artifacts}node-menu.png`);
    await explorer.page.keyboard.press('Escape');
  });

  it('shows query choices in words, explains each parameter, and with nothing picked says what to pick instead of sending', async () => {
    await traceDetainee();
    const form = await explorer.queryForm('expand-neighbourhood');
    const options = await form.locator('[name="types"] option').allTextContents();
    expect(options.length).toBeGreaterThan(5);
    for (const option of options) expect(option, 'a relationship type in words').not.toMatch(/^[A-Z_]+$/);
    expect(await form.locator('label[for="q-expand-neighbourhood-id"]').textContent()).toBe('Node');
    for (const help of await form.locator('.query-field small').allTextContents()) expect(help.trim().length, 'each parameter explained').toBeGreaterThan(5);

    const box = (await explorer.page.locator('#graph').boundingBox())!;
    await explorer.page.mouse.click(box.x + 4, box.y + 4);
    const sent: string[] = [];
    const listen = (request: { url(): string }) => {
      if (request.url().includes('/api/queries/expand-neighbourhood')) sent.push(request.url());
    };
    explorer.page.on('request', listen);
    await form.locator('[name="id"]').fill('');
    await form.locator('button[type="submit"]').click();
    const problem = form.locator('.form-problem');
    await problem.filter({ hasText: 'Pick' }).waitFor();
    expect(await problem.textContent()).toContain('“Node”');
    expect(sent).toEqual([]);
    explorer.page.off('request', listen);
    expect(await explorer.page.locator('#status').getAttribute('data-state')).not.toBe('error');
    await explorer.screenshot(`${artifacts}query-form-what-to-pick.png`);
  });

  it('offers a retry when a request fails, and the retry draws the answer', async () => {
    let failures = 0;
    await explorer.page.route('**/api/chain/**', async (route) => {
      if (failures++ === 0) await route.abort('connectionreset');
      else await route.continue();
    });
    try {
      await explorer.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).ids();
      await explorer.page.locator(`#search-results li[data-id="${detainee}"] > button`).click();
      await explorer.page.locator('#status[data-query="chain"][data-state="error"]').waitFor();
      const retry = explorer.page.locator('#status-retry');
      await retry.waitFor();
      await explorer.screenshot(`${artifacts}retry.png`);
      await retry.click();
      await explorer.settled('chain');
      expect(await retry.isHidden()).toBe(true);
      await explorer.waitForCanvas({ present: [detainee, facility] });
    } finally {
      await explorer.page.unroute('**/api/chain/**');
    }
  });

  it('fits the toolbar in one row at 1280×720, the exports in one menu', async () => {
    const page = await session!.openPage({ username: app.username, password: TEST_PASSWORD });
    try {
      await page.page.setViewportSize({ width: 1280, height: 720 });
      await traceDetainee(page);
      const tops = await page.page
        .locator('#toolbar > * > button, #toolbar > #export-menu > button')
        .evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
      expect(tops.length).toBeGreaterThan(6);
      expect(Math.max(...tops) - Math.min(...tops), 'one row').toBeLessThanOrEqual(4);
      const toolbar = (await page.page.locator('#toolbar').boundingBox())!;
      expect(toolbar.x + toolbar.width).toBeLessThanOrEqual(1280);
      expect(await page.page.locator('#export-list').isHidden()).toBe(true);
      await page.page.locator('#export-toggle').click();
      expect(await page.page.locator('#export-list button[data-format]').count()).toBeGreaterThanOrEqual(7);
      await page.screenshot(`${artifacts}toolbar-1280x720.png`);
    } finally {
      await page.page.close();
    }
  });

  it('runs under the strict Content-Security-Policy without a single violation', () => {
    expect(explorer.cspViolations).toEqual([]);
  });
});
