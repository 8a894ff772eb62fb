// In a real browser on the real app and seed: the search panel's pages, its kind and records filters
// (each checked against the API's own answer), cards that tell namesakes apart as drawn on screen, and
// arrow keys that move through the cards and open one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result.ts';
import type { TestApp } from '../support/neo4j.ts';
import { resultOf, startBrowserSession, type BrowserSession } from './browser-session.ts';
import type { ExplorerPage } from './explorer-page.ts';

/** A name many synthetic people share (seed/synthetic-names.ts): more matches than one page holds. */
const common = 'Qurban';
const pageSize = 20;

let session: BrowserSession | undefined;
let app: TestApp;
let explorer: ExplorerPage;

beforeAll(async () => {
  session = await startBrowserSession();
  app = session.app;
  explorer = session.explorer;
  // Longer than the test app's 45 s request budget: on a busy machine a slow answer fails as the app's error.
  explorer.page.setDefaultTimeout(60_000);
});

afterAll(async () => {
  await session?.close();
});

const ids = (result: Result) => result.nodes.map((node) => node.id);
const apiSearch = (query: string) => resultOf(app.get(`/api/search?q=${encodeURIComponent(common)}&limit=${pageSize}${query}`));

/**
 * Does `action` (a search, a filter, a page) and waits for its answer to be shown: the cards shown
 * before are marked, so a list that only looks the same cannot pass for the new one, and the status
 * line must have settled (a newer search aborts an older one, so the last asked is the one shown).
 */
async function showsAfter(action: () => Promise<void>, offset: number, expected: string[]): Promise<void> {
  await explorer.page.locator('#search-results').evaluate((list) => {
    for (const item of list.children) (item as HTMLElement).dataset.stale = 'true';
  });
  await action();
  await explorer.page.waitForFunction(
    ({ offset, expected }) => {
      const list = document.getElementById('search-results');
      const status = document.getElementById('status');
      const shown = [...(list?.querySelectorAll<HTMLElement>('li[data-id]') ?? [])].map((item) => item.dataset.id);
      return (
        status?.dataset.query === 'search' &&
        status.dataset.state !== 'running' &&
        !list?.querySelector('[data-stale]') &&
        list?.dataset.offset === String(offset) &&
        shown.join() === expected.join()
      );
    },
    { offset, expected },
  );
}

/** Types `text` and presses Enter, then waits for the first page to be the server's. */
async function searchFor(text: string, expected: Result): Promise<void> {
  const input = explorer.page.locator('#search-input');
  await showsAfter(
    async () => {
      await input.fill(text);
      await input.press('Enter');
    },
    0,
    ids(expected),
  );
}

const select = (id: string, value: string) => () =>
  explorer.page
    .locator(id)
    .selectOption(value)
    .then(() => undefined);
const click = (id: string) => () => explorer.page.locator(id).click();

describe('the search panel', () => {
  it('pages through many matches, as the server orders them', async () => {
    const first = await apiSearch('');
    const second = await apiSearch(`&offset=${pageSize}`);
    expect(first.meta.truncated, 'the name has more matches than one page').toBe(true);
    expect(second.nodes.length).toBeGreaterThan(0);

    await searchFor(common, first);
    expect(await explorer.page.locator('#search-previous').isDisabled()).toBe(true);
    await showsAfter(click('#search-next'), pageSize, ids(second));
    expect(await explorer.page.locator('#search-page').textContent()).toContain(`${pageSize + 1}–${pageSize + second.nodes.length}`);
    await showsAfter(click('#search-previous'), 0, ids(first));
  });

  it('filters by kind and by records on the server, and says what every card is', async () => {
    await searchFor(common, await apiSearch(''));
    const detainees = await apiSearch('&kind=Detainee');
    expect(detainees.nodes.length).toBeGreaterThan(0);
    await showsAfter(select('#search-kind', 'Detainee'), 0, ids(detainees));
    const kinds = await explorer.page.locator('#search-results li[data-id]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.kind));
    expect(new Set(kinds)).toEqual(new Set(['Detainee']));

    // Every Qurban in the seed is synthetic: the public record alone holds none, and the list says so by being empty.
    const publicOnly = await apiSearch('&kind=Detainee&synthetic=false');
    await showsAfter(select('#search-synthetic', 'false'), 0, ids(publicOnly));
    const syntheticOnly = await apiSearch('&kind=Detainee&synthetic=true');
    await showsAfter(select('#search-synthetic', 'true'), 0, ids(syntheticOnly));
    // Each synthetic card carries the badge where it can be read.
    const badges = await explorer.page.locator('#search-results li[data-id] .badge-synthetic').count();
    expect(badges).toBe(syntheticOnly.nodes.length);
    await showsAfter(select('#search-kind', ''), 0, ids(await apiSearch('&synthetic=true')));
    await showsAfter(select('#search-synthetic', ''), 0, ids(await apiSearch('')));
  });

  it('tells people of the same name apart on their cards, in text large enough to read', async () => {
    // A name several synthetic detainees share, less the serial that synthetic names end in (seed/synthetic-names.ts).
    const { records } = await app.driver.executeQuery(
      "MATCH (d:Detainee) WHERE d.synthetic WITH split(d.name, ' (synthetic')[0] AS name, count(*) AS people WHERE people > 1 RETURN name ORDER BY people DESC, name LIMIT 1",
    );
    const shared = String(records[0]!.get('name'));
    const found = await resultOf(app.get(`/api/search?q=${encodeURIComponent(shared)}&limit=${pageSize}`));
    await searchFor(shared, found);
    const cards = await explorer.page.locator('#search-results li[data-id]').evaluateAll((items) =>
      items.map((item) => {
        const name = item.querySelector('.match-name')?.textContent ?? '';
        const facts = item.querySelector<HTMLElement>('.match-facts');
        const box = facts?.getBoundingClientRect();
        return {
          id: (item as HTMLElement).dataset.id ?? '',
          name,
          facts: facts?.textContent ?? '',
          fontPx: facts ? Number.parseFloat(getComputedStyle(facts).fontSize) : 0,
          width: box?.width ?? 0,
          right: box?.right ?? 0,
        };
      }),
    );
    expect(cards.map((card) => card.id)).toEqual(ids(found));
    const byName = new Map<string, typeof cards>();
    for (const card of cards) {
      const name = card.name.split(' (synthetic')[0]!;
      byName.set(name, [...(byName.get(name) ?? []), card]);
    }
    const namesakes = [...byName.values()].filter((group) => group.length > 1);
    expect(byName.get(shared)?.length ?? 0, `the page holds several people named ${shared}`).toBeGreaterThan(1);
    for (const group of namesakes) {
      // Same name, different card text: the facts (birth year, place, a short id) differ for each.
      expect(new Set(group.map((card) => card.facts)).size, group[0]!.name).toBe(group.length);
    }
    const viewport = explorer.page.viewportSize()!;
    for (const card of cards) {
      expect(card.facts, card.id).toContain(card.id.slice(-8));
      expect(card.fontPx, card.id).toBeGreaterThanOrEqual(11);
      expect(card.width, card.id).toBeGreaterThan(0);
      expect(card.right, card.id).toBeLessThanOrEqual(viewport.width);
    }
  });

  it('moves through the cards with the arrow keys and opens the one chosen with Enter', async () => {
    const found = await apiSearch('');
    await searchFor(common, found);
    const input = explorer.page.locator('#search-input');
    await input.focus();
    await input.press('ArrowDown');
    await explorer.page.keyboard.press('ArrowDown');
    const focused = () => explorer.page.evaluate(() => document.activeElement?.closest<HTMLElement>('li[data-id]')?.dataset.id ?? null);
    expect(await focused()).toBe(found.nodes[1]!.id);
    await explorer.page.keyboard.press('End');
    expect(await focused()).toBe(found.nodes.at(-1)!.id);
    await explorer.page.keyboard.press('Home');
    expect(await focused()).toBe(found.nodes[0]!.id);
    await explorer.page.keyboard.press('ArrowUp');
    expect(await explorer.page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await input.press('ArrowDown');
    await explorer.page.keyboard.press('ArrowDown');
    await explorer.page.keyboard.press('Enter');
    const chosen = found.nodes[1]!.id;
    await explorer.page.locator(`#inspector[data-kind="node"][data-id="${chosen}"]`).waitFor();
    // Opening a card asks for its chain of command: found or not (a relative has none), the answer settles.
    await explorer.page.waitForFunction(() => {
      const status = document.getElementById('status');
      return status?.dataset.query === 'chain' && ['done', 'empty'].includes(status.dataset.state ?? '');
    });
    expect(await explorer.page.locator(`#search-results li[data-id="${chosen}"] > button`).getAttribute('aria-pressed')).toBe('true');
  });
});
