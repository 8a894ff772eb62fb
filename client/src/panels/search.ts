// The search panel: a search box with filters, a page of match cards with arrow-key navigation and
// paging; picking a match traces its chain of command.
import './search.css';
import type { Result, ResultNode } from '../../../contract/result.ts';
import { searchNodes } from '../api.ts';
import { createElement, requireElement, requirePart } from '../dom.ts';
import { type Panel, type PanelContext, type PanelLifetime, panelLifetime } from './panel.ts';
import { createSearchFilters, matchesShown, moveThroughCards, type SearchFilters, toMatchItem } from './search-cards.ts';

const searchLimit = 20;

export interface SearchPanel extends Panel {
  /** Asks the server for `text` (and shows it in the box): the start page's examples and Retry use it. */
  search(text: string): void;
  showMatches(result: Result, page: { offset: number; filters: SearchFilters }): void;
  markPicked(id: string): void;
}

/** Mounts the search box on its form: matches are listed in #search-results, and picking one traces its chain of command. */
export function mountSearch({ status, trace }: PanelContext, form: HTMLFormElement): SearchPanel {
  const lifetime = panelLifetime();
  const panel: SearchPanel = createSearchPanel(
    form,
    requirePart(form, 'search-input', HTMLInputElement),
    requireElement('search-results', HTMLUListElement),
    {
      async search(text, offset, filters) {
        const page = offset === 0 ? '' : ` (matches ${offset + 1} to ${offset + searchLimit})`;
        const result = await status.run(
          'search',
          `Searching for “${text}”${page}…`,
          (signal) =>
            searchNodes(
              text,
              { limit: searchLimit, offset, kinds: filters.kinds, ...(filters.synthetic === undefined ? {} : { synthetic: filters.synthetic }) },
              signal,
            ),
          lifetime.signal,
          () => panel.search(text),
        );
        if (!result) return;
        panel.showMatches(result, { offset, filters });
        if (result.nodes.length === 0) {
          status.set({ state: 'empty', query: 'search', message: `No name matches “${text}”${offset > 0 ? ' past the first pages' : ''}.` });
          return;
        }
        const count = result.nodes.length === 1 ? '1 match' : `${result.nodes.length} matches`;
        status.set({
          state: 'done',
          query: 'search',
          truncated: result.meta.truncated,
          message: `${count} for “${text}”${page}. Pick one to trace its chain of command.`,
        });
      },
      pick: (node) => void trace(node),
    },
    lifetime,
  );
  return panel;
}

interface SearchHandlers {
  search(text: string, offset: number, filters: SearchFilters): void;
  pick(node: ResultNode): void;
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
  let page: { result: Result; offset: number; filters: SearchFilters } | null = null;

  const ask = (text: string, offset = 0) => {
    clearTimeout(timer);
    lastAsked = text;
    handlers.search(text, offset, filters.read());
  };
  // Kind and records are asked of the server again; place and year narrow the page already here.
  const filters = createSearchFilters(() => {
    if (!page || !lastAsked) return;
    const asked = page.filters;
    const read = filters.read();
    const sameServerFilters = asked.kinds.join() === read.kinds.join() && asked.synthetic === read.synthetic;
    if (sameServerFilters) showPage();
    else ask(lastAsked);
  }, signal);
  input.after(filters.element);
  const previous = createElement('button', { text: '◂ Previous', attrs: { type: 'button', id: 'search-previous' } });
  const next = createElement('button', { text: 'Next ▸', attrs: { type: 'button', id: 'search-next' } });
  const where = createElement('span', { className: 'search-page', attrs: { id: 'search-page', 'aria-live': 'polite' } });
  const pager = createElement('div', { className: 'search-pager', attrs: { id: 'search-pager' } }, [previous, where, next]);
  pager.hidden = true;
  list.after(pager);
  previous.addEventListener('click', () => page && ask(lastAsked, Math.max(0, page.offset - searchLimit)), { signal });
  next.addEventListener('click', () => page && ask(lastAsked, page.offset + searchLimit), { signal });
  moveThroughCards(list, input, signal);

  const showPage = () => {
    if (!page) return;
    const shown = matchesShown(page.result.nodes, filters.read());
    nodesById = new Map(shown.map((node) => [node.id, node]));
    list.replaceChildren(...shown.map(toMatchItem));
    list.dataset.offset = String(page.offset);
    pager.hidden = page.offset === 0 && !page.result.meta.truncated;
    previous.disabled = page.offset === 0;
    next.disabled = !page.result.meta.truncated;
    const hidden = page.result.nodes.length - shown.length;
    where.textContent = `${page.offset + 1}–${page.offset + page.result.nodes.length}${hidden > 0 ? ` (${hidden} filtered out)` : ''}`;
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
    showMatches(result, shownPage) {
      page = { result, ...shownPage };
      showPage();
    },
    markPicked(id) {
      for (const item of list.querySelectorAll<HTMLLIElement>('li[data-id]')) {
        item.querySelector('button')?.setAttribute('aria-pressed', String(item.dataset.id === id));
      }
    },
    dispose: lifetime.dispose,
  };
}
