// The Cases panel, opened from the masthead: the analyst's cases and those shared with them; one case
// open at a time with its views (opened as saved views open), notes, judgements and exports; a new
// case, members added and removed by user name, the view on the canvas attached (as a view or as an
// export in a format), notes and judgements attached from lists, items detached, the case renamed or
// deleted by its owner. Names and words come from users: all set as textContent. Plain buttons, forms
// and selects, so every action works from the keyboard.
import './cases.css';
import type { Session } from '../../../contract/api/session.ts';
import type { AttachBody, CaseAnswer, CaseDetailAnswer, CaseItemAnswer } from '../../../contract/api/cases.ts';
import { ExportFormat } from '../../../contract/api/export.ts';
import { createElement, requireElement } from '../dom.ts';
import {
  addMember,
  attachItem,
  createCase,
  deleteCase,
  detachItem,
  listCases,
  openCaseView,
  readableNotes,
  readCase,
  removeMember,
  renameCase,
  standingJudgements,
} from './cases-api.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';
import { createStatusLine, describeError } from './status.ts';

/** A labelled text field and its submit button, as one form. */
function textForm(id: string, label: string, button: string, maxLength: number): { form: HTMLFormElement; input: HTMLInputElement } {
  const input = createElement('input', { attrs: { id, type: 'text', maxlength: String(maxLength), required: '' } });
  const form = createElement('form', { className: 'cases-form' }, [
    createElement('label', { text: label, attrs: { for: id } }),
    input,
    createElement('button', { text: button, attrs: { type: 'submit' } }),
  ]);
  return { form, input };
}

/** What one item says in the list: its kind, and what it names as this reader may see it. */
function describeItem(item: CaseItemAnswer): string {
  if (!item.available) return `${item.kind}: not shown (${item.reason ?? 'unavailable'})`;
  if (item.kind === 'view') return `View: ${item.view?.title ?? item.itemId}`;
  if (item.kind === 'export') return `Export (${item.format}) of the view ${item.view?.title ?? item.itemId}`;
  if (item.kind === 'note') return `Note by ${item.note?.author}: ${item.note?.text ?? ''}`;
  const judgement = item.judgement;
  return `Judgement by ${judgement?.author}: ${judgement?.leftId} and ${judgement?.rightId} ${judgement?.verdict}${judgement?.note ? ` (${judgement.note})` : ''}`;
}

export function mountCases(context: PanelContext, element: HTMLElement): Panel {
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const opener = requireElement('cases-open', HTMLButtonElement);
  const { element: statusLine, status } = createStatusLine('cases-status', 'cases-status');
  const heading = createElement('h2', { text: 'Cases', attrs: { id: 'cases-title', tabindex: '-1' } });
  const creation = textForm('case-name', 'New case', 'Create case', 120);
  const list = createElement('ul', { className: 'cases-list', attrs: { id: 'cases-list' } });
  const openTitle = createElement('h3', { attrs: { id: 'case-title' } });
  const openMeta = createElement('p', { attrs: { id: 'case-meta' } });
  const attach = createElement('button', { text: 'Attach the current view', attrs: { id: 'case-attach-view', type: 'button' } });
  const exportFormat = createElement(
    'select',
    { attrs: { id: 'case-export-format', 'aria-label': 'Export format' } },
    ExportFormat.options.map((format) => createElement('option', { text: format, attrs: { value: format } })),
  );
  const attachExport = createElement('button', { text: 'Attach the current view as an export', attrs: { id: 'case-attach-export', type: 'button' } });
  const exportRow = createElement('div', { className: 'cases-form' }, [exportFormat, attachExport]);
  // Notes and judgements this account may read, offered when a case opens.
  const choice = createElement('select', { attrs: { id: 'case-attach-choice', 'aria-label': 'A note or judgement to attach' } });
  const attachChosen = createElement('button', { text: 'Attach', attrs: { id: 'case-attach-chosen', type: 'button' } });
  const choiceRow = createElement('div', { className: 'cases-form' }, [choice, attachChosen]);
  const membership = textForm('case-member', 'Add member (user name)', 'Add member', 200);
  const memberList = createElement('ul', { className: 'case-items', attrs: { id: 'case-members', 'aria-label': 'Members' } });
  const renaming = textForm('case-rename', 'Rename to', 'Rename', 120);
  const remove = createElement('button', { text: 'Delete this case', attrs: { id: 'case-delete', type: 'button' } });
  const items = createElement('ul', { className: 'case-items', attrs: { id: 'case-items' } });
  const openSection = createElement('section', { className: 'case-open', attrs: { id: 'case-open', 'aria-labelledby': 'case-title' } }, [
    openTitle,
    openMeta,
    attach,
    exportRow,
    choiceRow,
    items,
    membership.form,
    memberList,
    renaming.form,
    remove,
  ]);
  openSection.hidden = true;
  element.replaceChildren(heading, statusLine, creation.form, list, openSection);

  let session: Session | null = null;
  let current: CaseDetailAnswer | null = null;

  /** Runs one action: the panel's state says it is busy, then ready or failed, with the task's words on the status line. */
  const act = async (message: string, task: () => Promise<string>): Promise<void> => {
    element.dataset.state = 'loading';
    status.set({ state: 'running', query: 'view', message });
    try {
      const done = await task();
      status.set({ state: 'done', query: 'view', truncated: false, message: done });
      element.dataset.state = 'ready';
    } catch (error) {
      if (signal.aborted) return;
      status.set({ state: 'error', query: 'view', message: describeError(error) });
      element.dataset.state = 'error';
    }
  };

  /** A change to a case: made, then the case and the list of cases read again (both asked at once), as every action ends. */
  const changeCase = (busy: string, caseId: string, change: () => Promise<string>): Promise<void> =>
    act(busy, async () => {
      const done = await change();
      await Promise.all([openCase(caseId), refreshList()]);
      return done;
    });

  async function refreshList(): Promise<number> {
    const { cases } = await listCases(signal);
    list.replaceChildren(
      ...cases.map((one) => {
        const shared = one.owner === session?.user.id ? `${one.members.length} member${one.members.length === 1 ? '' : 's'}` : `shared by ${one.ownerName}`;
        const button = createElement('button', { text: one.name, attrs: { type: 'button', 'data-case-id': one.id } });
        button.addEventListener('click', () => void act(`Opening “${one.name}”…`, () => openCase(one.id)), { signal });
        return createElement('li', {}, [
          button,
          createElement('span', { className: 'hint', text: ` ${one.items} item${one.items === 1 ? '' : 's'}, ${shared}` }),
        ]);
      }),
    );
    if (cases.length === 0) list.replaceChildren(createElement('li', { className: 'hint', text: 'No cases yet.' }));
    return cases.length;
  }

  async function openCase(id: string): Promise<string> {
    current = await readCase(id, signal);
    renderOpen();
    if (session?.user.role !== 'viewer') await offerNotesAndJudgements();
    return `Opened “${current.case.name}”: ${current.items.length} item${current.items.length === 1 ? '' : 's'}.`;
  }

  function renderOpen(): void {
    openSection.hidden = current === null;
    if (!current) return;
    const shown: CaseAnswer = current.case;
    const user = session?.user;
    const owns = shown.owner === user?.id;
    openSection.dataset.caseId = shown.id;
    openTitle.textContent = shown.name;
    const members = shown.members.map((member) => member.username).join(', ') || 'nobody yet';
    openMeta.textContent = `Owned by ${shown.ownerName}; shared with ${members}.`;
    const writes = user?.role !== 'viewer';
    const manages = owns || user?.role === 'admin';
    for (const part of [attach, exportRow, choiceRow]) part.hidden = !writes;
    membership.form.hidden = !manages;
    renaming.form.hidden = !owns;
    remove.hidden = !owns;
    renaming.input.value = shown.name;
    memberList.replaceChildren(...shown.members.map((member) => memberRow(shown.id, member.username, manages)));
    items.replaceChildren(...current.items.map((item) => itemRow(shown.id, item, writes)));
    if (current.items.length === 0) items.replaceChildren(createElement('li', { className: 'hint', text: 'Nothing gathered yet.' }));
  }

  /** The notes and judgements this account may read, as options of the attach list (what the case holds left out). */
  async function offerNotesAndJudgements(): Promise<void> {
    const [notes, judgements] = await Promise.all([readableNotes(signal), standingJudgements(signal)]);
    const held = new Set(current?.items.map((item) => `${item.kind}:${item.itemId}`));
    const option = (kind: 'note' | 'judgement', id: string, text: string) =>
      createElement('option', { text: text.length > 90 ? `${text.slice(0, 89)}…` : text, attrs: { value: `${kind}:${id}` } });
    const noteOptions = notes.filter((note) => !held.has(`note:${note.id}`)).map((note) => option('note', note.id, `${note.author}: ${note.text}`));
    const judgementOptions = judgements
      .filter((judgement) => !held.has(`judgement:${judgement.id}`))
      .map((judgement) => option('judgement', judgement.id, `${judgement.leftId} and ${judgement.rightId}: ${judgement.verdict} (${judgement.author})`));
    const group = (label: string, options: HTMLOptionElement[]) => createElement('optgroup', { attrs: { label } }, options);
    choice.replaceChildren(
      ...(noteOptions.length > 0 ? [group('Notes', noteOptions)] : []),
      ...(judgementOptions.length > 0 ? [group('Identity judgements', judgementOptions)] : []),
    );
    if (choice.options.length === 0) choice.replaceChildren(createElement('option', { text: 'No note or judgement left to attach', attrs: { value: '' } }));
    attachChosen.disabled = choice.value === '';
  }

  function memberRow(caseId: string, username: string, manages: boolean): HTMLLIElement {
    const row = createElement('li', { attrs: { 'data-username': username } }, [createElement('span', { text: username })]);
    if (!manages) return row;
    const button = createElement('button', { text: 'Remove', attrs: { type: 'button', 'aria-label': `Remove ${username} from the case` } });
    button.addEventListener(
      'click',
      () =>
        void changeCase(`Removing ${username}…`, caseId, async () => {
          await removeMember(caseId, username);
          return `Removed ${username}.`;
        }),
      { signal },
    );
    row.append(' ', button);
    return row;
  }

  function itemRow(caseId: string, item: CaseItemAnswer, writes: boolean): HTMLLIElement {
    const row = createElement('li', { attrs: { 'data-kind': item.kind, 'data-item-id': item.itemId } }, [createElement('span', { text: describeItem(item) })]);
    if (writes) {
      const detach = createElement('button', {
        text: 'Detach',
        attrs: { type: 'button', 'data-action': 'detach', 'aria-label': `Detach ${describeItem(item)}` },
      });
      detach.addEventListener(
        'click',
        () =>
          void changeCase('Detaching…', caseId, async () => {
            await detachItem(caseId, item.id);
            return 'Detached from the case.';
          }),
        { signal },
      );
      row.append(' ', detach);
    }
    if (item.available && item.view) {
      const title = item.view.title;
      const open = createElement('button', { text: 'Open', attrs: { type: 'button', 'data-action': 'open', 'aria-label': `Open the view ${title}` } });
      open.addEventListener(
        'click',
        () =>
          void act(`Opening “${title}”…`, async () => {
            await context.showView(`Opening “${title}” from the case…`, () => openCaseView(caseId, item.itemId));
            return `Opened “${title}” from the case.`;
          }),
        { signal },
      );
      row.append(' ', open);
    }
    return row;
  }

  creation.form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      const name = creation.input.value;
      void act('Creating the case…', async () => {
        const created = await createCase(name);
        creation.input.value = '';
        await refreshList();
        await openCase(created.id);
        return `Created “${created.name}”.`;
      });
    },
    { signal },
  );
  membership.form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      if (!current) return;
      const { id } = current.case;
      const username = membership.input.value;
      void changeCase(`Sharing with ${username}…`, id, async () => {
        await addMember(id, username);
        membership.input.value = '';
        return `Shared with ${username}.`;
      });
    },
    { signal },
  );
  /** The saved view on the canvas; the case gathers views by their saved id. */
  const currentSavedView = () => {
    const view = context.currentView();
    if (!view) throw new Error('No saved view is open: save the canvas as a view first, then attach it.');
    return view;
  };
  /** Attaches what `choose` names to the open case and shows the case again; `choose` may refuse by throwing. */
  const attachToCase = (choose: () => { body: AttachBody; what: string }) => {
    if (!current) return;
    const { id } = current.case;
    void changeCase('Attaching…', id, async () => {
      const { body, what } = choose();
      await attachItem(id, body);
      return `Attached ${what}.`;
    });
  };
  attach.addEventListener(
    'click',
    () =>
      attachToCase(() => {
        const view = currentSavedView();
        return { body: { kind: 'view', id: view.id }, what: `“${view.title}”` };
      }),
    { signal },
  );
  attachExport.addEventListener(
    'click',
    () =>
      attachToCase(() => {
        const view = currentSavedView();
        const format = ExportFormat.parse(exportFormat.value);
        return { body: { kind: 'export', id: view.id, format }, what: `the ${format} export of “${view.title}”` };
      }),
    { signal },
  );
  attachChosen.addEventListener(
    'click',
    () => {
      const [kind, id] = choice.value.split(/:(.*)/s);
      if (kind === 'note' && id) attachToCase(() => ({ body: { kind, id }, what: 'the note' }));
      else if (kind === 'judgement' && id) attachToCase(() => ({ body: { kind, id }, what: 'the judgement' }));
    },
    { signal },
  );
  choice.addEventListener('change', () => (attachChosen.disabled = choice.value === ''), { signal });
  renaming.form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      if (!current) return;
      const { id } = current.case;
      const name = renaming.input.value;
      void changeCase('Renaming the case…', id, async () => `Renamed to “${(await renameCase(id, name)).name}”.`);
    },
    { signal },
  );
  remove.addEventListener(
    'click',
    () => {
      if (!current) return;
      const { id, name } = current.case;
      // Deleting a case takes its gathering away from every member (the views, notes and judgements stay).
      if (!window.confirm(`Delete the case “${name}” for everyone it is shared with? Its views, notes and judgements are kept.`)) return;
      void act('Deleting the case…', async () => {
        await deleteCase(id);
        current = null;
        renderOpen();
        await refreshList();
        return `Deleted “${name}”.`;
      });
    },
    { signal },
  );
  opener.addEventListener(
    'click',
    () => {
      element.hidden = !element.hidden;
      opener.setAttribute('aria-expanded', String(!element.hidden));
      if (element.hidden) return;
      heading.focus();
      void act('Reading your cases…', async () => {
        const count = await refreshList();
        return `${count} case${count === 1 ? '' : 's'}.`;
      });
    },
    { signal },
  );
  void context.account.signedIn.then((signedIn) => {
    session = signedIn;
  });
  return { dispose: lifetime.dispose };
}
