// A query form's node field: the analyst types a name and picks the node from the matches (an ARIA
// combobox), or fills it from the nodes selected on the graph. A pasted stable id is sent as typed.
import { kindOf } from '../../../contract/model.ts';
import type { ResultNode } from '../../../contract/result.ts';
import { isAbort, searchNodes } from '../api.ts';
import { createElement } from '../dom.ts';
import { kindStyles } from '../graph/style.ts';
import { nodeName } from '../graph/to-elements.ts';

export interface NodePicker {
  input: HTMLInputElement;
  element: HTMLElement;
  /** The picked node's id; text typed but not picked is taken as an id; undefined when empty. */
  value(): string | undefined;
  /** Fills the field with a node (its name shown), from the selection. */
  pick(id: string, name: string): void;
}

const suggestionLimit = 8;
const debounceMs = 300;

export function createNodePicker(id: string, name: string, signal: AbortSignal): NodePicker {
  const listId = `${id}-matches`;
  const input = createElement('input', {
    attrs: {
      id,
      name,
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'off',
      placeholder: 'Type a name, or select on the graph',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
    },
  });
  const list = createElement('ul', { className: 'picker-matches', attrs: { id: listId, role: 'listbox', 'aria-label': 'Matching nodes' } });
  list.hidden = true;
  let picked: { id: string; name: string } | null = null;
  let request: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = -1;
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    request?.abort();
  });

  const options = () => [...list.querySelectorAll<HTMLLIElement>('li[role="option"]')];
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (nodeId: string, nodeLabel: string) => {
    picked = { id: nodeId, name: nodeLabel };
    input.value = nodeLabel;
    input.dataset.nodeId = nodeId;
    close();
  };
  const setActive = (index: number) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    for (const [i, option] of all.entries()) option.setAttribute('aria-selected', String(i === active));
    input.setAttribute('aria-activedescendant', all[active]!.id);
  };
  const show = (nodes: readonly ResultNode[]) => {
    list.replaceChildren(
      ...nodes.map((node, i) => {
        const kind = kindStyles[kindOf(node.labels)];
        const option = createElement('li', { attrs: { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': node.id } }, [
          createElement('span', { className: 'match-name', text: nodeName(node) }),
          createElement('span', { className: 'match-kind', text: node.properties.synthetic === true ? `${kind.title}, synthetic` : kind.title }),
        ]);
        // Pressed before the input loses focus, so the pick is not lost to the blur that closes the list.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(node.id, nodeName(node));
        });
        return option;
      }),
    );
    if (nodes.length === 0) list.replaceChildren(createElement('li', { className: 'placeholder', text: 'No node of that name.' }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };
  const suggest = async (text: string) => {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    try {
      show((await searchNodes(text, { limit: suggestionLimit }, controller.signal)).nodes);
    } catch (error) {
      if (!isAbort(error)) list.replaceChildren(createElement('li', { className: 'placeholder', text: 'The search did not answer.' }));
    }
  };

  input.addEventListener(
    'input',
    () => {
      picked = null;
      delete input.dataset.nodeId;
      clearTimeout(timer);
      const text = input.value.trim();
      if (text.length < 2) return close();
      timer = setTimeout(() => void suggest(text), debounceMs);
    },
    { signal },
  );
  input.addEventListener(
    'keydown',
    (event) => {
      if (list.hidden) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        const option = options()[active];
        if (option) pick(option.dataset.id ?? '', option.querySelector('.match-name')?.textContent ?? '');
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    },
    { signal },
  );
  input.addEventListener('blur', close, { signal });

  return {
    input,
    element: createElement('div', { className: 'node-picker' }, [input, list]),
    value() {
      const text = input.value.trim();
      if (text === '') return undefined;
      return picked && picked.name === input.value ? picked.id : text;
    },
    pick,
  };
}
