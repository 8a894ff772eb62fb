// The forms that write a version: save the canvas (as a new view, or a new version of the open one),
// and rename the open view (a new version with only the title changed).
import { createElement } from '../dom.ts';

export interface SaveForm {
  readonly element: HTMLFormElement;
  /** The title and notes the next save writes: the opened version's, or what a reload remembered. */
  fill(title: string, notes: string): void;
  /** No view open: only "save as new view"; else "save as new version" too, shown to those who may write the view. */
  showOpen(open: { owns: boolean } | null): void;
}

export function createSaveForm(maySave: boolean, save: (asVersion: boolean, text: { title: string; notes: string }) => void, signal: AbortSignal): SaveForm {
  const titleInput = createElement('input', { attrs: { id: 'view-title', name: 'title', required: '', maxlength: '200' } });
  const notesInput = createElement('textarea', { attrs: { id: 'view-notes', name: 'notes', rows: '3', maxlength: '10000' } });
  const saveNew = createElement('button', { text: 'Save as new view', attrs: { id: 'view-save-new', type: 'submit', value: 'new' } });
  const saveNext = createElement('button', { text: 'Save as new version', attrs: { id: 'view-save-version', type: 'submit', value: 'version' } });
  const element = createElement('form', { className: 'view-save', attrs: { id: 'view-save-form' } }, [
    createElement('label', { text: 'Title', attrs: { for: 'view-title' } }),
    titleInput,
    createElement('label', { text: 'Notes', attrs: { for: 'view-notes' } }),
    notesInput,
    createElement('p', {}, [saveNew, saveNext]),
  ]);
  element.hidden = !maySave;
  element.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      const asVersion = (event.submitter as HTMLButtonElement | null)?.value === 'version';
      save(asVersion, { title: titleInput.value, notes: notesInput.value });
    },
    { signal },
  );
  return {
    element,
    fill(title, notes) {
      titleInput.value = title;
      notesInput.value = notes;
    },
    showOpen(open) {
      saveNext.disabled = open === null;
      if (open) saveNext.hidden = !open.owns;
    },
  };
}

export interface RenameForm {
  readonly element: HTMLFormElement;
  show(title: string): void;
}

export function createRenameForm(rename: (title: string) => void, signal: AbortSignal): RenameForm {
  const input = createElement('input', { attrs: { id: 'view-rename-title', name: 'title', required: '', maxlength: '200', 'aria-label': 'New title' } });
  const element = createElement('form', { className: 'view-rename', attrs: { id: 'view-rename' } }, [
    input,
    createElement('button', { text: 'Rename', attrs: { type: 'submit' } }),
  ]);
  element.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      rename(input.value);
    },
    { signal },
  );
  return {
    element,
    show(title) {
      input.value = title;
    },
  };
}
