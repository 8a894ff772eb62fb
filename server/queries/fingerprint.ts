// One fingerprint per graph element, computed the same way when a view is saved and when it is reopened.
import { createHash } from 'node:crypto';
import type { Json, ResultEdge, ResultNode } from '../../contract/result.ts';

/** JSON with object keys sorted at every depth, so property order never changes a fingerprint. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function digest(form: Json): string {
  return createHash('sha256').update(canonicalJson(form)).digest('base64url');
}

/** Without `id`: it is the key the fingerprint is filed under, not part of the element's state. */
function withoutId(properties: Record<string, Json>): Record<string, Json> {
  const { id: _id, ...rest } = properties;
  return rest;
}

/**
 * Labels and every property: a new source, a changed confidence, a role label added (a Person who
 * became a Detainee) all count as a change. Values arrive as toResult made them (dates as ISO text).
 */
export function fingerprintNode(node: Pick<ResultNode, 'labels' | 'properties'>): string {
  return digest(['node', [...node.labels].sort(), withoutId(node.properties)]);
}

/** Type, ends and every property: a link moved to another organisation is changed, not the same. */
export function fingerprintEdge(edge: Pick<ResultEdge, 'type' | 'source' | 'target' | 'properties'>): string {
  return digest(['edge', edge.type, edge.source, edge.target, withoutId(edge.properties)]);
}

/**
 * One digest of a whole graph state: every node's and link's fingerprint, by id, in id order. The
 * same elements with the same properties give the same digest on any server; any change to any of
 * them (a source added, a confidence lowered, a date moved) gives another.
 */
export function fingerprintGraph(elements: { nodes: readonly ResultNode[]; edges: readonly ResultEdge[] }): string {
  const entries = [
    ...elements.nodes.map((node): [string, string] => [`n:${node.id}`, fingerprintNode(node)]),
    ...elements.edges.map((edge): [string, string] => [`e:${edge.id}`, fingerprintEdge(edge)]),
  ];
  const unique = [...new Map(entries).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(unique.map(([id, print]) => `${id}=${print}`).join('\n'))
    .digest('hex');
}
