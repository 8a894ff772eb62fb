// The Cases panel, opened from the masthead: the analyst's cases and those shared with them; one case
// open at a time with its views (opened as saved views open), notes, judgements and exports; a new
// case, a member added by user name, and the view on the canvas attached. Names and words come from
// users: all set as textContent. Plain buttons and forms, so every action works from the keyboard.
import './cases.css';
import type { Session } from '../../../contract/api/session.ts';
import type { CaseAnswer, CaseDetailAnswer, CaseItemAnswer } from '../../../contract/api/cases.ts';
import { createElement, requireElement } from '../dom.ts';
import { addMember, attachItem, createCase, listCases, openCaseView, readCase } from './cases-api.ts';
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
  const membership = textForm('case-member', 'Add member (user name)', 'Add member', 200);
  const items = createElement('ul', { className: 'case-items', attrs: { id: 'case-items' } });
  const openSection = createElement('section', { className: 'case-open', attrs: { id: 'case-open', 'aria-labelledby': 'case-title' } }, [
    openTitle,
    openMeta,
    attach,
    membership.form,
    items,
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
    attach.hidden = user?.role === 'viewer';
    membership.form.hidden = !(owns || user?.role === 'admin');
    items.replaceChildren(...current.items.map((item) => itemRow(shown.id, item)));
    if (current.items.length === 0) items.replaceChildren(createElement('li', { className: 'hint', text: 'Nothing gathered yet.' }));
  }

  function itemRow(caseId: string, item: CaseItemAnswer): HTMLLIElement {
    const row = createElement('li', { attrs: { 'data-kind': item.kind, 'data-item-id': item.itemId } }, [createElement('span', { text: describeItem(item) })]);
    if (item.available && item.view) {
      const title = item.view.title;
      const open = createElement('button', { text: 'Open', attrs: { type: 'button', 'aria-label': `Open the view ${title}` } });
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
      void act(`Sharing with ${username}…`, async () => {
        await addMember(id, username);
        membership.input.value = '';
        await openCase(id);
        return `Shared with ${username}.`;
      });
    },
    { signal },
  );
  attach.addEventListener(
    'click',
    () => {
      if (!current) return;
      const { id } = current.case;
      const view = context.currentView();
      void act('Attaching the current view…', async () => {
        if (!view) throw new Error('No saved view is open: save the canvas as a view first, then attach it.');
        await attachItem(id, { kind: 'view', id: view.id });
        await openCase(id);
        await refreshList();
        return `Attached “${view.title}”.`;
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
