// The table of everything on the canvas: sortable by any column, filtered by words and kind, linked
// to the graph (a row selects its node, a selected node marks its row), and downloadable as CSV.
import { displayOf, NodeLabel, type DisplayKind } from '../../../contract/model.ts';
import { createElement } from '../dom.ts';
import { drawnIds } from '../graph/grouping.ts';
import type { PanelContext, PanelLifetime } from '../panels/panel.ts';
import { type CanvasRow, canvasRows, columns, filterRows, rowsCsv, sortRows } from './canvas-rows.ts';
import { downloadFile } from './download.ts';

/** Rows beyond this are counted but not put in the page: a table of 20,000 rows would freeze it. */
const shownRows = 1_000;

export interface InsightView {
  /** Redraws from what the workspace holds now. */
  refresh(): void;
}

export function mountTableView(context: PanelContext, element: HTMLElement, lifetime: PanelLifetime): InsightView {
  const { workspace } = context;
  const { cy } = workspace;
  const { signal } = lifetime;
  let sort: { key: keyof CanvasRow; direction: 'ascending' | 'descending' } = { key: 'name', direction: 'ascending' };
  let rows: CanvasRow[] = [];
  let shown: CanvasRow[] = [];

  const filterText = createElement('input', {
    attrs: { id: 'table-filter', type: 'search', placeholder: 'Filter by name, place or id', 'aria-label': 'Filter the table', spellcheck: 'false' },
  });
  const kindSelect = createElement('select', { attrs: { id: 'table-kind', 'aria-label': 'Kind shown in the table' } }, [
    createElement('option', { text: 'Every kind', attrs: { value: '' } }),
    ...NodeLabel.options.map((kind) => createElement('option', { text: displayOf(kind).plural, attrs: { value: kind } })),
  ]);
  const count = createElement('span', { className: 'table-count', attrs: { id: 'table-count', role: 'status' } });
  const csv = createElement('button', { text: 'Download CSV', attrs: { type: 'button', id: 'table-csv' } });
  const head = createElement('tr');
  const body = createElement('tbody');
  const table = createElement('table', { className: 'canvas-table', attrs: { id: 'canvas-table' } }, [
    createElement('caption', { className: 'visually-hidden', text: 'Everything on the canvas' }),
    createElement('thead', {}, [head]),
    body,
  ]);
  element.replaceChildren(
    createElement('div', { className: 'table-controls' }, [filterText, kindSelect, csv, count]),
    createElement('div', { className: 'table-scroll' }, [table]),
  );

  const drawHead = () => {
    head.replaceChildren(
      ...columns.map((column) => {
        const button = createElement('button', { text: column.title, attrs: { type: 'button', 'data-sort': column.key } });
        const th = createElement('th', { attrs: { scope: 'col', 'aria-sort': sort.key === column.key ? sort.direction : 'none' } }, [button]);
        return th;
      }),
    );
  };
  const render = () => {
    shown = sortRows(filterRows(rows, { text: filterText.value, kind: kindSelect.value as DisplayKind | '' }), sort.key, sort.direction);
    const selected = new Set(cy.nodes(':selected').map((node) => node.id()));
    body.replaceChildren(
      ...shown.slice(0, shownRows).map((row) =>
        createElement(
          'tr',
          { attrs: { 'data-id': row.id, 'aria-selected': String(selected.has(row.id)), tabindex: '0' } },
          columns.map((column) => {
            const value = row[column.key];
            const cell = createElement('td', { text: column.key === 'synthetic' ? (value ? 'SYNTHETIC' : '') : String(value) });
            if (column.key === 'nameZh') cell.lang = 'zh';
            return cell;
          }),
        ),
      ),
    );
    table.dataset.rows = String(shown.length);
    count.textContent =
      shown.length > shownRows ? `${shown.length} rows (first ${shownRows} shown) of ${rows.length}` : `${shown.length} of ${rows.length} rows`;
    drawHead();
  };

  head.addEventListener(
    'click',
    (event) => {
      const key = event.target instanceof Element ? (event.target.closest<HTMLElement>('[data-sort]')?.dataset.sort as keyof CanvasRow | undefined) : undefined;
      if (!key) return;
      sort = { key, direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' };
      render();
    },
    { signal },
  );
  filterText.addEventListener('input', render, { signal });
  kindSelect.addEventListener('change', render, { signal });
  csv.addEventListener('click', () => downloadFile(new Blob([rowsCsv(shown)], { type: 'text/csv;charset=utf-8' }), 'xpf-canvas-table.csv'), { signal });

  const pick = (row: HTMLTableRowElement) => {
    const id = row.dataset.id ?? '';
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node } }, { duration: 200 });
    context.inspectNode(id);
  };
  body.addEventListener(
    'click',
    (event) => {
      const row = event.target instanceof Element ? event.target.closest('tr') : null;
      if (row) pick(row);
    },
    { signal },
  );
  body.addEventListener(
    'keydown',
    (event) => {
      const row = event.target instanceof HTMLTableRowElement ? event.target : null;
      if (!row) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        pick(row);
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling)?.closest('tr')?.focus();
      }
    },
    { signal },
  );
  // The graph's selection marks its rows.
  lifetime.onCanvas(cy, 'select unselect', 'node', () => {
    const selected = new Set(cy.nodes(':selected').map((node) => node.id()));
    for (const row of body.rows) row.setAttribute('aria-selected', String(selected.has(row.dataset.id ?? '')));
  });

  return {
    refresh() {
      rows = canvasRows(workspace.result(), drawnIds(cy.elements()).nodes);
      render();
    },
  };
}
