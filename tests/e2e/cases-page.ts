// Page object for the Cases panel: drives it from the masthead as an analyst does and waits on the
// panel's own state (data-state and its status line), never on sleeps.
import type { Page } from 'playwright-core';

const settleTimeoutMs = 30_000;

export class CasesPage {
  constructor(readonly page: Page) {}

  /** Waits until the panel is ready and its status line says `mentions`; fails with the panel's words otherwise. */
  async settled(mentions: string): Promise<void> {
    await this.page.waitForFunction(
      ({ mentions }) => {
        const panel = document.getElementById('cases-panel');
        const said = document.getElementById('cases-status')?.textContent ?? '';
        return panel?.dataset.state === 'error' || (panel?.dataset.state === 'ready' && said.includes(mentions));
      },
      { mentions },
      { timeout: settleTimeoutMs },
    );
    if ((await this.page.locator('#cases-panel').getAttribute('data-state')) === 'error') {
      throw new Error(`The cases panel failed: ${await this.page.locator('#cases-status').textContent()}`);
    }
  }

  async open(): Promise<void> {
    await this.page.locator('#cases-open').click();
    await this.settled(' case');
  }

  async create(name: string): Promise<string> {
    await this.page.locator('#case-name').fill(name);
    await this.page.locator('#case-name').press('Enter');
    await this.settled(`Created “${name}”`);
    return (await this.page.locator('#case-open').getAttribute('data-case-id')) ?? '';
  }

  async attachCurrentView(): Promise<void> {
    await this.page.locator('#case-attach-view').click();
    await this.settled('Attached');
  }

  async addMember(username: string): Promise<void> {
    await this.page.locator('#case-member').fill(username);
    await this.page.locator('#case-member').press('Enter');
    await this.settled(`Shared with ${username}`);
  }

  async openCase(id: string): Promise<void> {
    await this.page.locator(`#cases-list button[data-case-id="${id}"]`).click();
    await this.settled('Opened');
  }

  /** Opens a view the open case holds, from its Open button, and waits until the canvas shows it. */
  async openView(viewId: string): Promise<void> {
    await this.page.locator(`#case-items li[data-kind="view"][data-item-id="${viewId}"] button[data-action="open"]`).click();
    await this.settled('from the case');
  }

  async attachCurrentViewAsExport(format: string): Promise<void> {
    await this.page.locator('#case-export-format').selectOption(format);
    await this.page.locator('#case-attach-export').click();
    await this.settled('Attached');
  }

  /** Attaches a note or judgement from the panel's list: `value` is `note:<id>` or `judgement:<id>`. */
  async attachFromList(value: string): Promise<void> {
    await this.page.locator('#case-attach-choice').selectOption(value);
    await this.page.locator('#case-attach-chosen').click();
    await this.settled('Attached');
  }

  async detach(kind: string, itemId: string): Promise<void> {
    await this.page.locator(`#case-items li[data-kind="${kind}"][data-item-id="${itemId}"] button[data-action="detach"]`).click();
    await this.settled('Detached');
  }

  async removeMember(username: string): Promise<void> {
    await this.page.locator(`#case-members li[data-username="${username}"] button`).click();
    await this.settled(`Removed ${username}`);
  }

  async rename(name: string): Promise<void> {
    await this.page.locator('#case-rename').fill(name);
    await this.page.locator('#case-rename').press('Enter');
    await this.settled(`Renamed to “${name}”`);
  }

  /** Deletes the open case, accepting the browser's confirmation as the owner would. */
  async deleteOpenCase(): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.locator('#case-delete').click();
    await this.settled('Deleted');
  }
}
