// The chain list: each chain of command with its strength, length and weakest link named; picking one highlights it.
import type { EvidenceQueryName } from '../../../contract/queries/index.ts';
import type { Json, Result, ResultNode } from '../../../contract/result.ts';
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

/** Tracing a chain of command replaces the canvas with it, lists its chains, and lets the analyst pick one to highlight. */
export function mountChainOfCommand(context: PanelContext, list: HTMLOListElement): ChainOfCommand {
  const { workspace, status, runner } = context;
  const { cy } = workspace;
  const lifetime = panelLifetime();
  // The checkbox above the list (index.html): hypothesis links enter a chain only when it is ticked.
  const hypothesesBox = list.parentElement?.querySelector<HTMLInputElement>('#chain-hypotheses') ?? null;
  const includeHypotheses = () => hypothesesBox?.checked === true;
  const highlight = (chain: ChainSummary | null) => {
    markPickedChain(list, chain?.number ?? null);
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
  // Undo, a saved view or a filter may change what is drawn: the list follows the paths the workspace holds.
  // Results are immutable: a change that kept the same one (a drag, a pan, a pin) leaves the list as it is.
  let summarized: Result | null = null;
  let chains: ChainSummary[] = [];
  lifetime.defer(
    workspace.onChange(() => {
      const result = workspace.result();
      if (result === summarized) return;
      summarized = result;
      chains = summarizeChains(chainsOnly(result));
      if (chains.length > 0) showChains(list, chains, highlight);
    }),
  );

  const traceAsOf = async (node: ResultNode, asOf: string | undefined) => {
    const name = nodeName(node);
    const when = asOf ? ` as of ${asOf}` : ' (links of any date)';
    // A start with no chain is still drawn, from its details, so the analyst sees what was searched.
    const answer = await status.run(
      'chain',
      `Tracing the chain of command of ${name}${when}…`,
      async (signal) => {
        const chain = await fetchChain(node.id, asOf, signal, includeHypotheses());
        return chain.paths.length > 0 ? chain : fetchNode(node.id, signal);
      },
      lifetime.signal,
    );
    if (!answer) return;
    const parameters: Record<string, Json> = asOf ? { id: node.id, asOf } : { id: node.id };
    const query = { name: chainQuery, parameters };
    if (answer.paths.length === 0) {
      await workspace.draw(answer, { mode: 'replace', layout: 'overview', query });
      showNoChains(list, `No chain of command reaches the central leadership from ${name}${when}.`);
      context.inspectNode(node.id);
      status.set({ state: 'empty', query: 'chain', message: `No chain of command found from ${name}${when}.` });
      return;
    }
    await workspace.draw(answer, { mode: 'replace', layout: 'chain', query });
    // The draw's onChange listed the chains; none to list still empties the list.
    if (chains.length === 0) showChains(list, chains, highlight);
    context.inspectNode(node.id);
    const count = answer.paths.length === 1 ? '1 chain' : `${answer.paths.length} chains`;
    const through = Number(answer.summary.hypothesisChains ?? 0);
    const marked = through > 0 ? ` ${through} of them through a hypothesis link (an analyst’s, not evidence).` : '';
    status.set({ state: 'done', query: 'chain', truncated: answer.meta.truncated, message: `${count} of command from ${name}${when}.${marked}` });
  };
  return {
    trace(node) {
      runner.track('replace', (asOf) => traceAsOf(node, asOf));
      return traceAsOf(node, context.asOf());
    },
    dispose: lifetime.dispose,
  };
}

export function showChains(list: HTMLOListElement, chains: readonly ChainSummary[], onPick: (chain: ChainSummary) => void): void {
  list.replaceChildren(...chains.map((chain) => chainItem(chain, onPick)));
}

/** Says why the list is empty, so an empty panel is never mistaken for a failure to load. */
export function showNoChains(list: HTMLOListElement, text: string): void {
  list.replaceChildren(createElement('li', { className: 'placeholder', text }));
}

export function markPickedChain(list: HTMLOListElement, number: number | null): void {
  for (const button of list.querySelectorAll<HTMLButtonElement>('li[data-chain] > button')) {
    button.setAttribute('aria-pressed', String(button.parentElement?.dataset.chain === String(number)));
  }
}

function chainItem(chain: ChainSummary, onPick: (chain: ChainSummary) => void): HTMLLIElement {
  const strength = chain.strength ?? 'unknown';
  const lines = [
    createElement('span', { className: 'chain-head' }, [
      createElement('span', { text: `Chain ${chain.number}` }),
      createElement('span', { className: `badge badge-${strength}`, text: strength }),
      createElement('span', { text: `${chain.hops} ${chain.hops === 1 ? 'link' : 'links'}` }),
    ]),
    createElement('span', { className: 'chain-ends', text: `${chain.from} → ${chain.to}` }),
    createElement('span', {
      className: 'chain-weakest',
      text: chain.weakestLink ? `Weakest link: ${chain.weakestLink.lower} ${chain.weakestLink.caption} ${chain.weakestLink.upper}` : 'Weakest link: not named',
    }),
  ];
  const button = createElement('button', { attrs: { type: 'button', 'aria-pressed': 'false' } }, lines);
  button.addEventListener('click', () => onPick(chain));
  return createElement('li', { attrs: { 'data-chain': String(chain.number), 'data-strength': strength, 'data-weakest-link': chain.weakestLink?.id ?? '' } }, [
    button,
  ]);
}
