// Sharing the open view: its link (the same for every version and title), a copy button, what the link
// opens for whom, and the owner's switch between private and shared.
import type { SavedView } from '../../../contract/api/views.ts';
import type { Visibility } from '../../../contract/queries/views/view-params.ts';
import type { z } from 'zod';
import { createElement } from '../dom.ts';

export interface ShareControls {
  /** The link and its copy button, in their line. */
  readonly linkLine: HTMLElement;
  readonly hint: HTMLElement;
  /** The private/shared switch with its label: only the owner sees it. */
  readonly toggle: HTMLElement;
  show(view: SavedView): void;
}

export interface ShareHandlers {
  setVisibility(visibility: z.infer<typeof Visibility>): void;
  /** Said on the views panel's status line once the link is copied (or only selected). */
  copied(message: string): void;
}

export function createShareControls(handlers: ShareHandlers, signal: AbortSignal): ShareControls {
  const sharedToggle = createElement('input', { attrs: { id: 'view-shared', type: 'checkbox' } });
  const toggle = createElement('label', { attrs: { for: 'view-shared' } }, [sharedToggle, document.createTextNode(' Shared with every signed-in user')]);
  const shareLink = createElement('input', { attrs: { id: 'view-share-link', type: 'text', readonly: '', 'aria-label': 'Share link', spellcheck: 'false' } });
  const copyLink = createElement('button', { text: 'Copy link', attrs: { id: 'view-copy-link', type: 'button' } });
  const hint = createElement('p', { className: 'hint', attrs: { id: 'view-share-hint' } });

  sharedToggle.addEventListener('change', () => handlers.setVisibility(sharedToggle.checked ? 'shared' : 'private'), { signal });
  copyLink.addEventListener(
    'click',
    async () => {
      shareLink.select();
      try {
        await navigator.clipboard.writeText(shareLink.value);
        handlers.copied('Share link copied.');
      } catch {
        handlers.copied('Share link selected: copy it with Ctrl+C.');
      }
    },
    { signal },
  );

  return {
    linkLine: createElement('p', { className: 'share-link' }, [shareLink, copyLink]),
    hint,
    toggle,
    show(view) {
      sharedToggle.checked = view.visibility === 'shared';
      shareLink.value = new URL(view.links.share, location.origin).href;
      hint.textContent =
        view.visibility === 'shared' ? 'Anyone signed in to this server can open the link.' : 'Only you can open the link until the view is shared.';
    },
  };
}
