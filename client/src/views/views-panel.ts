// The saved-views panel: save (new view or new version), list, open, rename, delete, history, share.
// Titles, notes, names and ids come from users and leaked documents: all set as textContent.
import type { Session } from '../../../contract/api/session.ts';
import type { OpenedAnswer, SavedView } from '../../../contract/api/views.ts';
import { ApiError } from '../api.ts';
import { createElement } from '../dom.ts';
import { describeError } from '../panels/status.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { OpenViewRef } from './autosave.ts';
import { loadView } from './load-view.ts';
import { toViewBody } from './view-state.ts';
import { createView, deleteView, listVersions, listViews, openShared, openVersion, openView, saveVersion, setVisibility } from './views-api.ts';

export interface ViewsPanel {
  /** The view the canvas continues, if any: what "save as new version" builds on. */
  openView(): OpenViewRef | null;
  openShared(shareId: string): Promise<void>;
  /** After a reload: the open view as the unsaved work remembered it. */
  resume(ref: OpenViewRef | null): Promise<void>;
}

type PanelState = 'idle' | 'running' | 'done' | 'error' | 'conflict';

export function mountViewsPanel(container: HTMLElement, workspace: Workspace, session: Session, onOpenViewChange: () => void): ViewsPanel {
  const maySave = session.user.role !== 'viewer';
  let current: { ref: OpenViewRef; view: SavedView; shownVersion: number } | null = null;

  const status = createElement('p', { className: 'views-status', attrs: { id: 'views-status', role: 'status', 'aria-live': 'polite', 'data-state': 'idle' } });

  // The open view.
  const openTitle = createElement('h3', { attrs: { id: 'open-view-title' } });
  const openMeta = createElement('p', { className: 'open-view-meta', attrs: { id: 'open-view-meta' } });
  const sharedToggle = createElement('input', { attrs: { id: 'view-shared', type: 'checkbox' } });
  const sharedLabel = createElement('label', { attrs: { for: 'view-shared' } }, [sharedToggle, document.createTextNode(' Shared with every signed-in user')]);
  const shareLink = createElement('input', { attrs: { id: 'view-share-link', type: 'text', readonly: '', 'aria-label': 'Share link', spellcheck: 'false' } });
  const copyLink = createElement('button', { text: 'Copy link', attrs: { id: 'view-copy-link', type: 'button' } });
  const shareHint = createElement('p', { className: 'hint', attrs: { id: 'view-share-hint' } });
  const renameInput = createElement('input', { attrs: { id: 'view-rename-title', name: 'title', required: '', maxlength: '200', 'aria-label': 'New title' } });
  const renameForm = createElement('form', { className: 'view-rename', attrs: { id: 'view-rename' } }, [
    renameInput,
    createElement('button', { text: 'Rename', attrs: { type: 'submit' } }),
  ]);
  const historyButton = createElement('button', { text: 'Version history', attrs: { id: 'view-history', type: 'button' } });
  const versionList = createElement('ol', { className: 'view-versions', attrs: { id: 'view-versions', 'aria-label': 'Versions' } });
  const deleteButton = createElement('button', { text: 'Delete…', attrs: { id: 'view-delete', type: 'button' } });
  const deleteQuestion = createElement('span', { attrs: { id: 'view-delete-question' } });
  const deleteYes = createElement('button', { text: 'Delete for good', attrs: { id: 'view-delete-yes', type: 'button' } });
  const deleteNo = createElement('button', { text: 'Keep it', attrs: { id: 'view-delete-no', type: 'button' } });
  const deleteConfirm = createElement('p', { className: 'view-delete-confirm', attrs: { id: 'view-delete-confirm', role: 'alert' } }, [
    deleteQuestion,
    deleteYes,
    deleteNo,
  ]);
  deleteConfirm.hidden = true;
  const changesSummary = createElement('p', { attrs: { id: 'view-changes-summary' } });
  const removedList = createElement('ul', { className: 'view-removed', attrs: { id: 'view-removed', 'aria-label': 'Removed since the save' } });
  const changes = createElement('section', { className: 'view-changes', attrs: { id: 'view-changes', 'aria-label': 'What changed since the save' } }, [
    changesSummary,
    removedList,
  ]);
  const ownerControls = [sharedLabel, renameForm, createElement('p', {}, [deleteButton]), deleteConfirm];
  const openSection = createElement('section', { className: 'open-view', attrs: { id: 'open-view', 'aria-labelledby': 'open-view-title' } }, [
    openTitle,
    openMeta,
    createElement('p', { className: 'share-link' }, [shareLink, copyLink]),
    shareHint,
    ...ownerControls,
    createElement('p', {}, [historyButton]),
    versionList,
    changes,
  ]);
  openSection.hidden = true;

  // Saving.
  const titleInput = createElement('input', { attrs: { id: 'view-title', name: 'title', required: '', maxlength: '200' } });
  const notesInput = createElement('textarea', { attrs: { id: 'view-notes', name: 'notes', rows: '3', maxlength: '10000' } });
  const saveNew = createElement('button', { text: 'Save as new view', attrs: { id: 'view-save-new', type: 'submit', value: 'new' } });
  const saveNext = createElement('button', { text: 'Save as new version', attrs: { id: 'view-save-version', type: 'submit', value: 'version' } });
  const saveForm = createElement('form', { className: 'view-save', attrs: { id: 'view-save-form' } }, [
    createElement('label', { text: 'Title', attrs: { for: 'view-title' } }),
    titleInput,
    createElement('label', { text: 'Notes', attrs: { for: 'view-notes' } }),
    notesInput,
    createElement('p', {}, [saveNew, saveNext]),
  ]);
  saveForm.hidden = !maySave;

  // The list.
  const scope = createElement('select', { attrs: { id: 'views-scope', 'aria-label': 'Which views' } }, [
    createElement('option', { text: 'Mine', attrs: { value: 'mine' } }),
    createElement('option', { text: 'Mine and shared', attrs: { value: 'all' } }),
  ]);
  const refresh = createElement('button', { text: 'Refresh', attrs: { id: 'views-refresh', type: 'button' } });
  const list = createElement('ul', { className: 'views-list', attrs: { id: 'views-list', 'aria-label': 'Saved views' } });

  container.replaceChildren(
    createElement('h2', { text: 'Saved views', attrs: { id: 'views-title' } }),
    status,
    openSection,
    saveForm,
    createElement('p', { className: 'views-list-controls' }, [scope, refresh]),
    list,
  );
  renderOpen();
  void refreshList();

  saveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const asVersion = (event.submitter as HTMLButtonElement | null)?.value === 'version';
    void act('Saving…', async () => {
      const body = toViewBody(workspace.state(), { title: titleInput.value, notes: notesInput.value });
      const saved = current && asVersion ? await saveVersion(current.ref.id, current.ref.version, body) : await createView(body);
      setCurrent(saved.view, saved.version.version, saved.document.notes ?? '');
      await refreshList();
      return `Saved “${saved.view.title}”, version ${saved.version.version}.`;
    });
  });

  renameForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current) return;
    const { ref } = current;
    void act('Renaming…', async () => {
      // A rename is a new version of what was saved, with only the title changed; unsaved canvas work stays unsaved.
      const base = await openVersion(ref.id, ref.version);
      const saved = await saveVersion(ref.id, ref.version, { ...base.document, title: renameInput.value });
      setCurrent(saved.view, saved.version.version, saved.document.notes ?? '');
      await refreshList();
      return `Renamed to “${saved.view.title}” (version ${saved.version.version}).`;
    });
  });

  sharedToggle.addEventListener('change', () => {
    if (!current) return;
    const { ref, shownVersion } = current;
    const visibility = sharedToggle.checked ? 'shared' : 'private';
    void act(visibility === 'shared' ? 'Sharing…' : 'Making private…', async () => {
      const view = await setVisibility(ref.id, visibility);
      setCurrent(view, shownVersion, ref.notes);
      await refreshList();
      return visibility === 'shared' ? 'Shared: every signed-in user can open the link.' : 'Private: only you can open it.';
    });
  });

  copyLink.addEventListener('click', async () => {
    shareLink.select();
    try {
      await navigator.clipboard.writeText(shareLink.value);
      setStatus('done', 'Share link copied.');
    } catch {
      setStatus('done', 'Share link selected: copy it with Ctrl+C.');
    }
  });

  historyButton.addEventListener('click', () => {
    if (!current) return;
    const { ref } = current;
    void act('Reading the version history…', async () => {
      const { versions } = await listVersions(ref.id);
      versionList.replaceChildren(
        ...versions.map((version) => {
          const open = createElement('button', { text: `Open version ${version.version}`, attrs: { type: 'button' } });
          open.addEventListener('click', () => void openAndShow(`Opening version ${version.version}…`, () => openVersion(ref.id, version.version)));
          return createElement('li', { attrs: { 'data-version': String(version.version), 'data-author': version.author } }, [
            createElement('span', { className: 'version-title', text: version.title }),
            createElement('span', { className: 'version-meta', text: ` — ${version.author}, ${formatTime(version.savedAt)} ` }),
            open,
          ]);
        }),
      );
      return `${versions.length} version${versions.length === 1 ? '' : 's'}.`;
    });
  });

  deleteButton.addEventListener('click', () => {
    if (!current) return;
    deleteQuestion.textContent = `Delete “${current.view.title}” and all its versions? Its share link stops working. `;
    deleteConfirm.hidden = false;
  });
  deleteNo.addEventListener('click', () => {
    deleteConfirm.hidden = true;
  });
  deleteYes.addEventListener('click', () => {
    if (!current) return;
    const { view } = current;
    void act('Deleting…', async () => {
      await deleteView(view.id);
      current = null;
      renderOpen();
      onOpenViewChange();
      await refreshList();
      return `Deleted “${view.title}”. What is on the canvas stays until you change it.`;
    });
  });

  scope.addEventListener('change', () => void refreshList());
  refresh.addEventListener('click', () => void refreshList());

  async function refreshList(): Promise<void> {
    try {
      const { views, more } = await listViews(scope.value === 'all' ? 'all' : 'mine');
      list.replaceChildren(
        ...views.map((view) => {
          const open = createElement('button', { className: 'view-open', text: view.title, attrs: { type: 'button' } });
          open.addEventListener('click', () => void openAndShow(`Opening “${view.title}”…`, () => openView(view.id)));
          return createElement('li', { attrs: { 'data-view-id': view.id, 'data-visibility': view.visibility } }, [
            open,
            createElement('span', {
              className: 'view-meta',
              text: ` ${view.author}, v${view.currentVersion}, ${formatTime(view.updatedAt)}${view.visibility === 'shared' ? ', shared' : ''}`,
            }),
          ]);
        }),
        ...(more ? [createElement('li', { className: 'hint', text: 'More views exist than are listed here.' })] : []),
      );
      if (views.length === 0) list.replaceChildren(createElement('li', { className: 'hint', text: 'No saved views yet.' }));
    } catch (error) {
      setStatus('error', describeError(error));
    }
  }

  async function openAndShow(message: string, fetchView: () => Promise<OpenedAnswer>): Promise<void> {
    await act(message, async () => {
      const opened = await fetchView();
      const loaded = loadView(opened);
      await workspace.restore(loaded.state, { highlight: loaded.highlight });
      setCurrent(opened.view, opened.version.version, opened.document.notes ?? '');
      titleInput.value = opened.document.title;
      notesInput.value = opened.document.notes ?? '';
      showChanges(opened, loaded.highlight, loaded.unavailable, loaded.queryProblem);
      return `Opened “${opened.document.title}”, version ${opened.version.version} of ${opened.view.currentVersion}.`;
    });
  }

  function showChanges(
    opened: OpenedAnswer,
    highlight: { added: string[]; changed: string[]; removed: string[] },
    unavailable: string[],
    queryProblem: string | null,
  ): void {
    const parts = [`Since this version was saved (${formatTime(opened.changes.since)}):`];
    parts.push(
      `${highlight.added.length} added and ${highlight.changed.length} changed (highlighted on the graph), ${highlight.removed.length} removed from the graph.`,
    );
    if (opened.changes.added === null && opened.changes.addedUnknownBecause)
      parts.push(`What was added cannot be known: ${opened.changes.addedUnknownBecause}.`);
    if (queryProblem) parts.push(`The view's query did not run again (${queryProblem}).`);
    if (unavailable.length > 0) parts.push(`${unavailable.length} saved elements could not be loaded.`);
    changesSummary.textContent = parts.join(' ');
    changes.dataset.added = String(highlight.added.length);
    changes.dataset.changed = String(highlight.changed.length);
    changes.dataset.removed = String(highlight.removed.length);
    removedList.replaceChildren(...highlight.removed.map((id) => createElement('li', { text: id, attrs: { 'data-id': id } })));
  }

  function setCurrent(view: SavedView, shownVersion: number, notes: string): void {
    current = { view, shownVersion, ref: { id: view.id, shareId: view.shareId, version: view.currentVersion, title: view.title, notes } };
    renderOpen();
    onOpenViewChange();
  }

  function renderOpen(): void {
    openSection.hidden = current === null;
    saveNext.disabled = current === null;
    deleteConfirm.hidden = true;
    versionList.replaceChildren();
    if (!current) {
      delete openSection.dataset.viewId;
      changesSummary.textContent = '';
      removedList.replaceChildren();
      return;
    }
    const { view, shownVersion } = current;
    openSection.dataset.viewId = view.id;
    openSection.dataset.version = String(shownVersion);
    openSection.dataset.visibility = view.visibility;
    openTitle.textContent = view.title;
    openMeta.textContent = `Version ${shownVersion} of ${view.currentVersion}, created by ${view.author}, last saved ${formatTime(view.updatedAt)}.`;
    sharedToggle.checked = view.visibility === 'shared';
    shareLink.value = new URL(view.links.share, location.origin).href;
    shareHint.textContent =
      view.visibility === 'shared' ? 'Anyone signed in to this server can open the link.' : 'Only you can open the link until the view is shared.';
    renameInput.value = view.title;
    const owns = maySave && (view.owner === session.user.id || view.owner === null || session.user.role === 'admin');
    for (const control of ownerControls) if (control !== deleteConfirm) control.hidden = !owns;
    saveNext.hidden = !owns;
  }

  async function act(message: string, task: () => Promise<string>): Promise<void> {
    setStatus('running', message);
    try {
      setStatus('done', await task());
    } catch (error) {
      setStatus(error instanceof ApiError && error.status === 409 ? 'conflict' : 'error', describeError(error));
    }
  }

  function setStatus(state: PanelState, message: string): void {
    status.dataset.state = state;
    status.textContent = message;
  }

  return {
    openView: () => current?.ref ?? null,
    openShared: (shareId) => openAndShow('Opening the shared view…', () => openShared(shareId)),
    async resume(ref) {
      if (!ref) return;
      // The view's record as it is now; the canvas keeps the unsaved work, and saves build on the same base.
      try {
        const { view } = await listVersions(ref.id);
        current = { view, shownVersion: ref.version, ref };
        titleInput.value = ref.title;
        notesInput.value = ref.notes;
        renderOpen();
      } catch (error) {
        // Deleted meanwhile, or no longer shared: the work stays, as unsaved work with no view.
        setStatus('error', describeError(error));
      }
    },
  };
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
