// The search panel's parts that are not the search itself: the filter controls (kind, records, place,
// year) and the cards that tell same-named people apart (birth year where the reader may see it, place,
// a short id), each card a button in a list that arrow keys move through.
import { displayOf, kindOf, type NodeLabel, PersonRole, searchableKinds } from '../../../contract/model.ts';
import type { ResultNode } from '../../../contract/result.ts';
import { createElement } from '../dom.ts';
import { kindStyles } from '../graph/style.ts';
import { dateOf, placeOf } from '../insights/canvas-rows.ts';

/** What the filters ask: `kinds` and `synthetic` go to the server; `place` and `year` narrow the page shown. */
export interface SearchFilters {
  kinds: string[];
  synthetic: boolean | undefined;
  place: string;
  year: string;
}

/** The kinds offered: the roles people hold (Officials, Guards, Detainees), then the kinds search finds. */
const kindChoices: readonly NodeLabel[] = [...PersonRole.options, ...searchableKinds];

export function createSearchFilters(onChange: () => void, signal: AbortSignal): { element: HTMLElement; read(): SearchFilters } {
  const kind = createElement('select', { attrs: { id: 'search-kind', 'aria-label': 'Kind of match' } }, [
    createElement('option', { text: 'Any kind', attrs: { value: '' } }),
    ...kindChoices.map((label) => createElement('option', { text: displayOf(label).plural, attrs: { value: label } })),
  ]);
  const records = createElement('select', { attrs: { id: 'search-synthetic', 'aria-label': 'Records searched' } }, [
    createElement('option', { text: 'All records', attrs: { value: '' } }),
    createElement('option', { text: 'Public record only', attrs: { value: 'false' } }),
    createElement('option', { text: 'Synthetic (test data) only', attrs: { value: 'true' } }),
  ]);
  const place = createElement('input', {
    attrs: { id: 'search-place', type: 'search', placeholder: 'Place', 'aria-label': 'Place (county, prefecture, type)', spellcheck: 'false' },
  });
  const year = createElement('input', {
    attrs: { id: 'search-year', type: 'number', min: '1900', max: '2100', placeholder: 'Year', 'aria-label': 'Year (a date or a year of birth)' },
  });
  for (const control of [kind, records]) control.addEventListener('change', onChange, { signal });
  for (const control of [place, year]) control.addEventListener('input', onChange, { signal });
  return {
    element: createElement('div', { className: 'search-filters', attrs: { role: 'group', 'aria-label': 'Search filters' } }, [kind, records, place, year]),
    read: () => ({
      kinds: kind.value ? [kind.value] : [],
      synthetic: records.value === '' ? undefined : records.value === 'true',
      place: place.value.trim().toLowerCase(),
      year: year.value.trim(),
    }),
  };
}

/** The page's matches that the place and year filters let through. */
export function matchesShown(nodes: readonly ResultNode[], filters: Pick<SearchFilters, 'place' | 'year'>): ResultNode[] {
  return nodes.filter((node) => {
    if (filters.place && !placeOf(node).toLowerCase().includes(filters.place)) return false;
    if (filters.year) {
      const dates = [node.properties.date, node.properties.birthDate].filter((value): value is string => typeof value === 'string');
      if (!dates.some((date) => date.startsWith(filters.year))) return false;
    }
    return true;
  });
}

/** An id short enough to read aloud and tell namesakes apart: its last eight characters. */
export function shortId(id: string): string {
  return id.length > 10 ? `…${id.slice(-8)}` : id;
}

export function toMatchItem(node: ResultNode): HTMLLIElement {
  const kind = kindOf(node.labels);
  const { name, nameZh, pinyin } = node.properties;
  const parts = [
    createElement('span', { className: 'match-name', text: typeof name === 'string' ? name : node.id }),
    createElement('span', { className: `match-kind kind-${kindStyles[kind].className}`, text: kindStyles[kind].title }),
  ];
  if (typeof nameZh === 'string' && nameZh !== name) parts.push(createElement('span', { className: 'match-zh', text: nameZh, attrs: { lang: 'zh' } }));
  if (typeof pinyin === 'string') parts.push(createElement('span', { className: 'match-pinyin', text: pinyin }));
  // What tells namesakes apart: the server sends a birth date only to readers who may see it.
  const facts = [dateOf(node), placeOf(node), `id ${shortId(node.id)}`].filter(Boolean);
  parts.push(createElement('span', { className: 'match-facts', text: facts.join(' · '), attrs: { title: node.id } }));
  if (node.properties.synthetic === true) parts.push(createElement('span', { className: 'badge badge-synthetic', text: 'SYNTHETIC' }));

  const button = createElement('button', { attrs: { type: 'button', 'aria-pressed': 'false' } }, parts);
  return createElement('li', { attrs: { 'data-id': node.id, 'data-kind': kind } }, [button]);
}

/** Up and down move between the cards (and from the search box to the first); Home and End to the ends. */
export function moveThroughCards(list: HTMLUListElement, input: HTMLInputElement, signal: AbortSignal): void {
  const buttons = () => [...list.querySelectorAll<HTMLButtonElement>('li[data-id] > button')];
  input.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'ArrowDown') return;
      const first = buttons()[0];
      if (!first) return;
      event.preventDefault();
      first.focus();
    },
    { signal },
  );
  list.addEventListener(
    'keydown',
    (event) => {
      const all = buttons();
      const at = all.indexOf(event.target as HTMLButtonElement);
      if (at < 0) return;
      const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    },
    { signal },
  );
}
