// The chain list: each chain of command with its strength, length and weakest link named; picking one highlights it.
import { createElement } from '../dom.ts';
import type { ChainSummary } from '../graph/chain-summary.ts';

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
      text: chain.weakestLink
        ? `Weakest link: ${chain.weakestLink.lower} ${chain.weakestLink.caption} ${chain.weakestLink.upper}`
        : 'Weakest link: not named',
    }),
  ];
  const button = createElement('button', { attrs: { type: 'button', 'aria-pressed': 'false' } }, lines);
  button.addEventListener('click', () => onPick(chain));
  return createElement('li', { attrs: { 'data-chain': String(chain.number), 'data-strength': strength, 'data-weakest-link': chain.weakestLink?.id ?? '' } }, [button]);
}
