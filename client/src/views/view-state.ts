// Pure conversions between the workspace's state and a saved view: what a save sends, what a reopen puts back.
import type { ViewElements } from '../../../contract/api/saved-view.ts';
import type { OpenedAnswer, ViewDocument } from '../../../contract/api/views.ts';
import type { Result } from '../../../contract/result.ts';
import type { ChangeHighlight, Point, WorkspaceState } from '../workspace/workspace.ts';
import type { ViewBody } from './views-api.ts';

/**
 * What a view keeps: everything fetched that the analyst did not hide. Filters are saved beside it
 * and applied again on reopen, so filtered-out elements stay in. The server refuses an edge whose
 * ends are not both in the view, so an edge to a hidden node goes too.
 */
export function keptElements(state: Pick<WorkspaceState, 'result' | 'hidden'>): ViewElements {
  const hidden = new Set(state.hidden);
  const nodes = unique(state.result.nodes.map((node) => node.id).filter((id) => !hidden.has(id)));
  const kept = new Set(nodes);
  const edges = unique(state.result.edges.filter((edge) => !hidden.has(edge.id) && kept.has(edge.source) && kept.has(edge.target)).map((edge) => edge.id));
  return { nodes, edges };
}

export function toViewBody(state: WorkspaceState, text: { title: string; notes: string }): ViewBody {
  const elements = keptElements(state);
  const positions: Record<string, Point> = {};
  for (const id of elements.nodes) {
    const point = state.positions[id];
    if (point) positions[id] = { x: point.x, y: point.y };
  }
  return {
    title: text.title,
    notes: text.notes,
    // Parameters as the query was sent, which the server checks again.
    query: state.query ? { name: state.query.name, parameters: state.query.parameters } : null,
    elements,
    positions,
    layout: state.layout,
    filters: definedOnly(state.filters),
    viewport: { zoom: state.viewport.zoom, pan: { x: state.viewport.pan.x, y: state.viewport.pan.y } },
  };
}

/**
 * Only these elements, and what still holds among them: an edge needs both ends, a path every one
 * of its elements, a citation an element that cites it (or is that document).
 */
export function restrictResult(result: Result, ids: { nodes: Iterable<string>; edges: Iterable<string> }): Result {
  const nodeIds = new Set(ids.nodes);
  const edgeIds = new Set(ids.edges);
  const nodes = result.nodes.filter((node) => nodeIds.has(node.id));
  const present = new Set(nodes.map((node) => node.id));
  const edges = result.edges.filter((edge) => edgeIds.has(edge.id) && present.has(edge.source) && present.has(edge.target));
  const edgesPresent = new Set(edges.map((edge) => edge.id));
  const paths = result.paths.filter((path) => path.nodes.every((id) => present.has(id)) && path.edges.every((id) => edgesPresent.has(id)));
  const cited = new Set<string>(present);
  for (const element of [...nodes, ...edges]) {
    const sources = element.properties.sources;
    if (Array.isArray(sources)) for (const source of sources) if (typeof source === 'string') cited.add(source);
  }
  const citations = Object.fromEntries(Object.entries(result.citations).filter(([id]) => cited.has(id)));
  return { ...result, nodes, edges, paths, citations };
}

/** The view's elements that a reopen still has to fetch: not yet loaded, and not known to be gone from the graph. */
export function missingElements(loaded: Result, document: Pick<ViewDocument, 'elements'>, removed: ViewElements): ViewElements {
  const have = { nodes: new Set(loaded.nodes.map((node) => node.id)), edges: new Set(loaded.edges.map((edge) => edge.id)) };
  const gone = { nodes: new Set(removed.nodes), edges: new Set(removed.edges) };
  return {
    nodes: document.elements.nodes.filter((id) => !have.nodes.has(id) && !gone.nodes.has(id)),
    edges: document.elements.edges.filter((id) => !have.edges.has(id) && !gone.edges.has(id)),
  };
}

/** How far from a neighbour an element new since the save is put, in model pixels. */
const addedSpacing = 90;

/**
 * Positions for nodes the saved view never had (added to the graph since): beside a neighbour that
 * has one, else in a column right of everything, so nothing lands on top of the saved drawing.
 */
export function placeAdded(positions: Readonly<Record<string, Point>>, result: Result, addedNodeIds: readonly string[]): Record<string, Point> {
  const placed: Record<string, Point> = { ...positions };
  const neighbours = new Map<string, string[]>();
  for (const edge of result.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const saved = Object.values(positions);
  const right = saved.length > 0 ? Math.max(...saved.map((point) => point.x)) + addedSpacing * 2 : 0;
  const top = saved.length > 0 ? Math.min(...saved.map((point) => point.y)) : 0;
  const besides = new Map<string, number>();
  let inColumn = 0;
  // Twice: a node whose only neighbour is itself new gets placed once that neighbour is.
  for (let pass = 0; pass < 2; pass++) {
    for (const id of addedNodeIds) {
      if (placed[id]) continue;
      const anchor = (neighbours.get(id) ?? []).find((other) => placed[other]);
      if (anchor) {
        const count = besides.get(anchor) ?? 0;
        besides.set(anchor, count + 1);
        placed[id] = { x: placed[anchor]!.x + addedSpacing, y: placed[anchor]!.y + addedSpacing * count };
      } else if (pass === 1) {
        placed[id] = { x: right, y: top + addedSpacing * inColumn++ };
      }
    }
  }
  return placed;
}

/** A reopened view as the workspace restores it, and what to highlight as changed since the save. */
export function toWorkspaceState(opened: Pick<OpenedAnswer, 'document' | 'changes'>, loaded: Result): { state: WorkspaceState; highlight: ChangeHighlight } {
  const { document, changes } = opened;
  const added = changes.added ?? { nodes: [], edges: [] };
  const result = restrictResult(loaded, { nodes: [...document.elements.nodes, ...added.nodes], edges: [...document.elements.edges, ...added.edges] });
  const drawn = { nodes: new Set(result.nodes.map((node) => node.id)), edges: new Set(result.edges.map((edge) => edge.id)) };
  const addedNodes = added.nodes.filter((id) => drawn.nodes.has(id) && !document.elements.nodes.includes(id));
  const addedEdges = added.edges.filter((id) => drawn.edges.has(id));
  const savedPositions = Object.fromEntries(Object.entries(document.positions).filter(([id]) => drawn.nodes.has(id)));
  return {
    state: {
      query: document.query ? { name: document.query.name, parameters: { ...document.query.parameters } } : null,
      result,
      hidden: [],
      pinned: [],
      positions: placeAdded(savedPositions, result, addedNodes),
      layout: document.layout,
      filters: definedOnly(document.filters ?? {}),
      viewport: { zoom: document.viewport.zoom, pan: { ...document.viewport.pan } },
    },
    highlight: {
      added: [...addedNodes, ...addedEdges],
      changed: [...changes.changed.nodes, ...changes.changed.edges].filter((id) => drawn.nodes.has(id) || drawn.edges.has(id)),
      removed: [...changes.removed.nodes, ...changes.removed.edges],
    },
  };
}

/** The ids drawn on the canvas now, whatever hid the others (the analyst, a filter, the as-of date). */
export function shownResult(result: Result, shown: { nodes: Iterable<string>; edges: Iterable<string> }): Result {
  return restrictResult(result, shown);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** JSON has no `undefined`; the server's strict schema reads a present key as a filter. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
