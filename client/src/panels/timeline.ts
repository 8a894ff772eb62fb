// The timeline pane: the tenures, detentions, directives and sanctions of what is on the canvas, on a
// time axis (vis-timeline), with the as-of date (and the date compared with) marked. Selection is
// shared both ways: an item picked selects its link or node on the graph, a selection on the graph
// selects its items. The library loads the first time the pane opens (its own chunk and stylesheet).
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import './timeline.css';
import type cytoscape from 'cytoscape';
import type { DataGroup, DataItem, Timeline } from 'vis-timeline/peer';
import { runQuery } from '../api.ts';
import { createElement } from '../dom.ts';
import { type TimelineItem, timelineItems } from '../graph/timeline-items.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';
import { createStatusLine } from './status.ts';

/** The timeline query takes at most fifty nodes: the selection first, then people, facilities and directives. */
const maxNodes = 50;
/** Where a tenure still in force is drawn to: past the files' last year. */
const openEnd = '2023-12-31';
const kindOrder = ['official', 'guard', 'detainee', 'person', 'facility', 'directive', 'sanction', 'organization'];

type VisModule = typeof import('vis-timeline/peer');

export function mountTimeline({ workspace, inspectNode, inspectEdge }: PanelContext, pane: HTMLElement): Panel {
  const { cy } = workspace;
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const toggle = document.getElementById('timeline-toggle');
  const { element: statusElement, status } = createStatusLine('timeline-status', 'timeline-status');
  const heading = createElement('h2', { className: 'timeline-title', text: 'Timeline', attrs: { id: 'timeline-title' } });
  const close = createElement('button', { text: 'Close', attrs: { type: 'button', 'aria-controls': pane.id } });
  const canvas = createElement('div', { className: 'timeline-canvas', attrs: { id: 'timeline-canvas' } });
  pane.setAttribute('aria-labelledby', heading.id);
  pane.replaceChildren(createElement('div', { className: 'timeline-head' }, [heading, statusElement, close]), canvas);

  let timeline: Timeline | null = null;
  let vis: VisModule | null = null;
  let items: TimelineItem[] = [];
  let shownFor = '';
  let request: AbortController | null = null;
  /** True while the timeline's selection is being set from the graph's: not an analyst's pick. */
  let following = false;
  /** True while the graph's selection is being set from a pick on the timeline: already in view there. */
  let picking = false;
  lifetime.defer(() => {
    request?.abort();
    timeline?.destroy();
  });

  /** Canvas nodes to ask about, the selected first. */
  const nodeIds = () => {
    const rank = (node: cytoscape.NodeSingular) => {
      const index = kindOrder.findIndex((kind) => node.hasClass(kind));
      return (node.selected() ? -100 : 0) + (index < 0 ? kindOrder.length : index);
    };
    return cy
      .nodes()
      .sort((a, b) => rank(a) - rank(b))
      .map((node) => node.id())
      .slice(0, maxNodes);
  };

  const markDates = () => {
    if (!timeline) return;
    const { asOf, compareWith } = workspace.filters();
    for (const [id, date] of [
      ['as-of', asOf],
      ['compare-with', compareWith],
    ] as const) {
      try {
        timeline.removeCustomTime(id);
      } catch {
        // Not there yet: vis-timeline throws for an unknown id.
      }
      if (date) timeline.addCustomTime(date, id);
    }
  };

  const followSelection = () => {
    if (!timeline) return;
    const selected = new Set(cy.elements(':selected').map((element) => element.id()));
    const picked = items.filter((item) => selected.has(item.elementId) || selected.has(item.group)).map((item) => item.id);
    following = true;
    // Brought into view, at the zoom the analyst has: vis-timeline does not even draw the items of a
    // row scrolled out of sight, so a selection made on the graph would otherwise go unseen.
    timeline.setSelection(picked);
    if (picked.length > 0 && !picking) timeline.focus(picked, { animation: false, zoom: false });
    following = false;
  };

  const refresh = async () => {
    if (pane.hidden) return;
    const ids = nodeIds();
    const key = ids.join(' ');
    if (key === shownFor && timeline) {
      markDates();
      return;
    }
    shownFor = key;
    request?.abort();
    const controller = new AbortController();
    request = controller;
    if (ids.length === 0) {
      items = [];
      timeline?.setItems([]);
      status.set({ state: 'empty', query: 'query', message: 'Nothing is drawn: the timeline shows the dates of what is on the graph.' });
      return;
    }
    const answer = await status.run(
      'query',
      'Reading the dates of what is drawn…',
      (requestSignal) => runQuery('timeline', { ids, limit: 2_000 }, requestSignal),
      controller.signal,
      () => {
        shownFor = '';
        void refresh();
      },
    );
    if (!answer || controller.signal.aborted) return;
    vis ??= await import('vis-timeline/peer');
    const { items: next, rows } = timelineItems(answer, openEnd);
    items = next;
    const groups: DataGroup[] = rows.map((row) => ({ id: row.id, content: createElement('span', { text: row.name }) }));
    // Elements, not strings: names come from leaked documents and are never parsed as HTML.
    const data = items.map(
      (item): DataItem => ({
        id: item.id,
        group: item.group,
        start: item.start,
        ...(item.end ? { end: item.end } : {}),
        type: item.end ? 'range' : 'point',
        content: createElement('span', { text: item.text, attrs: { 'data-item': item.id } }) as unknown as string,
        className: ['item', `shape-${item.shape}`, ...(item.confidence ? [`item-${item.confidence}`] : []), ...(item.synthetic ? ['item-synthetic'] : [])].join(
          ' ',
        ),
      }),
    );
    if (!timeline) {
      timeline = new vis.Timeline(canvas, data, groups, {
        stack: true,
        orientation: 'top',
        zoomKey: 'ctrlKey',
        verticalScroll: true,
        maxHeight: '100%',
        min: '2005-01-01',
        max: '2026-12-31',
        // vis-timeline's own item tooltips would parse titles as HTML; the inspector says more.
        showTooltips: false,
        selectable: true,
        multiselect: true,
      });
      // The rows' names scroll on their own when many rows are stacked: the keyboard must reach them too
      // (WCAG 2.1.1; the arrow keys scroll a focused region).
      for (const region of canvas.querySelectorAll<HTMLElement>('.vis-panel.vis-left')) {
        region.tabIndex = 0;
        region.setAttribute('role', 'region');
        region.setAttribute('aria-label', 'Timeline rows');
      }
      timeline.on('select', ({ items: picked }: { items: string[] }) => {
        if (following) return;
        const elements = items.filter((item) => picked.includes(item.id)).map((item) => item.elementId);
        const drawn = elements.filter((id) => cy.getElementById(id).nonempty());
        picking = true;
        cy.elements().unselect();
        for (const id of drawn) cy.getElementById(id).select();
        picking = false;
        const first = drawn[0] ?? items.find((item) => picked.includes(item.id))?.group;
        if (!first) return;
        if (cy.getElementById(first).isEdge()) inspectEdge(first);
        else inspectNode(first);
      });
    } else {
      timeline.setData({ groups, items: data });
    }
    timeline.fit({ animation: false });
    markDates();
    followSelection();
    const count = items.length === 1 ? '1 dated event' : `${items.length} dated events`;
    status.set({ state: 'done', query: 'query', truncated: answer.meta.truncated, message: `${count} of ${rows.length} of the nodes drawn.` });
  };

  const setOpen = (open: boolean) => {
    pane.hidden = !open;
    toggle?.setAttribute('aria-pressed', String(open));
    // The canvas shares the column with the pane: Cytoscape must measure its new height.
    cy.resize();
    if (open) void refresh();
  };
  toggle?.addEventListener('click', () => setOpen(pane.hidden), { signal });
  close.addEventListener(
    'click',
    () => {
      setOpen(false);
      toggle?.focus();
    },
    { signal },
  );
  lifetime.defer(workspace.onChange(() => void refresh()));
  lifetime.onCanvas(cy, 'select unselect', followSelection);
  return { dispose: lifetime.dispose };
}
