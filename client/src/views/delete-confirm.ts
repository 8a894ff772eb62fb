// Deleting the open view: a button, then a question naming the view, answered "delete for good" or "keep it".
import { createElement } from '../dom.ts';

export interface DeleteConfirm {
  /** The delete button, in its line. */
  readonly button: HTMLElement;
  /** The question, hidden until the button is pressed. */
  readonly confirm: HTMLElement;
  /** Puts the question away (another view opened, or none). */
  close(): void;
}

export function createDeleteConfirm(handlers: { title(): string | null; confirmed(): void }, signal: AbortSignal): DeleteConfirm {
  const deleteButton = createElement('button', { text: 'Delete…', attrs: { id: 'view-delete', type: 'button' } });
  const question = createElement('span', { attrs: { id: 'view-delete-question' } });
  const yes = createElement('button', { text: 'Delete for good', attrs: { id: 'view-delete-yes', type: 'button' } });
  const no = createElement('button', { text: 'Keep it', attrs: { id: 'view-delete-no', type: 'button' } });
  const confirm = createElement('p', { className: 'view-delete-confirm', attrs: { id: 'view-delete-confirm', role: 'alert' } }, [question, yes, no]);
  confirm.hidden = true;
  const close = () => {
    confirm.hidden = true;
  };
  deleteButton.addEventListener(
    'click',
    () => {
      const title = handlers.title();
      if (title === null) return;
      question.textContent = `Delete “${title}” and all its versions? Its share link stops working. `;
      confirm.hidden = false;
    },
    { signal },
  );
  no.addEventListener('click', close, { signal });
  yes.addEventListener('click', () => handlers.confirmed(), { signal });
  return { button: createElement('p', {}, [deleteButton]), confirm, close };
}
