// Saved views, share links, exports and the reload-proof copy of unsaved work, on one workspace.
import './views.css';
import type { Session } from '../../../contract/api/session.ts';
import { requireElement } from '../dom.ts';
import { type Panel, type PanelContext, type PanelLifetime, panelLifetime } from '../panels/panel.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';
import { debounce, forgetUnsaved, readUnsaved, saveUnsaved, shareIdFromPath } from './autosave.ts';
import { mountExportMenu } from './export-menu.ts';
import { mountViewsPanel } from './views-panel.ts';

/** Long enough that dragging a node writes once, short enough that a reload right after loses nothing noticeable. */
const autosaveDelayMs = 400;

/**
 * Mounts on #views-panel (and the toolbar's #export-menu) once an account is signed in. Opens the
 * view of a `/v/<shareId>` address, or puts back the unsaved work of this tab.
 */
export function mountViews({ workspace, account }: PanelContext, element: HTMLElement): Panel {
  const lifetime = panelLifetime();
  void account.signedIn.then((session) => {
    if (!lifetime.signal.aborted) void startViews(workspace, session, element, lifetime);
  });
  return { dispose: lifetime.dispose };
}

async function startViews(workspace: ExplorerWorkspace, session: Session, element: HTMLElement, lifetime: PanelLifetime): Promise<void> {
  const { signal } = lifetime;
  const storage = sessionStorage;
  const userId = session.user.id;
  // Another account signed in on this tab: its unsaved work is not this one's to see.
  forgetUnsaved(storage, userId);
  const unsaved = readUnsaved(storage, userId);

  const autosave = debounce(() => saveUnsaved(storage, userId, { state: workspace.state(), openView: panel.openView() }), autosaveDelayMs);
  lifetime.defer(autosave.cancel);
  const panel = mountViewsPanel(element, workspace, session, () => autosave.schedule());
  lifetime.defer(panel.dispose);
  mountExportMenu(
    requireElement('export-menu', HTMLElement),
    workspace,
    () => fileBaseName(panel.openView()?.title),
    () => panel.openView(),
    signal,
  );

  let stopped = false;
  // Capture phase: before the page's own sign-out handler reloads the page.
  document.getElementById('logout')?.addEventListener(
    'click',
    () => {
      autosave.cancel();
      stopped = true;
      forgetUnsaved(storage, null);
    },
    { capture: true, signal },
  );
  // A reload right after a change: keep it (the debounce would otherwise drop it).
  addEventListener(
    'pagehide',
    () => {
      if (!stopped) autosave.flush();
    },
    { signal },
  );

  const shareId = shareIdFromPath(location.pathname);
  if (shareId && unsaved?.openView?.shareId !== shareId) {
    await panel.openShared(shareId);
  } else if (unsaved) {
    await workspace.restore(unsaved.state);
    await panel.resume(unsaved.openView);
  }
  if (signal.aborted) return;
  lifetime.defer(
    workspace.onChange(() => {
      if (!stopped) autosave.schedule();
    }),
  );
}

function fileBaseName(title: string | undefined): string {
  const safe = (title ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return safe ? `xpf-${safe}` : 'xpf-graph';
}
