// The chain table: each chain of command with the end it reaches, its strength and its weakest link
// with the reason; picking one highlights it. It follows the drawing: no chain drawn, no table.
import { isInForce } from '../../../contract/model.ts';
import type { EvidenceQueryName } from '../../../contract/queries/index.ts';
import { type Json, mergeResults, type Result, type ResultNode } from '../../../contract/result.ts';
import { fetchChain, fetchNode } from '../api.ts';
import { createElement } from '../dom.ts';
import { type ChainSummary, chainsOnly, summarizeChains } from '../graph/chain-summary.ts';
import { nodeName } from '../graph/to-elements.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

export interface ChainOfCommand extends Panel {
  /** Draws every chain of command from `node` up to the leadership, as of the workspace's as-of date. */
  trace(node: ResultNode): Promise<void>;
}

/** What GET /api/chain/:id runs: a saved view of a traced chain re-runs it by this name. */
const chainQuery: EvidenceQueryName = 'chain-of-command';

const noChainText = 'No chain of command drawn. Trace one from a search match, or from a node’s menu.';

/** Tracing a chain of command replaces the canvas with it, tables its chains, and lets the analyst pick one to highlight. */
export function mountChainOfCommand(context: PanelContext, container: HTMLElement): ChainOfCommand {
  const { workspace, status, runner } = context;
  const { cy } = workspace;
  const lifetime = panelLifetime();
  // The checkbox above the list (index.html): hypothesis links enter a chain only when it is ticked.
  const hypothesesBox = container.parentElement?.querySelector<HTMLInputElement>('#chain-hypotheses') ?? null;
  const includeHypotheses = () => hypothesesBox?.checked === true;
  const highlight = (chain: ChainSummary | null) => {
    markPickedChain(container, chain?.number ?? null);
    cy.batch(() => {
      cy.elements().removeClass('faded');
      if (!chain) return;
      const members = new Set([...chain.nodeIds, ...chain.edgeIds]);
      cy.elements()
        .filter((element) => !members.has(element.id()))
        .addClass('faded');
    });
    if (!chain?.weakestLink) return;
    cy.elements().unselect();
    cy.getElementById(chain.weakestLink.id).select();
    context.inspectEdge(chain.weakestLink.id);
  };
  lifetime.onCanvas(cy, 'tap', (event) => {
    if (event.target === cy) highlight(null);
  });
  // Undo, a saved view, a filter or another query may change what is drawn: the table follows the
  // chains the workspace holds, and empties when the drawing holds none. Results are immutable: a
  // change that kept the same one (a drag, a pan, a pin) leaves the table as it is.
  let summarized: Result | null = null;
  let emptyText = noChainText;
  lifetime.defer(
    workspace.onChange(() => {
      const result = workspace.result();
      const filters = workspace.filters();
      const key = `${filters.asOf}|${filters.compareWith}`;
      if (result === summarized && container.dataset.dates === key) return;
      summarized = result;
      container.dataset.dates = key;
      const chains = summarizeChains(chainsOnly(result));
      cy.elements().removeClass('faded');
      if (chains.length === 0) showNoChains(container, emptyText);
      else showChains(container, chains, highlight, datesOf(result, filters));
      emptyText = noChainText;
    }),
  );

  const traceAsOf = async (node: ResultNode, asOf: string | undefined) => {
    const name = nodeName(node);
    const when = asOf ? ` as of ${asOf}` : ' (links of any date)';
    const compareWith = asOf ? workspace.filters().compareWith : undefined;
    // A start with no chain is still drawn, from its details, so the analyst sees what was searched.
    const answer = await status.run(
      'chain',
      `Tracing the chain of command of ${name}${when}…`,
      async (signal) => {
        const chain = await fetchChain(node.id, asOf, signal, includeHypotheses());
        // Comparing two dates: the other date's chains are drawn too, so what left is there to be marked.
        const both = compareWith ? mergeResults(await fetchChain(node.id, compareWith, signal, includeHypotheses()), chain) : chain;
        return both.paths.length > 0 ? both : fetchNode(node.id, signal);
      },
      lifetime.signal,
      () => void traceAsOf(node, asOf),
    );
    if (!answer) return;
    const parameters: Record<string, Json> = asOf ? { id: node.id, asOf } : { id: node.id };
    const query = { name: chainQuery, parameters };
    if (answer.paths.length === 0) {
      emptyText = `No chain of command reaches the central leadership from ${name}${when}.`;
      await workspace.draw(answer, { mode: 'replace', layout: 'overview', query });
      context.inspectNode(node.id);
      status.set({ state: 'empty', query: 'chain', message: `No chain of command found from ${name}${when}.` });
      return;
    }
    await workspace.draw(answer, { mode: 'replace', layout: 'chain', query });
    context.inspectNode(node.id);
    const count = summarizeChains(chainsOnly(answer)).length;
    const through = Number(answer.summary.hypothesisChains ?? 0);
    const marked = through > 0 ? ` ${through} of them through a hypothesis link (an analyst’s, not evidence).` : '';
    status.set({
      state: 'done',
      query: 'chain',
      truncated: answer.meta.truncated,
      message: `${count === 1 ? '1 chain' : `${count} chains`} of command from ${name}${when}.${marked}`,
    });
  };
  return {
    trace(node) {
      runner.track('replace', (asOf) => traceAsOf(node, asOf));
      return traceAsOf(node, context.asOf());
    },
    dispose: lifetime.dispose,
  };
}

/** The dates a chain held on, when two are compared: every link of it in force on that date. */
interface ChainDates {
  asOf: string;
  compareWith: string;
  holdsOn(chain: ChainSummary, date: string): boolean;
}

function datesOf(result: Result, filters: { asOf?: string; compareWith?: string }): ChainDates | null {
  if (!filters.asOf || !filters.compareWith) return null;
  const edges = new Map(result.edges.map((edge) => [edge.id, edge]));
  return {
    asOf: filters.asOf,
    compareWith: filters.compareWith,
    holdsOn: (chain, date) => chain.edgeIds.every((id) => isInForce(edges.get(id)?.properties ?? {}, date)),
  };
}

export function showChains(container: HTMLElement, chains: readonly ChainSummary[], onPick: (chain: ChainSummary) => void, dates: ChainDates | null): void {
  const head = createElement('tr', {}, [
    createElement('th', { text: 'Chain', attrs: { scope: 'col' } }),
    createElement('th', { text: 'Reaches', attrs: { scope: 'col' } }),
    createElement('th', { text: 'Weakest link', attrs: { scope: 'col' } }),
  ]);
  container.replaceChildren(
    createElement('table', { className: 'chain-table' }, [
      createElement('caption', { text: `${chains.length === 1 ? '1 chain' : `${chains.length} chains`} of command, strongest first` }),
      createElement('thead', {}, [head]),
      createElement(
        'tbody',
        {},
        chains.map((chain) => chainRow(chain, onPick, dates)),
      ),
    ]),
  );
}

/** Says why the table is empty, so an empty panel is never mistaken for a failure to load. */
export function showNoChains(container: HTMLElement, text: string): void {
  container.replaceChildren(createElement('p', { className: 'placeholder', text }));
}

export function markPickedChain(container: HTMLElement, number: number | null): void {
  for (const button of container.querySelectorAll<HTMLButtonElement>('tr[data-chain] button')) {
    const row = button.closest<HTMLElement>('tr');
    button.setAttribute('aria-pressed', String(row?.dataset.chain === String(number)));
  }
}

function chainRow(chain: ChainSummary, onPick: (chain: ChainSummary) => void, dates: ChainDates | null): HTMLTableRowElement {
  const strength = chain.strength ?? 'unknown';
  const pick = createElement('button', { attrs: { type: 'button', 'aria-pressed': 'false', title: 'Highlight this chain on the graph' } }, [
    createElement('span', { className: 'chain-number', text: String(chain.number) }),
    createElement('span', { className: `badge badge-${strength}`, text: strength }),
    createElement('span', { className: 'chain-hops', text: `${chain.hops} ${chain.hops === 1 ? 'link' : 'links'}` }),
  ]);
  pick.addEventListener('click', () => onPick(chain));
  const firstCell: Node[] = [pick];
  if (dates) {
    const now = dates.holdsOn(chain, dates.asOf);
    const then = dates.holdsOn(chain, dates.compareWith);
    const change = now && !then ? 'entered' : then && !now ? 'left' : 'kept';
    const text = change === 'entered' ? `new since ${dates.compareWith}` : change === 'left' ? `gone by ${dates.asOf}` : 'held on both dates';
    firstCell.push(createElement('span', { className: `chain-change change-${change}`, text, attrs: { 'data-change': change } }));
  }
  const { reaches } = chain;
  const heads = reaches.heads === true ? 'heads' : reaches.heads === false ? 'member of, not head of' : 'post in';
  const post = reaches.leader
    ? [
        createElement('span', { className: 'chain-leader', text: reaches.leader }),
        ...(reaches.post ? [createElement('span', { className: 'chain-post', text: reaches.post })] : []),
        createElement('span', { className: 'chain-body', text: `${heads} ${reaches.body}` }),
      ]
    : [
        createElement('span', { className: 'chain-leader', text: reaches.body }),
        createElement('span', { className: 'chain-post', text: 'no head recorded in force' }),
      ];
  return createElement('tr', { attrs: { 'data-chain': String(chain.number), 'data-strength': strength, 'data-weakest-link': chain.weakestLink?.id ?? '' } }, [
    createElement('td', { className: 'chain-pick' }, firstCell),
    createElement('td', { className: 'chain-reaches' }, post),
    createElement('td', { className: 'chain-weakest' }, weakestCell(chain)),
  ]);
}

function weakestCell(chain: ChainSummary): Node[] {
  const link = chain.weakestLink;
  if (!link) {
    return [createElement('span', { className: 'chain-uniform', text: chain.uniform ? `Every link ${chain.uniform}` : 'Not named' })];
  }
  const sources = link.sources.length === 1 ? `1 source: ${link.sources[0]}` : `${link.sources.length} sources`;
  const reason = [link.confidence ?? 'confidence unknown', sources, ...(link.basis ? [`recorded as “${link.basis}”`] : [])].join(' · ');
  return [
    createElement('span', { className: 'chain-link', text: `${link.lower} ${link.caption} ${link.upper}` }),
    createElement('span', { className: 'chain-reason', text: reason }),
  ];
}
