// Accessible: an accessibility engine (axe-core, bundled from node_modules into the page by the test)
// finds no WCAG 2.1 A/AA violation, contrast included, in the light and the dark theme; the legend's
// link colours read at 4.5:1 on their panel in both; and every action has a keyboard path.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../contract/result.ts';
import type { TestApp } from '../support/neo4j.ts';
import { TEST_PASSWORD } from '../support/neo4j.ts';
import { artifacts, nameOf, startBrowserSession, startingResultOf, type BrowserSession } from './browser-session.ts';
import { ExplorerPage } from './explorer-page.ts';

const detainee = 'syn-detainee-0000001';
/** The engine's own file, from node_modules: never from a CDN. */
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let session: BrowserSession | undefined;
let app: TestApp;
let chain: Result;

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app } = session);
  chain = await startingResultOf(() => app.get(`/api/chain/${detainee}`));
});

afterAll(async () => {
  await session?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function violations(page: ExplorerPage): Promise<Violation[]> {
  await page.page.addScriptTag({ path: axeSource });
  return page.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    // The canvas draws its labels as pixels: the engine checks the page's text and controls.
    const result = await axe.run({ exclude: [['#graph canvas']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
}

/** WCAG's contrast ratio of two colours as the browser computes them (rgb(...)). */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)(
    'has no WCAG A/AA violation, contrast included, in the %s theme, with a chain drawn and the timeline open',
    async (theme) => {
      const page = await ExplorerPage.open(session!.browser, app.baseUrl, { username: app.username, password: TEST_PASSWORD }, { bypassCSP: true });
      try {
        await page.page.setViewportSize({ width: 1280, height: 720 });
        const themeNow = () => page.page.evaluate(() => document.documentElement.dataset.theme);
        if ((await themeNow()) !== theme) await page.page.locator('#theme-toggle').click();
        expect(await themeNow()).toBe(theme);
        // The start page first, then a chain with its table and the inspector.
        await page.page.locator('#start-page:not([hidden]) #start-counts').waitFor();
        expect(await violations(page), 'the start page').toEqual([]);
        await page.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
        await page.page.locator('#timeline-toggle').click();
        await page.page.locator('#timeline-status[data-state="done"]').waitFor({ timeout: 30_000 });
        expect(await violations(page), 'a chain drawn').toEqual([]);

        // The legend's link colours against the panel they sit on: 4.5:1 in this theme too.
        const legend = await page.page.evaluate(() => {
          const panel = getComputedStyle(document.querySelector('.panel-search')!).backgroundColor;
          return [...document.querySelectorAll<HTMLElement>('#legend .legend-line')].map((line) => ({
            name: line.className,
            colour: getComputedStyle(line).borderTopColor,
            panel,
          }));
        });
        expect(legend.length).toBe(4);
        for (const line of legend) expect(contrast(line.colour, line.panel), `${line.name} in the ${theme} theme`).toBeGreaterThanOrEqual(4.5);
        await page.screenshot(`${artifacts}accessibility-${theme}.png`);
      } finally {
        await page.page.close();
      }
    },
  );

  it('reaches the graph, the node menu, the chain table and the export menu from the keyboard', async () => {
    const page = await session!.openPage({ username: app.username, password: TEST_PASSWORD });
    try {
      await page.search(nameOf(chain.nodes.find((node) => node.id === detainee)!)).openChain(detainee);
      // The graph takes focus; arrows move the selection from node to node and the inspector follows.
      await page.page.locator('#graph').focus();
      await page.page.keyboard.press('ArrowDown');
      const first = await page.page.evaluate(() => window.__xpf!.cy.nodes(':selected').map((node) => node.id()));
      expect(first).toHaveLength(1);
      await page.page.locator(`#inspector[data-kind="node"][data-id="${first[0]}"]`).waitFor();
      await page.page.keyboard.press('ArrowUp');
      const second = await page.page.evaluate(() => window.__xpf!.cy.nodes(':selected').map((node) => node.id()));
      expect(second).toHaveLength(1);
      await page.page.locator(`#inspector[data-kind="node"][data-id="${second[0]}"]`).waitFor();
      // Shift+F10 opens the selected node's menu, focus on its first item; arrows move; Escape gives focus back.
      await page.page.keyboard.press('Shift+F10');
      await page.page.locator(`#context-menu[data-id="${second[0]}"]:not([hidden])`).waitFor();
      expect(await page.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
      await page.page.keyboard.press('ArrowDown');
      expect(await page.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
      await page.page.keyboard.press('Escape');
      await page.page.locator('#context-menu').waitFor({ state: 'hidden' });
      expect(await page.page.evaluate(() => document.activeElement?.id)).toBe('graph');
      // A chain of the table, picked with Enter.
      await page.page.locator('#chains tr[data-chain="1"] button').focus();
      await page.page.keyboard.press('Enter');
      expect(await page.page.locator('#chains tr[data-chain="1"] button').getAttribute('aria-pressed')).toBe('true');
      // The export menu: Enter opens it on its first format, Escape closes it.
      await page.page.locator('#export-toggle').focus();
      await page.page.keyboard.press('Enter');
      expect(await page.page.evaluate(() => document.activeElement?.getAttribute('data-format'))).toBe('png');
      await page.page.keyboard.press('ArrowDown');
      expect(await page.page.evaluate(() => document.activeElement?.getAttribute('data-format'))).toBe('svg');
      await page.page.keyboard.press('Escape');
      expect(await page.page.locator('#export-list').isHidden()).toBe(true);
      expect(await page.page.evaluate(() => document.activeElement?.id)).toBe('export-toggle');
      expect(page.cspViolations).toEqual([]);
    } finally {
      await page.page.close();
    }
  });
});
