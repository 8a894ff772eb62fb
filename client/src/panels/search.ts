// The search panel: a search box and the list of matches; picking a match traces its chain of command.
import { kindOf } from '../../../contract/model.ts';
import type { Result, ResultNode } from '../../../contract/result.ts';
import { searchNodes } from '../api.ts';
import { createElement, requireElement, requirePart } from '../dom.ts';
import { kindStyles } from '../graph/style.ts';
import { type Panel, type PanelContext, type PanelLifetime, panelLifetime } from './panel.ts';

const searchLimit = 20;

/** Mounts the search box on its form: matches are listed in #search-results, and picking one traces its chain of command. */
export function mountSearch({ status, trace }: PanelContext, form: HTMLFormElement): SearchPanel {
  const lifetime = panelLifetime();
  const panel: SearchPanel = createSearchPanel(
    form,
    requirePart(form, 'search-input', HTMLInputElement),
    requireElement('search-results', HTMLUListElement),
    {
      async search(text) {
        const result = await status.run(
          'search',
          `Searching for “${text}”…`,
          (signal) => searchNodes(text, searchLimit, signal),
          lifetime.signal,
          () => panel.search(text),
        );
        if (!result) return;
        panel.showMatches(result);
        if (result.nodes.length === 0) {
          status.set({ state: 'empty', query: 'search', message: `No name matches “${text}”.` });
          return;
        }
        const count = result.nodes.length === 1 ? '1 match' : `${result.nodes.length} matches`;
        status.set({
          state: 'done',
          query: 'search',
          truncated: result.meta.truncated,
          message: `${count} for “${text}”. Pick one to trace its chain of command.`,
        });
      },
      pick: (node) => void trace(node),
    },
    lifetime,
  );
  return panel;
}

interface SearchHandlers {
  search(text: string): void;
  pick(node: ResultNode): void;
}

export interface SearchPanel extends Panel {
  /** Asks the server for `text` (and shows it in the box): the start page's examples and Retry use it. */
  search(text: string): void;
  showMatches(result: Result): void;
  markPicked(id: string): void;
}

/** Long enough to finish a word before the server is asked; Enter asks at once. */
const debounceMs = 400;
const minimumLength = 2;

function createSearchPanel(
  form: HTMLFormElement,
  input: HTMLInputElement,
  list: HTMLUListElement,
  handlers: SearchHandlers,
  lifetime: PanelLifetime,
): SearchPanel {
  const { signal } = lifetime;
  let timer: ReturnType<typeof setTimeout> | undefined;
  lifetime.defer(() => clearTimeout(timer));
  let lastAsked = '';
  let nodesById = new Map<string, ResultNode>();

  const ask = (text: string) => {
    clearTimeout(timer);
    lastAsked = text;
    handlers.search(text);
  };

  form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text.length > 0) ask(text);
    },
    { signal },
  );

  input.addEventListener(
    'input',
    () => {
      clearTimeout(timer);
      const text = input.value.trim();
      if (text.length < minimumLength || text === lastAsked) return;
      timer = setTimeout(() => ask(text), debounceMs);
    },
    { signal },
  );

  list.addEventListener(
    'click',
    (event) => {
      const item = event.target instanceof Element ? event.target.closest<HTMLLIElement>('li[data-id]') : null;
      const node = item ? nodesById.get(item.dataset.id ?? '') : undefined;
      if (node) handlers.pick(node);
    },
    { signal },
  );

  return {
    search(text) {
      input.value = text;
      ask(text);
    },
    showMatches(result) {
      nodesById = new Map(result.nodes.map((node) => [node.id, node]));
      list.replaceChildren(...result.nodes.map(toMatchItem));
    },
    markPicked(id) {
      for (const item of list.querySelectorAll<HTMLLIElement>('li[data-id]')) {
        item.querySelector('button')?.setAttribute('aria-pressed', String(item.dataset.id === id));
      }
    },
    dispose: lifetime.dispose,
  };
}

function toMatchItem(node: ResultNode): HTMLLIElement {
  const kind = kindOf(node.labels);
  const { name, nameZh, pinyin } = node.properties;
  const parts = [
    createElement('span', { className: 'match-name', text: typeof name === 'string' ? name : node.id }),
    createElement('span', { className: `match-kind kind-${kindStyles[kind].className}`, text: kindStyles[kind].title }),
  ];
  if (typeof nameZh === 'string') parts.push(createElement('span', { className: 'match-zh', text: nameZh, attrs: { lang: 'zh' } }));
  if (typeof pinyin === 'string') parts.push(createElement('span', { className: 'match-pinyin', text: pinyin }));
  if (node.properties.synthetic === true) parts.push(createElement('span', { className: 'badge badge-synthetic', text: 'SYNTHETIC' }));

  const button = createElement('button', { attrs: { type: 'button', 'aria-pressed': 'false' } }, parts);
  return createElement('li', { attrs: { 'data-id': node.id, 'data-kind': kind } }, [button]);
}
