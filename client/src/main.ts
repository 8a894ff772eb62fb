// Wires the page: one workspace owns the canvas; each feature mounts on it as a panel (panels/panel.ts),
// with the one context and its element.
import './styles.css';
import './panels/panel-content.css';
import './panels/controls.css';
import './print.css';
import './panels/panes.css';
import type cytoscape from 'cytoscape';
import { createElement, requireElement } from './dom.ts';
import { offThreadLayoutRunner, prepareLayoutWorker } from './graph/offthread-layout.ts';
import { explorerRendering } from './graph/render-options.ts';
import { stylesheet } from './graph/style.ts';
import { mountCanvasView } from './panels/canvas-view.ts';
import { mountChainOfCommand } from './panels/chains.ts';
import { mountChanges } from './panels/changes.ts';
import { mountExplore } from './panels/explore.ts';
import { mountFilters } from './panels/filters.ts';
import { mountGraphCounts } from './panels/graph-counts.ts';
import { mountInspector } from './panels/inspector.ts';
import { mountLegend } from './panels/legend.ts';
import { createAccount, type MountPanel, type Panel, type PanelContext } from './panels/panel.ts';
import { mountPhotos } from './panels/photos.ts';
import { mountQueryPanel } from './panels/query-panel.ts';
import { mountReviewQueue } from './panels/review-queue.ts';
import { mountCases } from './panels/cases.ts';
import { createQueryRunner } from './panels/query-runner.ts';
import { mountSearch } from './panels/search.ts';
import { mountSession } from './panels/session.ts';
import { mountStartPage } from './panels/start-page.ts';
import { mountStatus } from './panels/status.ts';
import { mountTimeline } from './panels/timeline.ts';
import { mountTools } from './panels/tools.ts';
import { mountInsights } from './insights/insights-panel.ts';
import { mountViews } from './views/mount-views.ts';
import { mountImport } from './import/import-panel.ts';
import './import/import.css';
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
// The actions one panel offers the others go through the context, so no panel imports another.
const context: PanelContext = {
  workspace,
  status,
  runner: createQueryRunner(workspace, status),
  account: createAccount(),
  asOf: () => filters.asOf(),
  trace(node) {
    search.markPicked(node.id);
    return chainOfCommand.trace(node);
  },
  inspectNode: (id) => inspector.inspectNode(id),
  inspectEdge: (id) => inspector.inspectEdge(id),
  currentView: () => views.openView(),
  showView: (message, fetchView) => views.show(message, fetchView),
};

/** Every panel mounts the one way: the context, and its element from index.html. */
function mount<E extends HTMLElement, P extends Panel>(mountPanel: MountPanel<E, P>, id: string, type: new () => E): P {
  return mountPanel(context, requireElement(id, type));
}

mount(mountGraphCounts, 'graph-counts', HTMLElement);
const filters = mount(mountFilters, 'filters', HTMLElement);
const inspector = mount(mountInspector, 'inspector', HTMLElement);
const chainOfCommand = mount(mountChainOfCommand, 'chains', HTMLElement);
mount(mountChanges, 'changes', HTMLElement);
const search = mount(mountSearch, 'search-form', HTMLFormElement);
mount(mountExplore, 'graph', HTMLElement);
mount(mountCanvasView, 'graph', HTMLElement);
mount(mountTimeline, 'timeline-pane', HTMLElement);
mount(mountStartPage, 'start-page', HTMLElement);
mount(mountQueryPanel, 'query-panel', HTMLElement);
mount(mountTools, 'toolbar', HTMLElement);
mount(mountPhotos, 'graph', HTMLElement);
mount(mountLegend, 'legend', HTMLUListElement);
const views = mount(mountViews, 'views-panel', HTMLElement);
mount(mountImport, 'import-dialog', HTMLDialogElement);
mount(mountInsights, 'insights', HTMLElement);
mount(mountReviewQueue, 'review-queue', HTMLElement);
mount(mountCases, 'cases-panel', HTMLElement);
status.set({ state: 'idle', message: 'Search for a person, facility or organisation.' });
mount(mountSession, 'login', HTMLElement);

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
