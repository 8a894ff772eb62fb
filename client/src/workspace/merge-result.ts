// Pure operations on the workspace's merged Result: remove elements, and pick what the filters let
// through. Merging a new answer in is contract/result.ts's mergeResults, shared with the server.
import { kindOf } from '../../../contract/model.ts';
import type { Result } from '../../../contract/result.ts';
import { timeView } from './time-filter.ts';
import type { WorkspaceFilters } from './workspace.ts';

export function emptyResult(): Result {
  return { nodes: [], edges: [], paths: [], citations: {}, summary: {}, meta: { query: 'workspace', parameters: {}, durationMs: 0, truncated: false } };
}

/** Removes nodes (with their edges) and edges; a path that crossed any of them no longer holds and goes too. */
export function removeFromResult(result: Result, ids: Iterable<string>): Result {
  const gone = new Set(ids);
  const nodes = result.nodes.filter((node) => !gone.has(node.id));
  const kept = new Set(nodes.map((node) => node.id));
  const edges = result.edges.filter((edge) => !gone.has(edge.id) && kept.has(edge.source) && kept.has(edge.target));
  const keptEdges = new Set(edges.map((edge) => edge.id));
  const paths = result.paths.filter((path) => path.nodes.every((id) => kept.has(id)) && path.edges.every((id) => keptEdges.has(id)));
  return { ...result, nodes, edges, paths };
}

/**
 * What the canvas draws: the result less hidden ids and what the filters exclude, the as-of date
 * included (time-filter.ts: what did not hold that day is not drawn; `anchors` stay). Paths stay
 * whole, since they only tell toElements which way a drawn edge climbs.
 */
export function visiblePart(result: Result, hidden: ReadonlySet<string>, filters: WorkspaceFilters, anchors: ReadonlySet<string> = new Set()): Result {
  const inTime = timeView(result, filters, anchors)?.shown;
  const shown = (id: string, properties: Record<string, unknown>) => {
    if (hidden.has(id)) return false;
    if (inTime && !inTime.has(id)) return false;
    if (filters.synthetic === false && properties.synthetic === true) return false;
    const confidence = properties.confidence;
    // Records with no confidence (documents) are their own evidence: no confidence filter hides them.
    if (filters.confidence && typeof confidence === 'string' && !filters.confidence.includes(confidence as never)) return false;
    return true;
  };
  const nodes = result.nodes.filter((node) => {
    const kind = kindOf(node.labels);
    if (filters.labels && kind !== 'Unknown' && !filters.labels.includes(kind)) return false;
    return shown(node.id, node.properties);
  });
  const edges = result.edges.filter((edge) => shown(edge.id, edge.properties));
  return { ...result, nodes, edges };
}
