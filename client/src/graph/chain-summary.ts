// Describes each chain of a chain-of-command Result in words, for the chain table: the end it reaches
// (the post and whether its holder heads the body), its strength, its length, and its weakest link with
// the reason it is the weakest (confidence, number of sources, what the source said). Chains through
// the same links are one.
import { Confidence } from '../../../contract/model.ts';
import type { Result, ResultEdge, ResultPath } from '../../../contract/result.ts';
import { captionOf, nodeName } from './to-elements.ts';
import { distinctPaths, edgeConfidences, weakerLinkOf } from './weakest-link.ts';

export interface LinkSummary {
  id: string;
  lower: string;
  caption: string;
  upper: string;
}

/** Why a link is the weakest of its chain: what its evidence is. */
export interface WeakestLink extends LinkSummary {
  confidence: Confidence | null;
  /** The documents it cites, by name where the answer resolves them. */
  sources: string[];
  /** The source's own wording of the link, or a note on it: what it was inferred from. */
  basis: string | null;
}

/** Where a chain ends: the top body, and the official heading it when the chain climbs to one. */
export interface ChainEnd {
  body: string;
  leader: string | null;
  post: string | null;
  /** True when the post heads the body (secretary, director), false for a member or deputy, null when unknown. */
  heads: boolean | null;
}

export interface ChainSummary {
  /** 1-based, as the table shows it; the server sends the strongest, shortest chains first. */
  number: number;
  /** "hypothesis" for a chain through an analyst's hypothesis link: never evidence, whatever else it holds. */
  strength: Confidence | 'hypothesis' | null;
  hops: number;
  nodeIds: string[];
  edgeIds: string[];
  from: string;
  to: string;
  reaches: ChainEnd;
  /** Null when no link is weaker than another (see `uniform`) or the server named none. */
  weakestLink: WeakestLink | null;
  /** The one confidence every link shares ("every link confirmed"), or null when they differ. */
  uniform: Confidence | null;
}

/** Chains of command carry a `strength`; one-hop expansions and plain paths merged beside them are not chains. */
export function chainsOnly(result: Result): Result {
  return { ...result, paths: result.paths.filter((path) => path.attributes.strength !== undefined) };
}

export function summarizeChains(result: Result): ChainSummary[] {
  const names = new Map(result.nodes.map((node) => [node.id, nodeName(node)]));
  const nameOf = (id: string | undefined) => (id === undefined ? '?' : (names.get(id) ?? id));
  const edges = new Map(result.edges.map((edge) => [edge.id, edge]));
  const confidenceOf = edgeConfidences(result);

  return distinctPaths(result.paths).map((path, i) => {
    const strength = Confidence.safeParse(path.attributes.strength);
    const hops = path.attributes.hops;
    const confidences = new Set(path.edges.map(confidenceOf));
    const [only] = confidences;
    const weakerId = weakerLinkOf(path, confidenceOf);
    return {
      number: i + 1,
      strength: path.attributes.strength === 'hypothesis' ? 'hypothesis' : strength.success ? strength.data : null,
      hops: typeof hops === 'number' ? hops : path.edges.length,
      nodeIds: path.nodes,
      edgeIds: path.edges,
      from: nameOf(path.nodes[0]),
      to: nameOf(path.nodes.at(-1)),
      reaches: chainEnd(path, edges, nameOf),
      weakestLink: weakerId === null ? null : describeWeakestLink(result, path, weakerId, nameOf),
      uniform: confidences.size === 1 && only ? only : null,
    };
  });
}

function chainEnd(path: ResultPath, edges: Map<string, ResultEdge>, nameOf: (id: string | undefined) => string): ChainEnd {
  const last = edges.get(path.edges.at(-1) ?? '');
  if (last?.type !== 'HELD_POST') return { body: nameOf(path.nodes.at(-1)), leader: null, post: null, heads: null };
  const { title, head } = last.properties;
  return {
    body: nameOf(path.nodes.at(-2)),
    leader: nameOf(path.nodes.at(-1)),
    post: typeof title === 'string' ? title : null,
    heads: typeof head === 'boolean' ? head : null,
  };
}

function describeWeakestLink(result: Result, path: ResultPath, id: string, nameOf: (id: string | undefined) => string): WeakestLink {
  const edge = result.edges.find((candidate) => candidate.id === id);
  const position = path.edges.indexOf(id);
  if (!edge || position < 0) return { id, lower: '?', caption: id, upper: '?', confidence: null, sources: [], basis: null };
  const lower = path.nodes[position];
  const { sources, confidence, relation, notes } = edge.properties;
  const cited = Array.isArray(sources) ? sources.filter((source) => typeof source === 'string') : [];
  const parsed = Confidence.safeParse(confidence);
  return {
    id,
    lower: nameOf(lower),
    caption: captionOf(edge.type, edge.source !== lower),
    upper: nameOf(path.nodes[position + 1]),
    confidence: parsed.success ? parsed.data : null,
    sources: cited.map((source) => result.citations[source]?.name ?? source),
    basis: typeof relation === 'string' ? relation : typeof notes === 'string' ? notes : null,
  };
}
