// What a redacted reader receives of a saved view that is not theirs: what analysts write (titles,
// notes, the text they searched for) is withheld by allow-list, like a victim's name. A view's title
// may name the person it is about; its query's parameters may hold the name an analyst searched.
// The view's owner always gets their own words back; the graph is withheld for them as for anyone.
import type { ViewDocument as ShownDocument, ViewChanges } from '../../contract/api/views.ts';
import type { ViewDocument, ViewElements } from '../../contract/api/saved-view.ts';
import type { Result } from '../../contract/result.ts';
import type { VersionRecord, ViewRecord } from '../queries/view-store.ts';
import { isProtected } from '../../contract/model.ts';
import { queries } from '../../contract/queries/index.ts';
import { disclosedParameters } from './withhold.ts';

/** Who is reading, and whether their answers are redacted. */
export interface ViewReader {
  id: string | null;
  redacted: boolean;
}

/** Whether this reader gets the view's own words: unredacted readers, and its owner. */
export function readsOwnWords(reader: ViewReader, view: Pick<ViewRecord, 'owner'>): boolean {
  return !reader.redacted || (view.owner !== null && view.owner === reader.id);
}

/** The same stand-in for every version of one view: it says whose view it is and when it began. */
export function titleStandIn(view: Pick<ViewRecord, 'author' | 'createdAt'>): string {
  return `${view.author}’s view of ${view.createdAt.slice(0, 10)} (title withheld)`;
}

export function withholdViewRecord<T extends ViewRecord>(view: T, reader: ViewReader): T {
  return readsOwnWords(reader, view) ? view : { ...view, title: titleStandIn(view) };
}

export function withholdVersionInfo<T extends VersionRecord>(version: T, view: ViewRecord, reader: ViewReader): T {
  return readsOwnWords(reader, view) ? version : { ...version, title: titleStandIn(view) };
}

/**
 * Questions whose answer picks people through what a redacted reader may not see: a search by a
 * name withheld from them, the detainees a village and a camp have in common (through where they
 * live), a path through a victim's home. A redacted reader asks them in a variant over what they
 * see (evidence-answers.ts, REDACTED_QUESTIONS); a view saved from the full answer holds the people
 * it found, and beside its query (whose village, whose camp) says what the variant would not.
 */
const PICKS_THROUGH_WITHHELD: ReadonlySet<string> = new Set(
  [queries.fullTextNames, queries.commonConnections, queries.shortestPath, queries.allShortestPaths].map((query) => query.name),
);

/**
 * A view's graph, already withheld, as a redacted reader who does not own it may receive it: less the
 * protected people (and their links) that a question of PICKS_THROUGH_WITHHELD found. After
 * withhold(), so what only a withheld link reached (their village) has gone with that link.
 */
export function storedGraphFor(graph: Result, document: Pick<ViewDocument, 'query'>, view: ViewRecord, reader: ViewReader): Result {
  if (!reader.redacted || readsOwnWords(reader, view) || !document.query || !PICKS_THROUGH_WITHHELD.has(document.query.name)) return graph;
  const victims = new Set(graph.nodes.filter((node) => isProtected(node.labels)).map((node) => node.id));
  if (victims.size === 0) return graph;
  const edges = graph.edges.filter((edge) => !victims.has(edge.source) && !victims.has(edge.target));
  const kept = new Set(edges.map((edge) => edge.id));
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => !victims.has(node.id)),
    edges,
    paths: graph.paths.filter((path) => !path.nodes.some((id) => victims.has(id)) && path.edges.every((id) => kept.has(id))),
  };
}

/** Only the ids the withheld graph still holds: a view's ids of a victim's village or relatives would point at them. */
function shownElements(elements: ViewElements, shown: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }): ViewElements {
  return { nodes: elements.nodes.filter((id) => shown.nodes.has(id)), edges: elements.edges.filter((id) => shown.edges.has(id)) };
}

/** A document as the reader may receive it; for a redacted reader, only the elements `graph` (already withheld) holds. */
export function withholdDocument<T extends ShownDocument | ViewDocument>(document: T, view: ViewRecord, reader: ViewReader, graph: Result | null): T {
  const own = readsOwnWords(reader, view);
  const words = own
    ? {}
    : {
        title: titleStandIn(view),
        notes: '',
        query: document.query && { name: document.query.name, parameters: disclosedParameters(document.query.name, document.query.parameters) },
      };
  if (!reader.redacted || !graph) return { ...document, ...words };
  const shown = { nodes: new Set(graph.nodes.map((node) => node.id)), edges: new Set(graph.edges.map((edge) => edge.id)) };
  const elements = shownElements(document.elements, shown);
  const positions = Object.fromEntries(Object.entries(document.positions).filter(([id]) => shown.nodes.has(id)));
  return { ...document, ...words, elements, positions };
}

/** What changed, for a redacted reader only about what they are shown: a removed element can no longer be judged, so none is named. */
export function withholdChanges(changes: ViewChanges, reader: ViewReader, graph: Result): ViewChanges {
  if (!reader.redacted) return changes;
  const shown = { nodes: new Set(graph.nodes.map((node) => node.id)), edges: new Set(graph.edges.map((edge) => edge.id)) };
  return {
    ...changes,
    removed: { nodes: [], edges: [] },
    changed: shownElements(changes.changed, shown),
    unverified: shownElements(changes.unverified, shown),
    added: changes.added && shownElements(changes.added, shown),
  };
}
