// The saved-views panel: save (new view or new version), list, open, rename, delete, history, share.
// This file keeps which view is open and runs each action against the API, reporting on the panel's
// own status line; the parts it composes (save-form, share-controls, delete-confirm, version-history,
// view-changes, view-list) only draw and listen. Titles, notes, names and ids come from users and
// leaked documents: all set as textContent.
import type { Session } from '../../../contract/api/session.ts';
import type { OpenedAnswer, SavedView } from '../../../contract/api/views.ts';
import { ApiError } from '../api.ts';
import { createElement } from '../dom.ts';
import { formatTime } from '../panels/format.ts';
import { type Panel, panelLifetime } from '../panels/panel.ts';
import { createStatusLine, describeError } from '../panels/status.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { OpenViewRef } from './autosave.ts';
import { createDeleteConfirm } from './delete-confirm.ts';
import { loadView } from './load-view.ts';
import { createRenameForm, createSaveForm } from './save-form.ts';
import { createShareControls } from './share-controls.ts';
import { createVersionHistory } from './version-history.ts';
import { createViewChanges } from './view-changes.ts';
import { createViewList } from './view-list.ts';
import { toViewBody } from './view-state.ts';
import { createView, deleteView, listVersions, openShared, openVersion, openView, saveVersion, setVisibility } from './views-api.ts';

export interface ViewsPanel extends Panel {
  /** The view the canvas continues, if any: what "save as new version" builds on. */
  openView(): OpenViewRef | null;
  openShared(shareId: string): Promise<void>;
  /** Opens a view another panel fetched (a case's view) as a saved view opens. */
  show(message: string, fetchView: () => Promise<OpenedAnswer>): Promise<void>;
  /** After a reload: the open view as the unsaved work remembered it. */
  resume(ref: OpenViewRef | null): Promise<void>;
}

export function mountViewsPanel(container: HTMLElement, workspace: Workspace, session: Session, onOpenViewChange: () => void): ViewsPanel {
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const maySave = session.user.role !== 'viewer';
  let current: { ref: OpenViewRef; view: SavedView; shownVersion: number } | null = null;

  const { element: statusLine, status } = createStatusLine('views-status', 'views-status');
  /** Runs one action of the panel: running, then the task's own words, or why it failed (409: a conflict). */
  const act = async (message: string, task: () => Promise<string>): Promise<void> => {
    status.set({ state: 'running', query: 'view', message });
    try {
      status.set({ state: 'done', query: 'view', truncated: false, message: await task() });
    } catch (error) {
      const state = error instanceof ApiError && error.status === 409 ? 'conflict' : 'error';
      status.set({ state, query: 'view', message: describeError(error) });
    }
  };
  const failed = (error: unknown) => status.set({ state: 'error', query: 'view', message: describeError(error) });

  const saveForm = createSaveForm(
    maySave,
    (asVersion, text) =>
      void act('Saving…', async () => {
        const body = toViewBody(workspace.state(), text);
        const saved = current && asVersion ? await saveVersion(current.ref.id, current.ref.version, body) : await createView(body);
        setCurrent(saved.view, saved.version.version, saved.document.notes ?? '');
        await list.refresh();
        return `Saved “${saved.view.title}”, version ${saved.version.version}.`;
      }),
    signal,
  );
  const renameForm = createRenameForm((title) => {
    if (!current) return;
    const { ref } = current;
    void act('Renaming…', async () => {
      // A rename is a new version of what was saved, with only the title changed; unsaved canvas work stays unsaved.
      const base = await openVersion(ref.id, ref.version);
      const saved = await saveVersion(ref.id, ref.version, { ...base.document, title });
      setCurrent(saved.view, saved.version.version, saved.document.notes ?? '');
      await list.refresh();
      return `Renamed to “${saved.view.title}” (version ${saved.version.version}).`;
    });
  }, signal);
  const share = createShareControls(
    {
      setVisibility(visibility) {
        if (!current) return;
        const { ref, shownVersion } = current;
        void act(visibility === 'shared' ? 'Sharing…' : 'Making private…', async () => {
          const view = await setVisibility(ref.id, visibility);
          setCurrent(view, shownVersion, ref.notes);
          await list.refresh();
          return visibility === 'shared' ? 'Shared: every signed-in user can open the link.' : 'Private: only you can open it.';
        });
      },
      copied: (message) => status.set({ state: 'done', query: 'view', truncated: false, message }),
    },
    signal,
  );
  const deletion = createDeleteConfirm(
    {
      title: () => current?.view.title ?? null,
      confirmed() {
        if (!current) return;
        const { view } = current;
        void act('Deleting…', async () => {
          await deleteView(view.id);
          current = null;
          renderOpen();
          onOpenViewChange();
          await list.refresh();
          return `Deleted “${view.title}”. What is on the canvas stays until you change it.`;
        });
      },
    },
    signal,
  );
  const history = createVersionHistory(() => {
    if (!current) return;
    const { ref } = current;
    void act('Reading the version history…', async () => {
      const { versions } = await listVersions(ref.id);
      history.show(versions, (version) => void openAndShow(`Opening version ${version.version}…`, () => openVersion(ref.id, version.version)));
      return `${versions.length} version${versions.length === 1 ? '' : 's'}.`;
    });
  }, signal);
  const changes = createViewChanges();
  const list = createViewList({ open: (view) => void openAndShow(`Opening “${view.title}”…`, () => openView(view.id)), failed }, signal);

  const openTitle = createElement('h3', { attrs: { id: 'open-view-title' } });
  const openMeta = createElement('p', { className: 'open-view-meta', attrs: { id: 'open-view-meta' } });
  /** Shown only to who may write the view; the delete question opens from its button. */
  const ownerControls = [share.toggle, renameForm.element, deletion.button];
  const openSection = createElement('section', { className: 'open-view', attrs: { id: 'open-view', 'aria-labelledby': 'open-view-title' } }, [
    openTitle,
    openMeta,
    share.linkLine,
    share.hint,
    ...ownerControls,
    deletion.confirm,
    history.button,
    history.list,
    changes.element,
  ]);
  openSection.hidden = true;

  container.replaceChildren(
    createElement('h2', { text: 'Saved views', attrs: { id: 'views-title' } }),
    statusLine,
    openSection,
    saveForm.element,
    list.controls,
    list.list,
  );
  renderOpen();
  void list.refresh();

  async function openAndShow(message: string, fetchView: () => Promise<OpenedAnswer>): Promise<void> {
    await act(message, async () => {
      const opened = await fetchView();
      const loaded = loadView(opened);
      await workspace.restore(loaded.state, { highlight: loaded.highlight });
      setCurrent(opened.view, opened.version.version, opened.document.notes ?? '');
      saveForm.fill(opened.document.title, opened.document.notes ?? '');
      changes.show(opened, loaded.highlight, loaded.unavailable, loaded.queryProblem);
      return `Opened “${opened.document.title}”, version ${opened.version.version} of ${opened.view.currentVersion}.`;
    });
  }

  function setCurrent(view: SavedView, shownVersion: number, notes: string): void {
    current = { view, shownVersion, ref: { id: view.id, shareId: view.shareId, version: view.currentVersion, title: view.title, notes } };
    renderOpen();
    onOpenViewChange();
  }

  function renderOpen(): void {
    openSection.hidden = current === null;
    deletion.close();
    history.clear();
    if (!current) {
      saveForm.showOpen(null);
      delete openSection.dataset.viewId;
      changes.clear();
      return;
    }
    const { view, shownVersion } = current;
    const owns = maySave && (view.owner === session.user.id || view.owner === null || session.user.role === 'admin');
    saveForm.showOpen({ owns });
    openSection.dataset.viewId = view.id;
    openSection.dataset.version = String(shownVersion);
    openSection.dataset.visibility = view.visibility;
    openTitle.textContent = view.title;
    openMeta.textContent = `Version ${shownVersion} of ${view.currentVersion}, created by ${view.author}, last saved ${formatTime(view.updatedAt)}.`;
    share.show(view);
    renameForm.show(view.title);
    for (const control of ownerControls) control.hidden = !owns;
  }

  return {
    openView: () => current?.ref ?? null,
    openShared: (shareId) => openAndShow('Opening the shared view…', () => openShared(shareId)),
    show: openAndShow,
    async resume(ref) {
      if (!ref) return;
      // The view's record as it is now; the canvas keeps the unsaved work, and saves build on the same base.
      try {
        const { view } = await listVersions(ref.id);
        current = { view, shownVersion: ref.version, ref };
        saveForm.fill(ref.title, ref.notes);
        renderOpen();
      } catch (error) {
        // Deleted meanwhile, or no longer shared: the work stays, as unsaved work with no view.
        failed(error);
      }
    },
    dispose: lifetime.dispose,
  };
}
