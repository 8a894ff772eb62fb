// Saved views, share links, exports and the reload-proof copy of unsaved work, on one workspace.
import './views.css';
import type { Session } from '../../../contract/api/session.ts';
import { requireElement } from '../dom.ts';
import { type Panel, type PanelContext, type PanelLifetime, panelLifetime } from '../panels/panel.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';
import { debounce, forgetUnsaved, readUnsaved, saveUnsaved, shareIdFromPath } from './autosave.ts';
import { mountExportMenu } from './export-menu.ts';
import type { OpenedAnswer } from '../../../contract/api/views.ts';
import type { OpenViewRef } from './autosave.ts';
import { mountViewsPanel, type ViewsPanel } from './views-panel.ts';

/** Long enough that dragging a node writes once, short enough that a reload right after loses nothing noticeable. */
const autosaveDelayMs = 400;

/** What the page offers other panels of the saved views: the open view, and opening one fetched elsewhere. */
export interface Views extends Panel {
  openView(): OpenViewRef | null;
  show(message: string, fetchView: () => Promise<OpenedAnswer>): Promise<void>;
}

/**
 * Mounts on #views-panel (and the toolbar's #export-menu) once an account is signed in. Opens the
 * view of a `/v/<shareId>` address, or puts back the unsaved work of this tab.
 */
export function mountViews({ workspace, account }: PanelContext, element: HTMLElement): Views {
  const lifetime = panelLifetime();
  let ready: ViewsPanel | null = null;
  void account.signedIn.then((session) => {
    if (!lifetime.signal.aborted) ready = startViews(workspace, session, element, lifetime);
  });
  return {
    openView: () => ready?.openView() ?? null,
    show: async (message, fetchView) => ready?.show(message, fetchView),
    dispose: lifetime.dispose,
  };
}

/** Mounts the panel at once and hands it back; the unsaved work or a shared link opens after. */
function startViews(workspace: ExplorerWorkspace, session: Session, element: HTMLElement, lifetime: PanelLifetime): ViewsPanel {
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

  void resumeViews(workspace, panel, lifetime, storage, unsaved, autosave);
  return panel;
}

/** Listens for sign-out and page hide, then opens a shared link's view or puts back the unsaved work. */
async function resumeViews(
  workspace: ExplorerWorkspace,
  panel: ViewsPanel,
  lifetime: PanelLifetime,
  storage: Storage,
  unsaved: ReturnType<typeof readUnsaved>,
  autosave: ReturnType<typeof debounce>,
): Promise<void> {
  const { signal } = lifetime;
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
