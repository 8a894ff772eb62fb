// The pane under the canvas: a table of what is drawn, the figures of the last answer, and a map, in
// tabs. Each view is built the first time its tab opens (the map's code and basemap load only then)
// and follows the workspace while it is open.
import './insights.css';
import { createElement } from '../dom.ts';
import { type Panel, type PanelContext, panelLifetime } from '../panels/panel.ts';
import type { Result } from '../../../contract/result.ts';
import type { MapView } from './map-view.ts';
import type { InsightView } from './table-view.ts';

type TabName = 'table' | 'summary' | 'map';

const tabs: { name: TabName; title: string }[] = [
  { name: 'table', title: 'Table' },
  { name: 'summary', title: 'Summary' },
  { name: 'map', title: 'Map' },
];

export function mountInsights(context: PanelContext, element: HTMLElement): Panel {
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const views = new Map<TabName, InsightView | Promise<InsightView>>();
  /** The last answer with figures: the summary view (loaded with its chart library when first opened) starts from it. */
  let latestFigures: Result | null = null;
  const panels = new Map<TabName, HTMLElement>();
  let open: TabName | null = null;

  const list = createElement(
    'div',
    { className: 'insights-tabs', attrs: { role: 'tablist', 'aria-label': 'Table, summary and map of what is drawn' } },
    tabs.map((tab) => {
      const button = createElement('button', {
        text: tab.title,
        attrs: {
          type: 'button',
          role: 'tab',
          id: `insights-tab-${tab.name}`,
          'aria-controls': `insights-${tab.name}`,
          'aria-selected': 'false',
          'data-tab': tab.name,
        },
      });
      button.addEventListener('click', () => void toggle(tab.name), { signal });
      return button;
    }),
  );
  const close = createElement('button', { className: 'insights-close', text: 'Close', attrs: { type: 'button', id: 'insights-close' } });
  close.hidden = true;
  close.addEventListener('click', () => void toggle(null), { signal });
  for (const tab of tabs) {
    const panel = createElement('div', {
      className: 'insights-view',
      attrs: { id: `insights-${tab.name}`, role: 'tabpanel', 'aria-labelledby': `insights-tab-${tab.name}` },
    });
    panel.hidden = true;
    panels.set(tab.name, panel);
  }
  element.replaceChildren(createElement('div', { className: 'insights-bar' }, [list, close]), ...panels.values());

  const viewOf = async (name: TabName): Promise<InsightView> => {
    const existing = views.get(name);
    if (existing) return existing;
    const panel = panels.get(name)!;
    // Each view's code loads when its tab first opens: the map and the charts bring their libraries (and the basemap).
    const loading: Promise<InsightView> | InsightView =
      name === 'map'
        ? import('./map-view.ts').then(({ mountMapView }) => mountMapView(context, panel, lifetime))
        : name === 'summary'
          ? import('./summary-view.ts').then(({ mountSummaryView }) => mountSummaryView(context, panel, lifetime, latestFigures))
          : import('./table-view.ts').then(({ mountTableView }) => mountTableView(context, panel, lifetime));
    views.set(name, loading);
    return loading;
  };

  const toggle = async (name: TabName | null) => {
    open = name === open ? null : name;
    element.dataset.open = open ?? '';
    close.hidden = open === null;
    for (const button of list.querySelectorAll<HTMLButtonElement>('[role="tab"]')) button.setAttribute('aria-selected', String(button.dataset.tab === open));
    for (const [tab, panel] of panels) panel.hidden = tab !== open;
    // The canvas shrinks or grows with the pane: Cytoscape measures its container again.
    context.workspace.cy.resize();
    if (!open) return;
    const view = await viewOf(open);
    view.refresh();
    if (open === 'map') (view as MapView).shown();
  };

  // What is drawn changed: the open view follows. Results are immutable, so an unchanged one (a pan) is skipped.
  let seen: unknown = null;
  let seenCount = -1;
  lifetime.defer(
    context.workspace.onChange(() => {
      const result = context.workspace.result();
      const count = context.workspace.cy.elements().length;
      if (!open || (result === seen && count === seenCount)) return;
      seen = result;
      seenCount = count;
      void viewOf(open).then((view) => view.refresh());
    }),
  );
  // An answer with figures and nothing to draw (graph statistics) opens the summary.
  lifetime.defer(
    context.runner.onAnswer((answer) => {
      if (Object.keys(answer.summary).length > 0) latestFigures = answer;
      if (answer.nodes.length === 0 && Object.keys(answer.summary).length > 0 && open !== 'summary') void toggle('summary');
    }),
  );
  return { dispose: lifetime.dispose };
}
