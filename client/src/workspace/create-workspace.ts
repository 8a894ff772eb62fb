// The workspace behind the canvas: every feature changes the graph through here, so the saved views,
// autosave and exports read one truth. It composes the content (workspace-content.ts), the history
// of whole states (history.ts) and the canvas that follows them (canvas-sync.ts), and runs the layouts.
import cytoscape from 'cytoscape';
import type { ViewQuery } from '../../../contract/api/saved-view.ts';
import type { Result } from '../../../contract/result.ts';
import { type LayoutName, layoutNamed, layouts, registerLayouts } from '../graph/layouts.ts';
import { runOnMainThread } from '../graph/offthread-layout.ts';
import { keepReadable } from '../graph/readable.ts';
import { placeCaptions } from '../graph/caption-placement.ts';
import { createCanvasSync } from './canvas-sync.ts';
import { createHistory } from './history.ts';
import type { ChangeHighlight, Workspace, WorkspaceFilters, WorkspaceState } from './workspace.ts';
import {
  contentOf,
  emptyContent,
  stateOf,
  withAnswer,
  withFilters,
  withHidden,
  withLayout,
  withNothingHidden,
  withoutElements,
  withPinned,
} from './workspace-content.ts';
import { hitPolygonTips } from '../graph/hit-test.ts';

/** Panning fires `viewport` dozens of times a second; listeners hear of it once the camera rests. */
const viewportSettleMs = 250;

/**
 * Runs a layout on some elements and resolves once positions are final. The default runs it on the
 * main thread; a caller may pass one that computes positions elsewhere (a worker) and applies them.
 */
export type LayoutRunner = (elements: cytoscape.Collection, options: cytoscape.LayoutOptions) => Promise<void>;

export interface WorkspaceOptions {
  /** Absent: a headless workspace (unit tests). */
  container?: HTMLElement;
  stylesheet: cytoscape.StylesheetJson;
  /** Extra Cytoscape options (e.g. a renderer); the workspace's own come first and these override them. */
  cytoscapeOptions?: Partial<cytoscape.CytoscapeOptions>;
  runLayout?: LayoutRunner;
}

export interface DrawOptions {
  /** `replace` clears the canvas first; `merge` adds to what is there (an expansion). */
  mode: 'replace' | 'merge';
  layout: LayoutName;
  /** The curated query that produced `result`; on `merge` the workspace no longer comes from one query. */
  query?: ViewQuery | null;
  /** For a merge: where new nodes start before the layout refines them (the node that was expanded). */
  near?: string;
}

export interface ExplorerWorkspace extends Workspace {
  /** The stylesheet to draw with (the theme's); large graphs get render-options.ts's plain overlay on top. */
  setStylesheet(stylesheet: cytoscape.StylesheetJson): void;
  /** Everything fetched, hidden elements included. Read-only: the workspace never mutates it, nor may callers. */
  result(): Result;
  /** state().layout, without cloning the whole state. */
  layout(): string;
  /** state().query: the curated query that drew the graph, null once edited by hand. */
  query(): ViewQuery | null;
  filters(): WorkspaceFilters;
  hiddenIds(): string[];
  isPinned(id: string): boolean;
  draw(result: Result, options: DrawOptions): Promise<void>;
  hide(ids: readonly string[]): void;
  showAll(): void;
  remove(ids: readonly string[]): void;
  setPinned(ids: readonly string[], pinned: boolean): void;
  setFilters(filters: WorkspaceFilters): void;
  relayout(layout: LayoutName): Promise<void>;
  canUndo(): boolean;
  canRedo(): boolean;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Ids the last restore's highlight said were removed: they cannot be drawn, a panel may list them. */
  removedSinceVersion(): string[];
  /** Draws the members of a group node (graph/grouping.ts) one by one, around the node they hang from. */
  expandGroup(id: string): Promise<void>;
}

export function createWorkspace(options: WorkspaceOptions): ExplorerWorkspace {
  registerLayouts();
  const cy = cytoscape({
    ...(options.container ? { container: options.container } : { headless: true, styleEnabled: true }),
    style: options.stylesheet,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    // A plain click selects one element; Shift or Ctrl adds (Cytoscape's multiple-selection keys).
    selectionType: 'single',
    ...options.cytoscapeOptions,
  });
  hitPolygonTips(cy);
  const runLayout: LayoutRunner = options.runLayout ?? runOnMainThread;
  const canvas = createCanvasSync(cy, options.stylesheet);
  const history = createHistory<WorkspaceState>();
  let content = emptyContent();
  let removedHighlight: string[] = [];
  const listeners = new Set<() => void>();
  /** True while the workspace itself moves things: those events are not the analyst's. */
  let applying = false;
  let viewportTimer: ReturnType<typeof setTimeout> | undefined;

  const notify = () => {
    for (const listener of listeners) listener();
  };
  /** The state now, sharing the Result (immutable here): for history. */
  const snapshot = () => stateOf(content, { positions: canvas.positions(), viewport: canvas.viewport() });
  const changed = () => {
    history.record(snapshot());
    notify();
  };
  const mark = (highlight: ChangeHighlight | undefined) => {
    canvas.mark(highlight);
    removedHighlight = highlight ? [...highlight.removed] : [];
  };

  const restoreNow = async (state: WorkspaceState, highlight: ChangeHighlight | undefined) => {
    applying = true;
    try {
      content = contentOf(state);
      canvas.apply(content);
      canvas.place(state.positions);
      const unplaced = cy.nodes().filter((node) => !state.positions[node.id()]);
      if (unplaced.nonempty()) {
        // Only the nodes without a saved place may move: the others are held while the layout runs.
        const held = cy
          .nodes()
          .difference(unplaced)
          .nodes()
          .filter((node) => !node.locked());
        held.lock();
        try {
          await runLayout(cy.elements(), { ...layouts[layoutNamed(state.layout)], fit: false } as cytoscape.LayoutOptions);
        } finally {
          held.unlock();
        }
      }
      placeCaptions(cy, cy.edges('.on-path'));
      canvas.setViewport(state.viewport);
      mark(highlight);
    } finally {
      applying = false;
    }
  };

  /** Lays the graph out with `layout`; new nodes start beside `near` so a force layout grows the graph from there. */
  const layOut = async (layout: LayoutName, added: cytoscape.NodeCollection, near?: string) => {
    applying = true;
    try {
      const anchor = near ? cy.getElementById(near) : cy.collection();
      if (anchor.nonempty()) {
        const { x, y } = anchor.position();
        added.forEach((node, i) => {
          const angle = (2 * Math.PI * i) / Math.max(added.length, 1);
          node.position({ x: x + 80 * Math.cos(angle), y: y + 80 * Math.sin(angle) });
        });
      }
      content = withLayout(content, layout);
      await runLayout(cy.elements(), layouts[layout]);
      // The layout spaces nodes and their names; the captions of a chain's links are placed after, clear of both.
      placeCaptions(cy, cy.edges('.on-path'));
      // The layout fitted everything; up to a few hundred nodes the view stays readable and pans instead,
      // keeping in sight the node expanded, or the start of the chain or path.
      keepReadable(cy, near ?? content.result.paths[0]?.nodes[0]);
    } finally {
      applying = false;
    }
  };

  /** Nodes that come back (shown again, let through a filter) may have no place: put them where the layout would. */
  const changedPlacing = (added: cytoscape.NodeCollection) => {
    if (added.nonempty()) void layOut(layoutNamed(content.layout), added).then(changed);
    else changed();
  };

  cy.on('dragfree', 'node', () => {
    if (!applying) changed();
  });
  cy.on('viewport', () => {
    if (applying) return;
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(notify, viewportSettleMs);
  });

  history.record(snapshot());

  return {
    cy,
    setStylesheet: (stylesheet) => canvas.setStylesheet(stylesheet),
    state: () => structuredClone(snapshot()),
    async restore(state, restoreOptions) {
      await restoreNow(structuredClone(state), restoreOptions?.highlight);
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    result: () => content.result,
    layout: () => content.layout,
    query: () => content.query,
    filters: () => ({ ...content.filters }),
    hiddenIds: () => [...content.hidden],
    isPinned: (id) => content.pinned.has(id),
    async draw(result, drawOptions) {
      if (drawOptions.mode === 'replace') canvas.forgetPlaces();
      content = withAnswer(content, result, drawOptions.mode, drawOptions.query ?? null);
      mark(undefined);
      const added = canvas.apply(content);
      await layOut(drawOptions.layout, added, drawOptions.near);
      changed();
    },
    hide(ids) {
      content = withHidden(content, ids);
      canvas.apply(content);
      changed();
    },
    showAll() {
      content = withNothingHidden(content);
      changedPlacing(canvas.apply(content));
    },
    remove(ids) {
      content = withoutElements(content, ids);
      canvas.apply(content);
      changed();
    },
    setPinned(ids, pinned) {
      content = withPinned(content, ids, pinned);
      canvas.apply(content);
      changed();
    },
    setFilters(filters) {
      content = withFilters(content, filters);
      changedPlacing(canvas.apply(content));
    },
    async relayout(layout) {
      await layOut(layout, cy.collection());
      changed();
    },
    canUndo: () => history.canUndo(),
    canRedo: () => history.canRedo(),
    async undo() {
      const previous = history.undo();
      if (!previous) return;
      await restoreNow(previous, undefined);
      notify();
    },
    async redo() {
      const next = history.redo();
      if (!next) return;
      await restoreNow(next, undefined);
      notify();
    },
    removedSinceVersion: () => [...removedHighlight],
    async expandGroup(id) {
      const group = cy.getElementById(id);
      if (group.empty() || group.data('kind') !== 'Group') return;
      const hub = String(group.data('hub'));
      canvas.expandGroup(id);
      await layOut(layoutNamed(content.layout), canvas.apply(content), hub);
      changed();
    },
  };
}
