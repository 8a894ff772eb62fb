// The workspace behind the canvas: owns what Cytoscape shows (merged answers, hidden, pinned, filters,
// layout, positions, viewport) and an undo/redo history of whole states, so every feature changes
// the graph through here and the saved views, autosave and exports read one truth.
import cytoscape from 'cytoscape';
import type { ViewQuery } from '../../../contract/api/saved-view.ts';
import { mergeResults, type Result } from '../../../contract/result.ts';
import { layoutNamed, layouts, registerLayouts, type LayoutName } from '../graph/layouts.ts';
import { runOnMainThread } from '../graph/offthread-layout.ts';
import { plainFromElements, withRenderAdjustments } from '../graph/render-options.ts';
import { toElements } from '../graph/to-elements.ts';
import { emptyResult, removeFromResult, visiblePart } from './merge-result.ts';
import type { ChangeHighlight, Point, Workspace, WorkspaceFilters, WorkspaceState } from './workspace.ts';

/** Enough to walk back a long session; each state shares its Result with its neighbours, so memory stays small. */
export const HISTORY_LIMIT = 100;

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
}

interface Content {
  query: ViewQuery | null;
  result: Result;
  hidden: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  filters: WorkspaceFilters;
  layout: string;
}

export function createWorkspace(options: WorkspaceOptions): ExplorerWorkspace {
  registerLayouts();
  const cy = cytoscape({
    ...(options.container ? { container: options.container } : { headless: true, styleEnabled: true }),
    style: options.stylesheet,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'additive',
    ...options.cytoscapeOptions,
  });
  const runLayout: LayoutRunner = options.runLayout ?? runOnMainThread;
  let baseStylesheet = options.stylesheet;
  /** Whether the plain overlay for large graphs is on: restyling thousands of elements is only worth it when this flips. */
  let plain = false;
  const applyStylesheet = (force: boolean) => {
    const large = cy.elements().length >= plainFromElements;
    if (!force && large === plain) return;
    plain = large;
    cy.style(withRenderAdjustments('canvas', baseStylesheet, cy.elements().length));
  };

  let content: Content = { query: null, result: emptyResult(), hidden: new Set(), pinned: new Set(), filters: {}, layout: 'overview' };
  let removedHighlight: string[] = [];
  const listeners = new Set<() => void>();
  const history: WorkspaceState[] = [];
  let historyIndex = -1;
  /** True while the workspace itself moves things: those events are not the analyst's. */
  let applying = false;
  let viewportTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where hidden or filtered-out nodes last stood, so they come back to the same place. */
  const lastPositions = new Map<string, Point>();

  const notify = () => {
    for (const listener of listeners) listener();
  };

  /** The state now, sharing the Result (immutable here): for history. */
  const snapshot = (): WorkspaceState => {
    const positions: Record<string, Point> = {};
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      positions[node.id()] = { x, y };
    });
    return {
      query: content.query,
      result: content.result,
      hidden: [...content.hidden],
      pinned: [...content.pinned],
      positions,
      layout: content.layout,
      filters: { ...content.filters },
      viewport: { zoom: cy.zoom(), pan: { ...cy.pan() } },
    };
  };

  const record = () => {
    history.splice(historyIndex + 1);
    history.push(snapshot());
    if (history.length > HISTORY_LIMIT) history.splice(0, history.length - HISTORY_LIMIT);
    historyIndex = history.length - 1;
  };

  const changed = () => {
    record();
    notify();
  };

  /** Brings the canvas in line with `content`: removes, updates and adds elements; returns the added nodes that have no place yet. */
  const sync = (): cytoscape.NodeCollection => {
    const visible = visiblePart(content.result, content.hidden, content.filters);
    const wanted = toElements(visible);
    const wantedIds = new Set(wanted.map((element) => String(element.data.id)));
    let added = cy.collection();
    cy.batch(() => {
      const leaving = cy.elements().filter((element) => !wantedIds.has(element.id()));
      leaving.nodes().forEach((node) => {
        lastPositions.set(node.id(), { ...node.position() });
      });
      leaving.remove();
      for (const definition of wanted) {
        const id = String(definition.data.id);
        const existing = cy.getElementById(id);
        const classes = (definition.classes as string[] | undefined) ?? [];
        // An edge drawn the other way round now (a chain climbs it) cannot be re-pointed: draw it anew.
        const turned =
          existing.nonempty() && existing.isEdge() && (existing.source().id() !== definition.data.source || existing.target().id() !== definition.data.target);
        if (existing.nonempty() && !turned) {
          existing.data(definition.data);
          existing.classes(classes);
          continue;
        }
        if (turned) existing.remove();
        const remembered = definition.group === 'nodes' ? lastPositions.get(id) : undefined;
        const element = cy.add(remembered ? { ...definition, position: { ...remembered } } : definition);
        if (!remembered) added = added.union(element);
      }
      cy.nodes().forEach((node) => {
        if (content.pinned.has(node.id())) node.lock();
        else node.unlock();
      });
    });
    applyStylesheet(false);
    return added.nodes();
  };

  const placePositions = (positions: Record<string, Point>) => {
    cy.nodes().forEach((node) => {
      const position = positions[node.id()];
      if (!position) return;
      const locked = node.locked();
      if (locked) node.unlock();
      node.position(position);
      if (locked) node.lock();
    });
  };

  const layoutOptions = (name: string): cytoscape.LayoutOptions => layouts[layoutNamed(name)];

  const restoreNow = async (state: WorkspaceState, highlight: ChangeHighlight | undefined) => {
    applying = true;
    try {
      content = {
        query: state.query,
        result: state.result,
        hidden: new Set(state.hidden),
        pinned: new Set(state.pinned),
        filters: { ...state.filters },
        layout: state.layout,
      };
      sync();
      placePositions(state.positions);
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
          await runLayout(cy.elements(), { ...layoutOptions(state.layout), fit: false } as cytoscape.LayoutOptions);
        } finally {
          held.unlock();
        }
      }
      cy.viewport({ zoom: state.viewport.zoom, pan: { ...state.viewport.pan } });
      markHighlight(highlight);
    } finally {
      applying = false;
    }
  };

  const markHighlight = (highlight: ChangeHighlight | undefined) => {
    cy.elements().removeClass('changed-added changed-changed');
    removedHighlight = highlight ? [...highlight.removed] : [];
    if (!highlight) return;
    for (const id of highlight.added) cy.getElementById(id).addClass('changed-added');
    for (const id of highlight.changed) cy.getElementById(id).addClass('changed-changed');
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
      content = { ...content, layout };
      await runLayout(cy.elements(), layouts[layout]);
    } finally {
      applying = false;
    }
  };

  cy.on('dragfree', 'node', () => {
    if (!applying) changed();
  });
  cy.on('viewport', () => {
    if (applying) return;
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(notify, viewportSettleMs);
  });

  record();

  const workspace: ExplorerWorkspace = {
    setStylesheet(stylesheet) {
      baseStylesheet = stylesheet;
      applyStylesheet(true);
    },
    cy,
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
    filters: () => ({ ...content.filters }),
    hiddenIds: () => [...content.hidden],
    isPinned: (id) => content.pinned.has(id),
    async draw(result, drawOptions) {
      const base = drawOptions.mode === 'replace' ? emptyResult() : content.result;
      if (drawOptions.mode === 'replace') lastPositions.clear();
      const query = drawOptions.mode === 'replace' ? (drawOptions.query ?? null) : null;
      // Pins and hides of nodes still present survive a redraw: the analyst made them on purpose.
      content = { ...content, query, result: mergeResults(base, result) };
      markHighlight(undefined);
      const added = sync();
      await layOut(drawOptions.layout, added, drawOptions.near);
      changed();
    },
    hide(ids) {
      content = { ...content, hidden: new Set([...content.hidden, ...ids]) };
      sync();
      changed();
    },
    showAll() {
      content = { ...content, hidden: new Set() };
      const added = sync();
      if (added.nonempty()) void layOut(layoutNamed(content.layout), added).then(changed);
      else changed();
    },
    remove(ids) {
      content = { ...content, query: null, result: removeFromResult(content.result, ids) };
      sync();
      changed();
    },
    setPinned(ids, pinned) {
      const next = new Set(content.pinned);
      for (const id of ids) {
        if (pinned) next.add(id);
        else next.delete(id);
      }
      content = { ...content, pinned: next };
      sync();
      changed();
    },
    setFilters(filters) {
      content = { ...content, filters: { ...filters } };
      const added = sync();
      // Nodes that come back after a filter had no place: put them where the layout would.
      if (added.nonempty()) void layOut(layoutNamed(content.layout), added).then(changed);
      else changed();
    },
    async relayout(layout) {
      await layOut(layout, cy.collection());
      changed();
    },
    canUndo: () => historyIndex > 0,
    canRedo: () => historyIndex < history.length - 1,
    async undo() {
      const previous = history[historyIndex - 1];
      if (!previous) return;
      historyIndex -= 1;
      await restoreNow(previous, undefined);
      notify();
    },
    async redo() {
      const next = history[historyIndex + 1];
      if (!next) return;
      historyIndex += 1;
      await restoreNow(next, undefined);
      notify();
    },
    removedSinceVersion: () => [...removedHighlight],
  };
  return workspace;
}
