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

  /**
   * What the map's markers show on screen: each cluster's count, and each single marker's node id (from its
   * class) and the centre of its circle in page pixels.
   */
  async mapMarkers(): Promise<{ clusters: number[]; points: { id: string; x: number; y: number }[] }> {
    return this.page.locator('#map').evaluate((map) => {
      const frame = map.getBoundingClientRect();
      const onScreen = (box: DOMRect) => box.width > 0 && box.right > frame.left && box.left < frame.right && box.bottom > frame.top && box.top < frame.bottom;
      const clusters = [...map.querySelectorAll<HTMLElement>('.map-cluster')]
        .filter((icon) => onScreen(icon.getBoundingClientRect()))
        .map((icon) => Number(icon.textContent));
      const points = [...map.querySelectorAll<SVGPathElement>('path.map-point')].flatMap((path) => {
        const box = path.getBoundingClientRect();
        const id = [...path.classList].find((name) => name.startsWith('map-point-'))?.slice('map-point-'.length);
        return id && onScreen(box) ? [{ id, x: box.left + box.width / 2, y: box.top + box.height / 2 }] : [];
      });
      return { clusters, points };
    });
  }

  /** Zooms the map out, one step at a time, until Xinjiang's province outline fits inside it. */
  async zoomMapToXinjiang(): Promise<void> {
    const fits = () =>
      this.page.locator('#map').evaluate((map) => {
        const frame = map.getBoundingClientRect();
        const outline = [...map.querySelectorAll('path.province-outline')].find((path) => path.getAttribute('stroke-width') === '1.6');
        const box = outline?.getBoundingClientRect();
        return box
          ? { fits: box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom, width: box.width }
          : null;
      });
    for (let step = 0; step < 8; step++) {
      const now = await fits();
      if (!now || now.fits) return;
      await this.page.locator('#map .leaflet-control-zoom-out').click();
      await this.page.waitForFunction(
        (before) => {
          const outline = [...document.querySelectorAll('#map path.province-outline')].find((path) => path.getAttribute('stroke-width') === '1.6');
          return (outline?.getBoundingClientRect().width ?? before) < before && !document.querySelector('#map.leaflet-zoom-anim');
        },
        now.width,
        { timeout: settleTimeoutMs },
      );
    }
  }

  /** Moves the pointer onto a spot inside prefecture `code` (GB/T 2260) that shows it, and returns the tooltip the map then shows. */
  async hoverPrefecture(code: string): Promise<string> {
    const spot = await this.page.locator(`#map path.prefecture-${code}`).evaluate((path) => {
      const box = path.getBoundingClientRect();
      // The first point of a grid over the outline's box where the outline itself is under the pointer.
      for (let row = 1; row < 12; row++) {
        for (let column = 1; column < 12; column++) {
          const x = box.left + (box.width * column) / 12;
          const y = box.top + (box.height * row) / 12;
          if (document.elementFromPoint(x, y) === path) return { x, y };
        }
      }
      return null;
    });
    if (!spot) throw new Error(`No point of prefecture ${code} is under the pointer anywhere on the map`);
    await this.page.mouse.move(spot.x, spot.y);
    const tooltip = this.page.locator('#map .leaflet-tooltip.prefecture-name');
    await tooltip.waitFor({ timeout: settleTimeoutMs });
    return (await tooltip.textContent()) ?? '';
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
