// The export menu: PNG and SVG drawn in the browser from the canvas, the other formats written by the
// server from the Result of what is shown. Every file is a download; nothing is uploaded elsewhere.
import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import type { CsvPart, ExportFormat } from '../../../contract/api/export.ts';
import type { Result } from '../../../contract/result.ts';
import { ApiError } from '../api.ts';
import { createElement } from '../dom.ts';
import { drawnIds } from '../graph/grouping.ts';
import { downloadFile } from '../insights/download.ts';
import { moveInMenu } from '../panels/menu-keys.ts';
import { createStatusLine, describeError } from '../panels/status.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';
import type { OpenViewRef } from './autosave.ts';
import { captionedPng, captionedSvg, type PictureCaption } from './export-picture.ts';
import { shownResult } from './view-state.ts';
import { exportChainReport, exportResult } from './views-api.ts';

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
  caption: PictureCaption;
  /** The chain drawn, when a chain-of-command query drew the canvas: its report is made by the server from the graph. */
  chain: { id: string; asOf: string | undefined } | null;
  openView: OpenViewRef | null;
}

function serverExport(format: ExportFormat, part?: CsvPart) {
  return ({ shown }: ExportContext) => exportResult(shown, format, part);
}

/** The report of the chain drawn, run again by the server as of its date; anything else is formatted from what is shown. */
function reportExport(format: 'report' | 'pdf') {
  return ({ shown, chain, openView }: ExportContext) =>
    chain ? exportChainReport(chain.id, format, { asOf: chain.asOf, viewId: openView?.id }) : exportResult(shown, format);
}

const choices: ExportChoice[] = [
  {
    id: 'png',
    label: 'PNG image',
    // The whole graph at twice its size, on white (a transparent background is unreadable in most
    // viewers), under its title and date, with the legend of what it draws.
    run: async ({ cy, baseName, caption }) => ({ blob: await captionedPng(cy, caption), fileName: `${baseName}.png` }),
  },
  {
    id: 'svg',
    label: 'SVG drawing',
    run: async ({ cy, baseName, caption }) => ({
      blob: new Blob([captionedSvg((cy as SvgCore).svg({ full: true, scale: 1, bg: '#ffffff' }), cy, caption)], { type: 'image/svg+xml;charset=utf-8' }),
      fileName: `${baseName}.svg`,
    }),
  },
  { id: 'cytoscape', label: 'Cytoscape JSON', run: serverExport('cytoscape') },
  { id: 'graphml', label: 'GraphML', run: serverExport('graphml') },
  { id: 'csv-nodes', label: 'CSV (nodes)', run: serverExport('csv', 'nodes') },
  { id: 'csv-edges', label: 'CSV (links)', run: serverExport('csv', 'edges') },
  { id: 'report', label: 'Evidence report (Markdown)', run: reportExport('report') },
  { id: 'pdf', label: 'Evidence report (PDF)', run: reportExport('pdf') },
];

/** Drawn now: what the analyst hid, a filter or the as-of date took off the canvas is not exported; a group stands for its members. */
export function shownOnCanvas(workspace: Pick<ExplorerWorkspace, 'cy' | 'result'>): Result {
  const drawn = drawnIds(workspace.cy.elements(':visible'));
  return shownResult(workspace.result(), { nodes: [...drawn.nodes], edges: [...drawn.edges] });
}

/** The chain-of-command query that drew the canvas, if one did: its start and date. */
function drawnChain(workspace: Pick<ExplorerWorkspace, 'state'>): ExportContext['chain'] {
  const query = workspace.state().query;
  if (query?.name !== 'chain-of-command' || typeof query.parameters.id !== 'string') return null;
  return { id: query.parameters.id, asOf: typeof query.parameters.asOf === 'string' ? query.parameters.asOf : undefined };
}

function captionOf(title: string, chain: ExportContext['chain']): PictureCaption {
  const made = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const asOf = chain ? (chain.asOf ? `; as of ${chain.asOf}` : '; links of any date') : '';
  return { title, subtitle: `Made ${made} UTC with xpf-explorer${asOf}. Synthetic records (dashed) are test data, not evidence.` };
}

/** The buttons and the menu's own status line; `signal` (the views feature's lifetime) removes their listeners. */
export function mountExportMenu(
  container: HTMLElement,
  workspace: Pick<ExplorerWorkspace, 'cy' | 'result' | 'state'>,
  baseName: () => string,
  openView: () => OpenViewRef | null,
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
      const chain = drawnChain(workspace);
      const view = openView();
      const title = view?.title ?? (chain ? `Chain of command: ${nameIn(shown, chain.id)}` : 'xpf-explorer graph');
      const { blob, fileName } = await choice.run({ cy: workspace.cy, shown, baseName: baseName(), caption: captionOf(title, chain), chain, openView: view });
      downloadFile(blob, fileName ?? `${baseName()}-${choice.id}`);
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

function nameIn(result: Result, id: string): string {
  const name = result.nodes.find((node) => node.id === id)?.properties.name;
  return typeof name === 'string' ? name : id;
}
