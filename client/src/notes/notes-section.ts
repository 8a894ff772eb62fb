// The inspector's notes: analysts' notes on what is inspected, and a hypothesis link shown as what it
// is. Set apart from the evidence in words and looks: their own heading, "not evidence" on each, no
// sources list, and a form to add one.
import './notes.css';
import type { NoteAnswer } from '../../../contract/api/notes.ts';
import type { NoteTargetKind } from '../../../contract/queries/notes/note-params.ts';
import type { ResultEdge } from '../../../contract/result.ts';
import { isAbort } from '../api.ts';
import { createElement } from '../dom.ts';
import { describeError } from '../panels/status.ts';
import { fetchNotes, writeNote } from './notes-api.ts';

function noteItem(note: NoteAnswer): HTMLLIElement {
  const what = note.kind === 'hypothesis' ? `Hypothesis link “${note.caption ?? ''}”` : 'Note';
  return createElement('li', { className: `note note-${note.kind}`, attrs: { 'data-note': note.id, 'data-visibility': note.visibility } }, [
    createElement('p', { className: 'note-head' }, [
      createElement('span', { className: 'badge badge-note', text: `${what}: not evidence` }),
      createElement('span', { text: ` ${note.author}, ${note.createdAt.slice(0, 10)}, ${note.visibility}` }),
    ]),
    createElement('p', { className: 'note-text', text: note.text }),
    ...(note.tags.length > 0 ? [createElement('p', { className: 'note-tags', text: `Tags: ${note.tags.join(', ')}` })] : []),
  ]);
}

function noteForm(targetKind: NoteTargetKind, targetId: string, list: HTMLUListElement): HTMLFormElement {
  const text = createElement('textarea', { attrs: { name: 'text', rows: '2', maxlength: '4000', 'aria-label': 'Note text', required: '' } });
  const shared = createElement('input', { attrs: { type: 'checkbox', name: 'shared' } });
  const message = createElement('p', { className: 'note-message', attrs: { role: 'status' } });
  const form = createElement('form', { className: 'note-form' }, [
    text,
    createElement('label', {}, [shared, document.createTextNode(' Share with every signed-in user')]),
    createElement('button', { text: 'Add note', attrs: { type: 'submit' } }),
    message,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const note = await writeNote({ kind: 'note', targetKind, targetId, text: text.value, visibility: shared.checked ? 'shared' : 'private' });
      list.prepend(noteItem(note));
      text.value = '';
      message.textContent = 'Note saved (not evidence).';
    } catch (error) {
      message.textContent = `Not saved: ${describeError(error)}`;
    }
  });
  return form;
}

/** Notes on one node, link or view, loaded after the section is shown; `canWrite` adds the form. */
export function notesSection(targetKind: NoteTargetKind, targetId: string, canWrite: boolean, signal: AbortSignal): HTMLElement {
  const list = createElement('ul', { className: 'note-list' });
  const section = createElement('section', { className: 'notes-section', attrs: { 'data-state': 'loading' } }, [
    createElement('h3', { text: 'Analysts’ notes (not evidence)' }),
    list,
    ...(canWrite ? [noteForm(targetKind, targetId, list)] : []),
  ]);
  fetchNotes(targetId, signal).then(
    (notes) => {
      list.prepend(...notes.map(noteItem));
      if (notes.length === 0) list.append(createElement('li', { className: 'placeholder', text: 'No notes you may read.' }));
      section.dataset.state = 'done';
    },
    (error: unknown) => {
      if (isAbort(error)) return;
      list.append(createElement('li', { className: 'placeholder', text: `The notes did not load: ${describeError(error)}` }));
      section.dataset.state = 'error';
    },
  );
  return section;
}

/** A hypothesis link as the inspector shows it: whose, when, what it says, and that it is no evidence. */
export function showHypothesis(container: HTMLElement, edge: ResultEdge, ends: { from: string; to: string }): void {
  container.dataset.kind = 'edge';
  container.dataset.id = edge.id;
  const { caption, author, createdAt } = edge.properties;
  container.replaceChildren(
    createElement('h2', { className: 'inspector-title' }, [
      createElement('span', { text: ends.from }),
      createElement('span', { className: 'caption', text: ` ${typeof caption === 'string' ? caption : 'hypothesis'} ` }),
      createElement('span', { text: ends.to }),
    ]),
    createElement('p', { className: 'badges' }, [
      createElement('span', {
        className: 'badge badge-hypothesis',
        text: 'HYPOTHESIS: an analyst’s link, not evidence',
        attrs: { 'data-badge': 'hypothesis' },
      }),
    ]),
    createElement('p', {
      className: 'labels',
      text: `Drawn by ${typeof author === 'string' ? author : 'an analyst'}${typeof createdAt === 'string' ? ` on ${createdAt.slice(0, 10)}` : ''}. No source backs it; a chain through it is only as strong as this guess.`,
    }),
  );
}
