// Page object for the saved-views panel and the export menu: drives them as an analyst does and reads
// the workspace's own state (window.__xpf.workspace), never sleeps.
import type { Page } from 'playwright-core';
import type { WorkspaceState } from '../../client/src/workspace/workspace.ts';

const settleTimeoutMs = 30_000;

export type ExportFormat = 'png' | 'svg' | 'cytoscape' | 'graphml' | 'csv-nodes' | 'csv-edges' | 'report';

export class ViewsPage {
  constructor(readonly page: Page) {}

  /** Waits until the panel's status line reports `state` with `mentions` in its text; fails with the panel's message otherwise. */
  async settled(mentions: string, state: 'done' | 'conflict' = 'done'): Promise<string> {
    await this.page.waitForFunction(
      ({ mentions }) => {
        const status = document.getElementById('views-status');
        return status && status.dataset.state !== 'running' && (status.dataset.state !== 'done' || (status.textContent ?? '').includes(mentions));
      },
      { mentions },
      { timeout: settleTimeoutMs },
    );
    const status = this.page.locator('#views-status');
    const [shown, text] = [await status.getAttribute('data-state'), (await status.textContent()) ?? ''];
    if (shown !== state) throw new Error(`The views panel ended "${shown}" instead of "${state}": ${text}`);
    return text;
  }

  async saveAsNew(title: string, notes: string): Promise<{ id: string; shareLink: string }> {
    await this.page.locator('#view-title').fill(title);
    await this.page.locator('#view-notes').fill(notes);
    await this.page.locator('#view-save-new').click();
    await this.settled(`Saved “${title}”`);
    return this.openViewInfo();
  }

  async openViewInfo(): Promise<{ id: string; shareLink: string }> {
    const open = this.page.locator('#open-view');
    return { id: (await open.getAttribute('data-view-id')) ?? '', shareLink: await this.page.locator('#view-share-link').inputValue() };
  }

  state(): Promise<WorkspaceState> {
    return this.page.evaluate(() => window.__xpf!.workspace.state());
  }

  /** Opens the toolbar's export menu, clicks a format and returns the downloaded file's name and bytes. */
  async exportFile(format: ExportFormat): Promise<{ name: string; bytes: Buffer }> {
    if ((await this.page.locator('#export-toggle').getAttribute('aria-expanded')) !== 'true') await this.page.locator('#export-toggle').click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: settleTimeoutMs }),
      this.page.locator(`#export-menu button[data-format="${format}"]`).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  /** Ids drawn on the canvas now. */
  drawnIds(): Promise<{ nodes: string[]; edges: string[] }> {
    return this.page.evaluate(() => {
      const { cy } = window.__xpf!;
      return { nodes: cy.nodes().map((node) => node.id()), edges: cy.edges().map((edge) => edge.id()) };
    });
  }

  /** Drags a node by `dx`, `dy` screen pixels with the mouse, as an analyst rearranges a drawing. */
  async dragNode(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.page.locator('#graph').boundingBox();
    const at = await this.page.evaluate((id) => window.__xpf!.cy.getElementById(id).renderedPosition(), id);
    if (!box) throw new Error('#graph has no box');
    await this.page.mouse.move(box.x + at.x, box.y + at.y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + at.x + dx / 2, box.y + at.y + dy / 2, { steps: 4 });
    await this.page.mouse.move(box.x + at.x + dx, box.y + at.y + dy, { steps: 4 });
    await this.page.mouse.up();
  }
}
