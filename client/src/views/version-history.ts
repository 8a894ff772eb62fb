// A view's version history: a button that asks for it, and the list of versions, each of which can be opened.
import type { VersionInfo } from '../../../contract/api/views.ts';
import { createElement } from '../dom.ts';
import { formatTime } from '../panels/format.ts';

export interface VersionHistory {
  /** The "Version history" button, in its line. */
  readonly button: HTMLElement;
  readonly list: HTMLOListElement;
  /** Lists a view's versions; `open` opens the one picked. */
  show(versions: readonly VersionInfo[], open: (version: VersionInfo) => void): void;
  clear(): void;
}

/** `ask` runs when the button is pressed: it fetches the versions and `show`s them. */
export function createVersionHistory(ask: () => void, signal: AbortSignal): VersionHistory {
  const historyButton = createElement('button', { text: 'Version history', attrs: { id: 'view-history', type: 'button' } });
  const list = createElement('ol', { className: 'view-versions', attrs: { id: 'view-versions', 'aria-label': 'Versions' } });
  historyButton.addEventListener('click', ask, { signal });
  return {
    button: createElement('p', {}, [historyButton]),
    list,
    show(versions, open) {
      list.replaceChildren(
        ...versions.map((version) => {
          const button = createElement('button', { text: `Open version ${version.version}`, attrs: { type: 'button' } });
          button.addEventListener('click', () => open(version), { signal });
          return createElement('li', { attrs: { 'data-version': String(version.version), 'data-author': version.author } }, [
            createElement('span', { className: 'version-title', text: version.title }),
            createElement('span', { className: 'version-meta', text: ` — ${version.author}, ${formatTime(version.savedAt)} ` }),
            button,
          ]);
        }),
      );
    },
    clear: () => list.replaceChildren(),
  };
}
