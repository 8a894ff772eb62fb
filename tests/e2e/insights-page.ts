// Page object for the pane under the canvas: its table, summary and map, read from what the page shows
// (rows, the charts' own data, the map's markers), waiting on its state attributes, never on sleeps.
import type { Locator, Page } from 'playwright-core';

/**
 * How long the page may take to answer a search, lay out a chain or fill a pane: longer than the test app's
 * 45 s request budget, so on a busy machine a slow answer ends as the app's own error, not as the test giving up.
 */
const settleTimeoutMs = 60_000;

export interface TableRow {
  id: string;
  cells: string[];
}

export interface ChartData {
  labels: string[];
  values: number[];
  /** Bars the chart drew. */
  bars: number;
}

export class InsightsPage {
  constructor(readonly page: Page) {}

  /** Opens a tab (table, summary or map) unless it is open already. */
  async open(tab: 'table' | 'summary' | 'map'): Promise<Locator> {
    const button = this.page.locator(`#insights-tab-${tab}`);
    if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
    const panel = this.page.locator(`#insights-${tab}:not([hidden])`);
    await panel.waitFor({ timeout: settleTimeoutMs });
    return panel;
  }

  /** The table's rows once it has drawn them (its code loads with the tab; it draws its rows and its count together). */
  async tableRows(): Promise<TableRow[]> {
    await this.page.waitForFunction(
      () => {
        const table = document.getElementById('canvas-table');
        if (table?.dataset.rows === undefined) return false;
        const drawn = table.querySelectorAll('tbody tr').length;
        return table.dataset.rows === '0' ? drawn === 0 : drawn > 0;
      },
      undefined,
      { timeout: settleTimeoutMs },
    );
    return this.page
      .locator('#canvas-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => ({ id: (row as HTMLElement).dataset.id ?? '', cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '') })),
      );
  }

  /** The column's index in the table, by its title. */
  async columnIndex(title: string): Promise<number> {
    const titles = await this.page.locator('#canvas-table thead th').allTextContents();
    const index = titles.findIndex((text) => text.replace(/[▲▼]/g, '').trim() === title);
    if (index < 0) throw new Error(`The table has no column "${title}"; it has ${titles.join(', ')}`);
    return index;
  }

  async sortBy(title: string, direction: 'ascending' | 'descending'): Promise<void> {
    const header = this.page.locator('#canvas-table thead th').nth(await this.columnIndex(title));
    for (let clicks = 0; clicks < 2 && (await header.getAttribute('aria-sort')) !== direction; clicks++) await header.locator('button').click();
    await this.page.locator(`#canvas-table thead th[aria-sort="${direction}"]`).waitFor({ timeout: settleTimeoutMs });
  }

  /** The data a summary chart drew, as its own model holds it, once it is drawn. */
  async chart(series: string): Promise<ChartData> {
    const figure = this.page.locator(`#insights-summary figure[data-series="${series}"][data-chart]`);
    await figure.waitFor({ timeout: settleTimeoutMs });
    return JSON.parse((await figure.getAttribute('data-chart')) ?? '{}') as ChartData;
  }

  /** Waits for the map's basemap, then returns how many points it places. */
  async mapPoints(): Promise<number> {
    await this.page.locator('#insights-map[data-state="ready"][data-points]').waitFor({ timeout: settleTimeoutMs });
    return Number(await this.page.locator('#insights-map').getAttribute('data-points'));
  }

  /** Sets one filter box of the map (a kind, tier or type) and waits for the points to follow. */
  async setMapFilter(name: 'map-kind' | 'map-tier' | 'map-type', value: string, shown: boolean): Promise<number> {
    const before = await this.page.locator('#insights-map').getAttribute('data-points');
    const box = this.page.locator(`#map-filters input[name="${name}"][value="${value}"]`);
    if ((await box.isChecked()) === shown) return Number(before);
    await box.setChecked(shown);
    await this.page.waitForFunction((before) => document.getElementById('insights-map')?.dataset.points !== before, before, { timeout: settleTimeoutMs });
    return Number(await this.page.locator('#insights-map').getAttribute('data-points'));
  }
}
