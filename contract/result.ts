// The one result shape every query answers with, from the driver to Cytoscape: nodes, edges, paths, meta.
import { z } from 'zod';

/** Driver values made plain JSON: Integer -> number, temporal -> ISO string, nested lists and maps. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export const Json: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(Json), z.record(z.string(), Json)]));

export const ResultNode = z.object({
  /** Our stable id, never Neo4j's elementId, so saved views survive a reload of the database. */
  id: z.string(),
  labels: z.array(z.string()),
  properties: z.record(z.string(), Json),
});
export type ResultNode = z.infer<typeof ResultNode>;

export const ResultEdge = z.object({
  id: z.string(),
  type: z.string(),
  /** Stored direction: `source` -[type]-> `target`. */
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), Json),
});
export type ResultEdge = z.infer<typeof ResultEdge>;

export const ResultPath = z.object({
  /** Node ids in traversal order; edges[i] links nodes[i] and nodes[i + 1], whatever its stored direction. */
  nodes: z.array(z.string()),
  edges: z.array(z.string()),
  /** Scalar columns returned beside the path (e.g. a chain's `strength` and `weakestLinkId`). */
  attributes: z.record(z.string(), Json),
});
export type ResultPath = z.infer<typeof ResultPath>;

export const Citation = z.object({
  id: z.string(),
  name: z.string(),
  publisher: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  collection: z.string().optional(),
});
export type Citation = z.infer<typeof Citation>;

export const ResultMeta = z.object({
  query: z.string(),
  parameters: z.record(z.string(), Json),
  durationMs: z.number(),
  /** True when a row limit (or a ceiling of a chain's depth) cut the answer: the UI must say so. */
  truncated: z.boolean(),
  /** What was cut and why, in words (a chain deeper than the query's ceiling). */
  warnings: z.array(z.string()).optional(),
});
export type ResultMeta = z.infer<typeof ResultMeta>;

export const Result = z.object({
  nodes: z.array(ResultNode),
  edges: z.array(ResultEdge),
  paths: z.array(ResultPath),
  /** The documents cited by `sources` on the nodes and edges above, keyed by document id. */
  citations: z.record(z.string(), Citation),
  /** Scalar columns of records that carry no path: counts and breakdowns (a facility's profile, statistics). */
  summary: z.record(z.string(), Json).default({}),
  meta: ResultMeta,
});
export type Result = z.infer<typeof Result>;

function pathKey(path: ResultPath): string {
  return `${path.nodes.join(' ')}|${path.edges.join(' ')}`;
}

/**
 * Everything in `base` plus everything in `added`; an element in both takes `added`'s copy (the
 * newer answer may carry dates or redactions the older did not). Never mutates its arguments: the
 * client's undo history shares Results between states. `meta` is the newer answer's.
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
