// The export menu: PNG and SVG drawn in the browser from the canvas, the other formats written by the
// server from the Result of what is shown. Every file is a download; nothing is uploaded elsewhere.
import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import type { CsvPart, ExportFormat } from '../../../contract/api/export.ts';
import type { Result } from '../../../contract/result.ts';
import { ApiError } from '../api.ts';
import { createElement } from '../dom.ts';
import { moveInMenu } from '../panels/menu-keys.ts';
import { createStatusLine, describeError } from '../panels/status.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';
import { shownResult } from './view-state.ts';
import { exportResult } from './views-api.ts';

cytoscape.use(cytoscapeSvg);

type SvgCore = cytoscape.Core & { svg(options: { full?: boolean; scale?: number; bg?: string }): string };

interface ExportChoice {
  id: string;
  label: string;
  run(context: ExportContext): Promise<{ blob: Blob; fileName: string | null }>;
}

interface ExportContext {
  cy: cytoscape.Core;
  shown: Result;
  baseName: string;
}

function serverExport(format: ExportFormat, part?: CsvPart) {
  return ({ shown }: ExportContext) => exportResult(shown, format, part);
}

const choices: ExportChoice[] = [
  {
    id: 'png',
    label: 'PNG image',
    // The whole graph at twice its size, on white: a transparent background is unreadable in most viewers.
    run: async ({ cy, baseName }) => ({ blob: cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }), fileName: `${baseName}.png` }),
  },
  {
    id: 'svg',
    label: 'SVG drawing',
    run: async ({ cy, baseName }) => ({
      blob: new Blob([(cy as SvgCore).svg({ full: true, scale: 1, bg: '#ffffff' })], { type: 'image/svg+xml;charset=utf-8' }),
      fileName: `${baseName}.svg`,
    }),
  },
  { id: 'cytoscape', label: 'Cytoscape JSON', run: serverExport('cytoscape') },
  { id: 'graphml', label: 'GraphML', run: serverExport('graphml') },
  { id: 'csv-nodes', label: 'CSV (nodes)', run: serverExport('csv', 'nodes') },
  { id: 'csv-edges', label: 'CSV (links)', run: serverExport('csv', 'edges') },
  { id: 'report', label: 'Evidence report', run: serverExport('report') },
];

/** Drawn now: what the analyst hid, a filter or the as-of date took off the canvas is not exported. */
export function shownOnCanvas(workspace: Pick<ExplorerWorkspace, 'cy' | 'result'>): Result {
  const { cy } = workspace;
  return shownResult(workspace.result(), {
    nodes: cy.nodes(':visible').map((node) => node.id()),
    edges: cy.edges(':visible').map((edge) => edge.id()),
  });
}

/** The buttons and the menu's own status line; `signal` (the views feature's lifetime) removes their listeners. */
export function mountExportMenu(
  container: HTMLElement,
  workspace: Pick<ExplorerWorkspace, 'cy' | 'result'>,
  baseName: () => string,
  signal: AbortSignal,
): void {
  const { element: statusLine, status } = createStatusLine('export-status', 'export-status');
  // One menu button in the toolbar, its formats in a list that opens under it: the toolbar stays one row.
  const toggle = createElement('button', {
    text: 'Export ▾',
    attrs: { id: 'export-toggle', type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'export-list' },
  });
  const buttons = choices.map((choice) => {
    const button = createElement('button', { text: choice.label, attrs: { type: 'button', role: 'menuitem', 'data-format': choice.id } });
    button.addEventListener(
      'click',
      () => {
        setOpen(false);
        void exportOne(choice, button);
      },
      { signal },
    );
    return button;
  });
  const list = createElement('div', { className: 'export-list', attrs: { id: 'export-list', role: 'menu', 'aria-label': 'Export formats' } }, buttons);
  const setOpen = (open: boolean) => {
    list.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) buttons[0]?.focus();
  };
  setOpen(false);
  toggle.addEventListener('click', () => setOpen(list.hidden), { signal });
  const close = () => {
    setOpen(false);
    toggle.focus();
  };
  list.addEventListener('keydown', (event) => moveInMenu(event, buttons, close), { signal });
  document.addEventListener(
    'click',
    (event) => {
      if (!list.hidden && event.target instanceof Node && !container.contains(event.target)) setOpen(false);
    },
    { signal },
  );
  container.replaceChildren(toggle, list, statusLine);

  async function exportOne(choice: ExportChoice, button: HTMLButtonElement): Promise<void> {
    const shown = shownOnCanvas(workspace);
    if (shown.nodes.length === 0) {
      status.set({ state: 'error', query: 'export', message: 'Nothing is drawn: there is nothing to export.' });
      return;
    }
    button.disabled = true;
    status.set({ state: 'running', query: 'export', message: `Exporting ${choice.label}…` });
    try {
      const { blob, fileName } = await choice.run({ cy: workspace.cy, shown, baseName: baseName() });
      download(blob, fileName ?? `${baseName()}-${choice.id}`);
      const message = `${choice.label} of ${shown.nodes.length} nodes and ${shown.edges.length} links downloaded.`;
      status.set({ state: 'done', query: 'export', truncated: false, message });
    } catch (error) {
      const message = error instanceof ApiError ? describeError(error) : `The ${choice.label} export failed: ${String(error)}`;
      status.set({ state: 'error', query: 'export', message });
    } finally {
      button.disabled = false;
    }
  }
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = createElement('a', { attrs: { href: url, download: fileName } });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
