// What changed in the graph since a view was saved: removed, changed, unverified and added elements.
import type { Snapshot, ViewElements } from '../../contract/api/saved-view.ts';
import type { ViewChanges } from '../../contract/api/views.ts';

/** The view's elements as the graph holds them now: id -> fingerprint, only for those that still exist. */
export interface ElementsNow {
  nodes: ReadonlyMap<string, string>;
  edges: ReadonlyMap<string, string>;
}

/** What the view's query returns now, or why that cannot be known. */
export type QueryNow = { known: true; elements: ViewElements } | { known: false; reason: string };

function compare(ids: readonly string[], saved: Record<string, string>, now: ReadonlyMap<string, string>) {
  const removed: string[] = [];
  const changed: string[] = [];
  const unverified: string[] = [];
  for (const id of ids) {
    const current = now.get(id);
    if (current === undefined) removed.push(id);
    else if (!(id in saved)) unverified.push(id);
    else if (saved[id] !== current) changed.push(id);
  }
  return { removed, changed, unverified };
}

/** Pure: the I/O that gathers `now` and `queryNow` is in view-graph.ts. Ids keep the view's order. */
export function diffView(elements: ViewElements, snapshot: Snapshot, since: string, now: ElementsNow, queryNow: QueryNow): ViewChanges {
  const nodes = compare(elements.nodes, snapshot.nodes, now.nodes);
  const edges = compare(elements.edges, snapshot.edges, now.edges);
  const changes: ViewChanges = {
    since,
    removed: { nodes: nodes.removed, edges: edges.removed },
    changed: { nodes: nodes.changed, edges: edges.changed },
    unverified: { nodes: nodes.unverified, edges: edges.unverified },
    added: null,
  };
  if (!queryNow.known) return { ...changes, addedUnknownBecause: queryNow.reason };
  const inView = { nodes: new Set(elements.nodes), edges: new Set(elements.edges) };
  changes.added = {
    nodes: queryNow.elements.nodes.filter((id) => !inView.nodes.has(id)),
    edges: queryNow.elements.edges.filter((id) => !inView.edges.has(id)),
  };
  return changes;
}
