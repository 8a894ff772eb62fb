// What changed in the graph since the opened version was saved: counts in words (the graph highlights
// the added and changed), and the ids removed, which cannot be drawn.
import type { OpenedAnswer } from '../../../contract/api/views.ts';
import { createElement } from '../dom.ts';
import { formatTime } from '../panels/format.ts';
import type { ChangeHighlight } from '../workspace/workspace.ts';

export interface ViewChangesSection {
  readonly element: HTMLElement;
  show(opened: OpenedAnswer, highlight: ChangeHighlight, unavailable: readonly string[], queryProblem: string | null): void;
  clear(): void;
}

export function createViewChanges(): ViewChangesSection {
  const summary = createElement('p', { attrs: { id: 'view-changes-summary' } });
  const removedList = createElement('ul', { className: 'view-removed', attrs: { id: 'view-removed', 'aria-label': 'Removed since the save' } });
  const element = createElement('section', { className: 'view-changes', attrs: { id: 'view-changes', 'aria-label': 'What changed since the save' } }, [
    summary,
    removedList,
  ]);
  return {
    element,
    show(opened, highlight, unavailable, queryProblem) {
      const parts = [`Since this version was saved (${formatTime(opened.changes.since)}):`];
      parts.push(
        `${highlight.added.length} added and ${highlight.changed.length} changed (highlighted on the graph), ${highlight.removed.length} removed from the graph.`,
      );
      if (opened.changes.added === null && opened.changes.addedUnknownBecause)
        parts.push(`What was added cannot be known: ${opened.changes.addedUnknownBecause}.`);
      if (queryProblem) parts.push(`The view's query did not run again (${queryProblem}).`);
      if (unavailable.length > 0) parts.push(`${unavailable.length} saved elements could not be loaded.`);
      summary.textContent = parts.join(' ');
      element.dataset.added = String(highlight.added.length);
      element.dataset.changed = String(highlight.changed.length);
      element.dataset.removed = String(highlight.removed.length);
      removedList.replaceChildren(...highlight.removed.map((id) => createElement('li', { text: id, attrs: { 'data-id': id } })));
    },
    clear() {
      summary.textContent = '';
      removedList.replaceChildren();
    },
  };
}
