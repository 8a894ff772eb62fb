// Wires the page: one workspace owns the canvas; each feature mounts as a module on it.
import './styles.css';
import type { ResultNode } from '../../cypher/result.ts';
import { createElement, requireElement } from './dom.ts';
import { stylesheet } from './graph/style.ts';
import { mountChainOfCommand } from './panels/chains.ts';
import { mountInspector } from './panels/inspector.ts';
import { showLegend } from './panels/legend.ts';
import { mountSearch } from './panels/search.ts';
import { mountSession } from './panels/session.ts';
import { mountStatus } from './panels/status.ts';
import { mountViews } from './views/mount-views.ts';
import { createWorkspace, type ExplorerWorkspace } from './workspace/create-workspace.ts';
import type cytoscape from 'cytoscape';

declare global {
  interface Window {
    /** For browser tests, which only read it. */
    __xpf?: { readonly cy: cytoscape.Core; readonly workspace: ExplorerWorkspace };
  }
}

claimCytoscapeStylesheet();
const workspace = createWorkspace({ container: requireElement('graph', HTMLElement), stylesheet });
window.__xpf = Object.freeze({ cy: workspace.cy, workspace });

const status = mountStatus(requireElement('status', HTMLElement));
const asOfInput = requireElement('as-of', HTMLInputElement);
const inspector = mountInspector(workspace, requireElement('inspector', HTMLElement), traceFrom);
const chainOfCommand = mountChainOfCommand(workspace, status, inspector, requireElement('chains', HTMLOListElement), () => asOfInput.value || undefined);
const search = mountSearch(status, traceFrom);
let traced: ResultNode | null = null;
asOfInput.addEventListener('change', () => {
  if (traced) void traceFrom(traced);
});
showLegend(requireElement('legend', HTMLUListElement));
status.set({ state: 'idle', message: 'Search for a person, facility or organisation.' });
mountSession((session) => void mountViews(workspace, session));

function traceFrom(node: ResultNode): Promise<void> {
  traced = node;
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
