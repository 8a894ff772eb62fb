// The list of saved views: mine, or mine and those shared with every signed-in user; each opens with a click.
import type { SavedView } from '../../../contract/api/views.ts';
import { createElement } from '../dom.ts';
import { formatTime } from '../panels/format.ts';
import { listViews } from './views-api.ts';

export interface ViewList {
  /** The scope picker and the refresh button, in their line. */
  readonly controls: HTMLElement;
  readonly list: HTMLUListElement;
  /** Asks for the list again; a failure goes to `failed`, the list stays as it was. */
  refresh(): Promise<void>;
}

export interface ViewListHandlers {
  open(view: SavedView): void;
  failed(error: unknown): void;
}

export function createViewList(handlers: ViewListHandlers, signal: AbortSignal): ViewList {
  const scope = createElement('select', { attrs: { id: 'views-scope', 'aria-label': 'Which views' } }, [
    createElement('option', { text: 'Mine', attrs: { value: 'mine' } }),
    createElement('option', { text: 'Mine and shared', attrs: { value: 'all' } }),
  ]);
  const refreshButton = createElement('button', { text: 'Refresh', attrs: { id: 'views-refresh', type: 'button' } });
  const list = createElement('ul', { className: 'views-list', attrs: { id: 'views-list', 'aria-label': 'Saved views' } });

  const item = (view: SavedView) => {
    const open = createElement('button', { className: 'view-open', text: view.title, attrs: { type: 'button' } });
    open.addEventListener('click', () => handlers.open(view), { signal });
    return createElement('li', { attrs: { 'data-view-id': view.id, 'data-visibility': view.visibility } }, [
      open,
      createElement('span', {
        className: 'view-meta',
        text: ` ${view.author}, v${view.currentVersion}, ${formatTime(view.updatedAt)}${view.visibility === 'shared' ? ', shared' : ''}`,
      }),
    ]);
  };

  const refresh = async () => {
    try {
      const { views, more } = await listViews(scope.value === 'all' ? 'all' : 'mine', signal);
      list.replaceChildren(...views.map(item), ...(more ? [createElement('li', { className: 'hint', text: 'More views exist than are listed here.' })] : []));
      if (views.length === 0) list.replaceChildren(createElement('li', { className: 'hint', text: 'No saved views yet.' }));
    } catch (error) {
      if (!signal.aborted) handlers.failed(error);
    }
  };
  scope.addEventListener('change', () => void refresh(), { signal });
  refreshButton.addEventListener('click', () => void refresh(), { signal });
  return { controls: createElement('p', { className: 'views-list-controls' }, [scope, refreshButton]), list, refresh };
}
