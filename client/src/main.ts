// Wires the page: search -> chain of command -> graph, inspector and chain list, with one status line saying where things stand.
import './styles.css';
import cytoscape from 'cytoscape';
import type { Result, ResultNode } from '../../cypher/result.ts';
import { ApiError, fetchChain, fetchNode, fetchSession, isAbort, login, logout, searchNodes, type Session } from './api.ts';
import { createElement, requireElement } from './dom.ts';
import { summarizeChains, type ChainSummary } from './graph/chain-summary.ts';
import { layouts, registerLayouts, type LayoutName } from './graph/layouts.ts';
import { stylesheet } from './graph/style.ts';
import { toElements } from './graph/to-elements.ts';
import { markPickedChain, showChains, showNoChains } from './panels/chains.ts';
import { showEdge, showHint, showNode } from './panels/inspector.ts';
import { showLegend } from './panels/legend.ts';
import { createSearchPanel } from './panels/search.ts';
import { showStatus, type QueryKind, type QueryStatus } from './panels/status.ts';

declare global {
  interface Window {
    /** For browser tests, which only read it. */
    __xpf?: { readonly cy: cytoscape.Core };
  }
}

const searchLimit = 20;
const inspectorHint = 'Click a node or a link to see its properties and sources.';

const statusLine = requireElement('status', HTMLElement);
const inspector = requireElement('inspector', HTMLElement);
const chainList = requireElement('chains', HTMLOListElement);
const asOfInput = requireElement('as-of', HTMLInputElement);

claimCytoscapeStylesheet();
registerLayouts();
const cy = cytoscape({
  container: requireElement('graph', HTMLElement),
  style: stylesheet,
  minZoom: 0.1,
  maxZoom: 4,
  boxSelectionEnabled: false,
  selectionType: 'single',
});
window.__xpf = Object.freeze({ cy });

/** What the graph shows now, so the inspector can find properties and citations by id. */
let shown: { result: Result; chains: ChainSummary[] } | null = null;
let startNode: ResultNode | null = null;
let inFlight: AbortController | null = null;

const searchPanel = createSearchPanel(
  requireElement('search-form', HTMLFormElement),
  requireElement('search-input', HTMLInputElement),
  requireElement('search-results', HTMLUListElement),
  { search, pick: loadChain },
);
showLegend(requireElement('legend', HTMLUListElement));
setStatus({ state: 'idle', message: 'Search for a person, facility or organisation.' });
void startSession();

/** Even on a laptop the explorer needs a sign-in: the server answers nothing else without one. */
async function startSession(): Promise<void> {
  const loginSection = requireElement('login', HTMLElement);
  const loginForm = requireElement('login-form', HTMLFormElement);
  const loginError = requireElement('login-error', HTMLElement);
  const account = requireElement('account', HTMLElement);
  const signedIn = (session: Session) => {
    document.body.classList.remove('signed-out');
    loginSection.hidden = true;
    account.hidden = false;
    requireElement('account-name', HTMLElement).textContent = `${session.user.username} (${session.user.role})`;
  };
  const signedOut = () => {
    document.body.classList.add('signed-out');
    loginSection.hidden = false;
    account.hidden = true;
    requireElement('login-username', HTMLInputElement).focus();
  };
  loginForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(loginForm);
    loginError.textContent = '';
    try {
      signedIn(await login(String(data.get('username') ?? ''), String(data.get('password') ?? '')));
      loginForm.reset();
    } catch (error) {
      loginError.textContent = error instanceof ApiError ? error.message : 'The server did not answer.';
    }
  });
  requireElement('logout', HTMLButtonElement).addEventListener('click', async () => {
    await logout();
    location.reload();
  });
  try {
    const session = await fetchSession();
    if (session) signedIn(session);
    else signedOut();
  } catch {
    signedOut();
  }
}

asOfInput.addEventListener('change', () => {
  if (startNode) void loadChain(startNode);
});

cy.on('tap', 'node', (event) => inspectNode(event.target.id()));
cy.on('tap', 'edge', (event) => inspectEdge(event.target.id()));
cy.on('tap', (event) => {
  if (event.target !== cy) return;
  highlightChain(null);
  showHint(inspector, inspectorHint);
});

async function search(text: string): Promise<void> {
  const result = await run('search', `Searching for “${text}”…`, (signal) => searchNodes(text, searchLimit, signal));
  if (!result) return;
  searchPanel.showMatches(result);
  if (result.nodes.length === 0) {
    setStatus({ state: 'empty', query: 'search', message: `No name matches “${text}”.` });
    return;
  }
  const count = result.nodes.length === 1 ? '1 match' : `${result.nodes.length} matches`;
  setStatus({ state: 'done', query: 'search', truncated: result.meta.truncated, message: `${count} for “${text}”. Pick one to trace its chain of command.` });
}

async function loadChain(node: ResultNode): Promise<void> {
  startNode = node;
  searchPanel.markPicked(node.id);
  const name = nameOf(node);
  const asOf = asOfInput.value || undefined;
  const when = asOf ? ` as of ${asOf}` : ' (links of any date)';

  // A start with no chain is still drawn, from its details, so the analyst sees what was searched.
  const answer = await run('chain', `Tracing the chain of command of ${name}${when}…`, async (signal) => {
    const chain = await fetchChain(node.id, asOf, signal);
    return chain.paths.length > 0 ? chain : fetchNode(node.id, signal);
  });
  if (!answer) return;

  if (answer.paths.length === 0) {
    await draw(answer, 'overview');
    showNoChains(chainList, `No chain of command reaches the central leadership from ${name}${when}.`);
    inspectNode(node.id);
    setStatus({ state: 'empty', query: 'chain', message: `No chain of command found from ${name}${when}.` });
    return;
  }
  await draw(answer, 'chain');
  showChains(chainList, shown?.chains ?? [], (chain) => highlightChain(chain));
  inspectNode(node.id);
  const count = answer.paths.length === 1 ? '1 chain' : `${answer.paths.length} chains`;
  setStatus({ state: 'done', query: 'chain', truncated: answer.meta.truncated, message: `${count} of command from ${name}${when}.` });
}

/** Runs one request at a time: a newer one aborts the older, whose answer is then dropped. */
async function run<T>(query: QueryKind, message: string, task: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  setStatus({ state: 'running', query, message });
  try {
    return await task(controller.signal);
  } catch (error) {
    if (isAbort(error) || controller.signal.aborted) return undefined;
    setStatus({ state: 'error', query, message: describeError(error) });
    return undefined;
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

async function draw(result: Result, layout: LayoutName): Promise<void> {
  shown = { result, chains: summarizeChains(result) };
  cy.batch(() => {
    cy.elements().remove();
    cy.add(toElements(result));
  });
  const running = cy.layout(layouts[layout]);
  // Resolve on layoutstop, so `done` is only announced once positions are final.
  const stopped = running.promiseOn('layoutstop');
  running.run();
  await stopped;
}

function highlightChain(chain: ChainSummary | null): void {
  markPickedChain(chainList, chain?.number ?? null);
  cy.batch(() => {
    cy.elements().removeClass('faded');
    if (!chain) return;
    const members = new Set([...chain.nodeIds, ...chain.edgeIds]);
    cy.elements().filter((element) => !members.has(element.id())).addClass('faded');
  });
  if (!chain?.weakestLink) return;
  cy.elements().unselect();
  cy.getElementById(chain.weakestLink.id).select();
  inspectEdge(chain.weakestLink.id);
}

function inspectNode(id: string): void {
  const node = shown?.result.nodes.find((candidate) => candidate.id === id);
  if (!shown || !node) return;
  showNode(inspector, node, shown.result.citations, loadChain);
}

function inspectEdge(id: string): void {
  const edge = shown?.result.edges.find((candidate) => candidate.id === id);
  const drawn = cy.getElementById(id);
  if (!shown || !edge || drawn.empty()) return;
  const label = (nodeId: string) => String(cy.getElementById(nodeId).data('label') ?? nodeId);
  showEdge(
    inspector,
    edge,
    {
      from: label(drawn.data('source')),
      caption: String(drawn.data('caption')),
      to: label(drawn.data('target')),
      storedSource: label(edge.source),
      storedTarget: label(edge.target),
      weakestOf: shown.chains.filter((chain) => chain.weakestLink?.id === id).map((chain) => chain.number),
    },
    shown.result.citations,
  );
}

function setStatus(status: QueryStatus): void {
  showStatus(statusLine, status);
}

function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.errors.map((field) => `${field.field}: ${field.reason}`);
    return [`${error.title}: ${error.message}`, ...fields].join(' — ');
  }
  return error instanceof Error ? error.message : String(error);
}

function nameOf(node: ResultNode): string {
  return typeof node.properties.name === 'string' ? node.properties.name : node.id;
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
