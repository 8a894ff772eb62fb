// Wires the page: one workspace owns the canvas; each feature mounts as a module on it.
import './styles.css';
import type cytoscape from 'cytoscape';
import type { ResultNode } from '../../contract/result.ts';
import { createElement, requireElement } from './dom.ts';
import { offThreadLayoutRunner, prepareLayoutWorker } from './graph/offthread-layout.ts';
import { explorerRendering } from './graph/render-options.ts';
import { stylesheet } from './graph/style.ts';
import { mountChainOfCommand } from './panels/chains.ts';
import { mountExplore } from './panels/explore.ts';
import { mountFilters } from './panels/filters.ts';
import { mountInspector } from './panels/inspector.ts';
import { mountPhotos } from './panels/photos.ts';
import { showLegend } from './panels/legend.ts';
import { mountQueryPanel } from './panels/query-panel.ts';
import { createQueryRunner } from './panels/query-runner.ts';
import { mountSearch } from './panels/search.ts';
import { mountSession } from './panels/session.ts';
import { mountGraphCounts, mountStatus } from './panels/status.ts';
import { mountTheme } from './panels/theme.ts';
import { mountTools } from './panels/tools.ts';
import { mountViews } from './views/mount-views.ts';
import { createWorkspace, type ExplorerWorkspace } from './workspace/create-workspace.ts';

declare global {
  interface Window {
    /** For browser tests, which only read it. */
    __xpf?: { readonly cy: cytoscape.Core; readonly workspace: ExplorerWorkspace };
  }
}

claimCytoscapeStylesheet();
const workspace = createWorkspace({
  container: requireElement('graph', HTMLElement),
  stylesheet,
  cytoscapeOptions: explorerRendering(),
  runLayout: offThreadLayoutRunner(),
});
window.__xpf = Object.freeze({ cy: workspace.cy, workspace });
// Loaded while the analyst signs in and searches, not when the first large answer arrives.
prepareLayoutWorker();

const status = mountStatus(requireElement('status', HTMLElement));
mountGraphCounts(workspace, requireElement('graph-counts', HTMLElement));
const runner = createQueryRunner(workspace, status);
const asOf = mountFilters(workspace, (date) => void runner.redoTimeAware(date));
const inspector = mountInspector(workspace, requireElement('inspector', HTMLElement), traceFrom);
const chainOfCommand = mountChainOfCommand(workspace, status, inspector, requireElement('chains', HTMLOListElement), runner, asOf.value);
const search = mountSearch(status, traceFrom);
mountExplore(workspace, runner, status, { trace: traceFrom, asOf: asOf.value });
const queryPanel = mountQueryPanel(requireElement('query-panel', HTMLElement), workspace, runner, status, asOf.value);
mountTools(workspace, mountTheme(workspace));
mountPhotos(workspace);
showLegend(requireElement('legend', HTMLUListElement));
status.set({ state: 'idle', message: 'Search for a person, facility or organisation.' });
mountSession((session) => {
  void queryPanel.load();
  void mountViews(workspace, session);
});

function traceFrom(node: ResultNode): Promise<void> {
  search.markPicked(node.id);
  return chainOfCommand.trace(node);
}

/**
 * Cytoscape inserts a <style> giving its container `position: relative` unless an element with
 * this id exists. A strict CSP (style-src 'self') refuses that inline style and logs a violation;
 * styles.css already positions #graph, so the element only tells Cytoscape the work is done.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  document.head.append(createElement('meta', { attrs: { id, name: 'cytoscape-stylesheet', content: 'styles.css' } }));
}
