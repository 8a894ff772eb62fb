// Pure operations on the workspace's merged Result: merge a new answer in, remove elements, and pick what the filters let through.
import { kindOf } from '../../../cypher/model.ts';
import type { Result } from '../../../cypher/result.ts';
import type { WorkspaceFilters } from './workspace.ts';

export function emptyResult(): Result {
  return { nodes: [], edges: [], paths: [], citations: {}, summary: {}, meta: { query: 'workspace', parameters: {}, durationMs: 0, truncated: false } };
}

/**
 * Everything in `base` plus everything in `added`; an element in both takes `added`'s copy (the
 * newer answer may carry dates or redactions the older did not). Never mutates its arguments:
 * undo history shares Results between states.
 */
export function mergeResults(base: Result, added: Result): Result {
  const paths = new Map(base.paths.map((path) => [pathKey(path), path]));
  for (const path of added.paths) paths.set(pathKey(path), path);
  return {
    nodes: [...new Map([...base.nodes, ...added.nodes].map((node) => [node.id, node])).values()],
    edges: [...new Map([...base.edges, ...added.edges].map((edge) => [edge.id, edge])).values()],
    paths: [...paths.values()],
    citations: { ...base.citations, ...added.citations },
    summary: { ...base.summary, ...added.summary },
    meta: added.meta,
  };
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
 * What the canvas draws: the result less hidden ids and what the filters exclude. Paths stay
 * whole, since they only tell toElements which way a drawn edge climbs.
 */
export function visiblePart(result: Result, hidden: ReadonlySet<string>, filters: WorkspaceFilters): Result {
  const shown = (id: string, properties: Record<string, unknown>) => {
    if (hidden.has(id)) return false;
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

function pathKey(path: Result['paths'][number]): string {
  return `${path.nodes.join(' ')}|${path.edges.join(' ')}`;
}
