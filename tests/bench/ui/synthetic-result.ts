// Deterministic Results of a chosen size for the UI bench, shaped like the real graph: the seed's own
// synthetic generator (organisations, facilities, guards, detainees, relatives, villages), cut to a
// connected piece by walking outward from the organisations.
import type { Json, Result, ResultEdge, ResultNode } from '../../../contract/result.ts';
import { SCALES, syntheticRows } from '../../../seed/synthetic.ts';

/** Twice the small scale's people: ~24k elements, enough to cut the largest bench size from. */
const benchScale = { ...SCALES.small, detainees: 2_400, villages: 120 };

/** Results of `elementCount` nodes + edges each (give or take the last node's edges), all cut from one generated graph. */
export function syntheticResults(elementCounts: readonly number[]): Map<number, Result> {
  const rows = syntheticRows(benchScale);
  const nodes: ResultNode[] = rows.nodes.map((node) => ({ id: node.id, labels: node.labels, properties: node.properties as Record<string, Json> }));
  const edges: ResultEdge[] = rows.relationships.map((edge) => ({
    id: edge.id,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    properties: edge.properties as Record<string, Json>,
  }));
  const order = walkOrder(nodes, edges);
  const largest = Math.max(...elementCounts);
  const results = new Map<number, Result>();
  for (const count of elementCounts) {
    const cut = cutByWalk(order, edges, count);
    if (cut.nodes.length + cut.edges.length < count) {
      throw new Error(`The bench graph has ${cut.nodes.length + cut.edges.length} connected elements, fewer than ${count} (largest asked: ${largest})`);
    }
    results.set(count, {
      nodes: cut.nodes,
      edges: cut.edges,
      paths: [],
      citations: {},
      summary: {},
      meta: { query: 'bench-synthetic', parameters: { elements: count }, durationMs: 0, truncated: false },
    });
  }
  return results;
}

/** Breadth-first from the organisations, so every cut is the top of the hierarchy and what hangs under it. */
function walkOrder(nodes: ResultNode[], edges: ResultEdge[]): ResultNode[] {
  const neighbours = new Map<string, string[]>();
  for (const edge of edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const order: ResultNode[] = [];
  const starts = [...nodes.filter((node) => node.labels.includes('Organization')), ...nodes];
  for (const start of starts) {
    if (seen.has(start.id) || !neighbours.has(start.id)) continue;
    const queue = [start.id];
    seen.add(start.id);
    for (let i = 0; i < queue.length; i++) {
      const node = byId.get(queue[i]!);
      if (node) order.push(node);
      for (const next of neighbours.get(queue[i]!) ?? []) {
        if (seen.has(next) || !byId.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return order;
}

function cutByWalk(order: ResultNode[], edges: ResultEdge[], elementCount: number): { nodes: ResultNode[]; edges: ResultEdge[] } {
  const edgesByNode = new Map<string, ResultEdge[]>();
  for (const edge of edges) {
    edgesByNode.set(edge.source, [...(edgesByNode.get(edge.source) ?? []), edge]);
    edgesByNode.set(edge.target, [...(edgesByNode.get(edge.target) ?? []), edge]);
  }
  const included = new Set<string>();
  const cutNodes: ResultNode[] = [];
  const cutEdges: ResultEdge[] = [];
  for (const node of order) {
    if (cutNodes.length + cutEdges.length >= elementCount) break;
    included.add(node.id);
    cutNodes.push(node);
    for (const edge of edgesByNode.get(node.id) ?? []) {
      const other = edge.source === node.id ? edge.target : edge.source;
      if (included.has(other) && other !== node.id) cutEdges.push(edge);
    }
  }
  return { nodes: cutNodes, edges: cutEdges };
}
