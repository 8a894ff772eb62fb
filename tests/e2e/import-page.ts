// Page object for the import dialog: drives it as an analyst does and waits on its data-state,
// never on sleeps.
import type { Page } from 'playwright-core';

// Each step waits on the dialog's own data-state; an import or undo on a busy two-core machine takes minutes.
const settleTimeoutMs = 600_000;

export class ImportPage {
  constructor(readonly page: Page) {}

  private dialog() {
    return this.page.locator('#import-dialog');
  }

  /** Waits until the dialog reaches one of `states` (or fails), and returns the state it reached. */
  async settled(states: string[]): Promise<string> {
    await this.page.waitForFunction(
      (wanted) => {
        const state = document.getElementById('import-dialog')?.dataset.state ?? '';
        return wanted.includes(state) || state === 'failed';
      },
      states,
      { timeout: settleTimeoutMs },
    );
    const state = (await this.dialog().getAttribute('data-state')) ?? '';
    if (!states.includes(state)) throw new Error(`The import dialog ended "${state}": ${await this.page.locator('#import-problem').textContent()}`);
    return state;
  }

  async open(): Promise<void> {
    await this.page.locator('#import-open').click();
    await this.settled(['idle']);
  }

  /** Uploads a file; answers whether it read at once or needs an encoding. */
  async upload(path: string): Promise<'inspected' | 'unreadable'> {
    await this.page.locator('#import-file').setInputFiles(path);
    return (await this.settled(['inspected', 'unreadable'])) as 'inspected' | 'unreadable';
  }

  async problem(): Promise<string> {
    return (await this.page.locator('#import-problem').textContent()) ?? '';
  }

  /** What the encoding field holds, and whether its button can read the file again. */
  async encodingOffered(): Promise<{ value: string; canRead: boolean }> {
    return {
      value: await this.page.locator('#import-encoding').inputValue(),
      canRead: await this.page.locator('#import-reread').isEnabled(),
    };
  }

  /** Whether preview, check and import can be clicked, as the analyst sees the three buttons. */
  async actionsEnabled(): Promise<{ preview: boolean; check: boolean; import: boolean }> {
    return {
      preview: await this.page.locator('#import-preview').isEnabled(),
      check: await this.page.locator('#import-check').isEnabled(),
      import: await this.page.locator('#import-run').isEnabled(),
    };
  }

  async readAs(encoding: string): Promise<void> {
    await this.page.locator('#import-encoding').fill(encoding);
    await this.page.locator('#import-reread').click();
    await this.settled(['inspected']);
  }

  async columns(): Promise<string[]> {
    return this.page.locator('.import-columns [data-column]').evaluateAll((selects) => selects.map((select) => (select as HTMLElement).dataset.column!));
  }

  /** Loads a mapping file as the analyst picks one; waits until the editor has checked it. */
  async loadMapping(name: string, text: string): Promise<void> {
    await this.page.locator('#import-mapping-file').setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await this.page.waitForFunction(() => document.getElementById('import-editor')?.dataset.valid === 'true', undefined, { timeout: settleTimeoutMs });
  }

  /** Previews the first rows; answers what the small canvas draws and its size on screen. */
  async preview(): Promise<{ nodes: number; edges: number; width: number; height: number; matches: string[] }> {
    await this.page.locator('#import-preview').click();
    await this.settled(['previewed']);
    const canvas = this.page.locator('#import-preview-canvas');
    const box = (await canvas.boundingBox())!;
    return {
      nodes: Number(await canvas.getAttribute('data-nodes')),
      edges: Number(await canvas.getAttribute('data-edges')),
      width: box.width,
      height: box.height,
      matches: await this.page.locator('#import-matches li').allTextContents(),
    };
  }

  async check(): Promise<{ state: string; entries: string[] }> {
    await this.page.locator('#import-check').click();
    const state = await this.settled(['checked', 'refused']);
    return { state, entries: await this.page.locator('#import-entries li').allTextContents() };
  }

  /** Checks a file that turns out not to read past what its upload read; answers the problem shown. */
  async checkFails(): Promise<string> {
    await this.page.locator('#import-check').click();
    await this.settled(['failed']);
    return this.problem();
  }

  /** The mapping as the editor holds it (YAML). */
  async mappingText(): Promise<string> {
    return this.page.locator('#import-yaml').inputValue();
  }

  /** Imports; answers the last progress line and the summary. */
  async run(): Promise<{ progress: string; summary: string; reportHref: string | null }> {
    await this.page.locator('#import-run').click();
    await this.settled(['complete', 'already-complete']);
    return {
      progress: (await this.page.locator('#import-progress-text').textContent()) ?? '',
      summary: (await this.page.locator('#import-summary').textContent()) ?? '',
      reportHref: await this.page.locator('#import-download').getAttribute('href'),
    };
  }

  /** Undoes the latest import of `fileName` from the history (the button asks once to confirm). */
  async undoLatest(fileName: string): Promise<string> {
    const entry = this.page.locator('#import-history li[data-status="complete"]', { hasText: fileName }).first();
    await entry.locator('button').click();
    await entry.locator('button', { hasText: 'Confirm undo' }).click();
    await this.settled(['undone']);
    return (await this.page.locator('#import-progress-text').textContent()) ?? '';
  }

  async close(): Promise<void> {
    await this.page.locator('#import-close').click();
  }
}
