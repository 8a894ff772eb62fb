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

/** Waits for the list to show the page that starts at `offset` with exactly these ids. */
async function waitForCards(offset: number, expected: string[]): Promise<void> {
  await explorer.page.waitForFunction(
    ({ offset, expected }) => {
      const list = document.getElementById('search-results');
      const shown = [...(list?.querySelectorAll<HTMLElement>('li[data-id]') ?? [])].map((item) => item.dataset.id);
      return list?.dataset.offset === String(offset) && shown.join() === expected.join();
    },
    { offset, expected },
  );
}

/** Types the common name and presses Enter, then waits for the first page to be the server's. */
async function searchCommon(expected: Result): Promise<void> {
  const input = explorer.page.locator('#search-input');
  await input.fill(common);
  await input.press('Enter');
  await waitForCards(0, ids(expected));
}

describe('the search panel', () => {
  it('pages through many matches, as the server orders them', async () => {
    const first = await apiSearch('');
    const second = await apiSearch(`&offset=${pageSize}`);
    expect(first.meta.truncated, 'the name has more matches than one page').toBe(true);
    expect(second.nodes.length).toBeGreaterThan(0);

    await searchCommon(first);
    await expect.poll(() => explorer.page.locator('#search-previous').isDisabled()).toBe(true);
    await explorer.page.locator('#search-next').click();
    await waitForCards(pageSize, ids(second));
    expect(await explorer.page.locator('#search-page').textContent()).toContain(`${pageSize + 1}–${pageSize + second.nodes.length}`);
    await explorer.page.locator('#search-previous').click();
    await waitForCards(0, ids(first));
  });

  it('filters by kind and by records on the server, and says what every card is', async () => {
    await searchCommon(await apiSearch(''));
    const detainees = await apiSearch('&kind=Detainee');
    expect(detainees.nodes.length).toBeGreaterThan(0);
    await explorer.page.locator('#search-kind').selectOption('Detainee');
    await waitForCards(0, ids(detainees));
    const kinds = await explorer.page.locator('#search-results li[data-id]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.kind));
    expect(new Set(kinds)).toEqual(new Set(['Detainee']));

    // Every Qurban in the seed is synthetic: the public record alone holds none, and the list says so by being empty.
    const publicOnly = await apiSearch('&kind=Detainee&synthetic=false');
    await explorer.page.locator('#search-synthetic').selectOption('false');
    await waitForCards(0, ids(publicOnly));
    await explorer.page.locator('#search-synthetic').selectOption('true');
    const syntheticOnly = await apiSearch('&kind=Detainee&synthetic=true');
    await waitForCards(0, ids(syntheticOnly));
    // Each synthetic card carries the badge where it can be read.
    const badges = await explorer.page.locator('#search-results li[data-id] .badge-synthetic').count();
    expect(badges).toBe(syntheticOnly.nodes.length);
    await explorer.page.locator('#search-kind').selectOption('');
    await explorer.page.locator('#search-synthetic').selectOption('');
    await waitForCards(0, ids(await apiSearch('')));
  });

  it('tells people of the same name apart on their cards, in text large enough to read', async () => {
    const found = await apiSearch('');
    await searchCommon(found);
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
    for (const card of cards) byName.set(card.name, [...(byName.get(card.name) ?? []), card]);
    const namesakes = [...byName.values()].filter((group) => group.length > 1);
    expect(namesakes.length, 'the page holds people who share a name').toBeGreaterThan(0);
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
    await searchCommon(found);
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
    await explorer.settled('chain');
    expect(await explorer.page.locator(`#search-results li[data-id="${chosen}"] > button`).getAttribute('aria-pressed')).toBe('true');
  });
});
