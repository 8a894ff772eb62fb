// Saved views, share links, exports and the reload-proof copy of unsaved work, on one workspace.
import './views.css';
import type { Session } from '../../../contract/api/session.ts';
import { requireElement } from '../dom.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';
import { debounce, forgetUnsaved, readUnsaved, saveUnsaved, shareIdFromPath } from './autosave.ts';
import { mountExportMenu } from './export-menu.ts';
import { mountViewsPanel } from './views-panel.ts';

/** Long enough that dragging a node writes once, short enough that a reload right after loses nothing noticeable. */
const autosaveDelayMs = 400;

/**
 * Call once the account is signed in. Opens the view of a `/v/<shareId>` address, or puts back the
 * unsaved work of this tab; the page reloads on sign-out, so there is nothing to unmount.
 */
export async function mountViews(workspace: ExplorerWorkspace, session: Session): Promise<void> {
  const storage = sessionStorage;
  const userId = session.user.id;
  // Another account signed in on this tab: its unsaved work is not this one's to see.
  forgetUnsaved(storage, userId);
  const unsaved = readUnsaved(storage, userId);

  const autosave = debounce(() => saveUnsaved(storage, userId, { state: workspace.state(), openView: panel.openView() }), autosaveDelayMs);
  const panel = mountViewsPanel(requireElement('views-panel', HTMLElement), workspace, session, () => autosave.schedule());
  mountExportMenu(requireElement('export-menu', HTMLElement), workspace, () => fileBaseName(panel.openView()?.title));

  let stopped = false;
  // Capture phase: before the page's own sign-out handler reloads the page.
  document.getElementById('logout')?.addEventListener(
    'click',
    () => {
      autosave.cancel();
      stopped = true;
      forgetUnsaved(storage, null);
    },
    { capture: true },
  );
  // A reload right after a change: keep it (the debounce would otherwise drop it).
  addEventListener('pagehide', () => {
    if (!stopped) autosave.flush();
  });

  const shareId = shareIdFromPath(location.pathname);
  if (shareId && unsaved?.openView?.shareId !== shareId) {
    await panel.openShared(shareId);
  } else if (unsaved) {
    await workspace.restore(unsaved.state);
    await panel.resume(unsaved.openView);
  }
  workspace.onChange(() => {
    if (!stopped) autosave.schedule();
  });
}

function fileBaseName(title: string | undefined): string {
  const safe = (title ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return safe ? `xpf-${safe}` : 'xpf-graph';
}
