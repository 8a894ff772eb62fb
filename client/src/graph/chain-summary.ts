// Describes each chain of a chain-of-command Result in words: its strength, its length and its weakest link, for the chain list.
import { Confidence } from '../../../contract/model.ts';
import type { Result, ResultPath } from '../../../contract/result.ts';
import { captionOf, nodeName } from './to-elements.ts';

export interface LinkSummary {
  id: string;
  lower: string;
  caption: string;
  upper: string;
}

export interface ChainSummary {
  /** 1-based, as the list shows it; the server sends the strongest, shortest chains first. */
  number: number;
  /** "hypothesis" for a chain through an analyst's hypothesis link: never evidence, whatever else it holds. */
  strength: Confidence | 'hypothesis' | null;
  hops: number;
  nodeIds: string[];
  edgeIds: string[];
  from: string;
  to: string;
  weakestLink: LinkSummary | null;
}

/** Chains of command carry a `strength`; one-hop expansions and plain paths merged beside them are not chains. */
export function chainsOnly(result: Result): Result {
  return { ...result, paths: result.paths.filter((path) => path.attributes.strength !== undefined) };
}

export function summarizeChains(result: Result): ChainSummary[] {
  const names = new Map(result.nodes.map((node) => [node.id, nodeName(node)]));
  const nameOf = (id: string | undefined) => (id === undefined ? '?' : (names.get(id) ?? id));

  return result.paths.map((path, i) => {
    const strength = Confidence.safeParse(path.attributes.strength);
    const hops = path.attributes.hops;
    return {
      number: i + 1,
      strength: path.attributes.strength === 'hypothesis' ? 'hypothesis' : strength.success ? strength.data : null,
      hops: typeof hops === 'number' ? hops : path.edges.length,
      nodeIds: path.nodes,
      edgeIds: path.edges,
      from: nameOf(path.nodes[0]),
      to: nameOf(path.nodes.at(-1)),
      weakestLink: describeWeakestLink(result, path, nameOf),
    };
  });
}

function describeWeakestLink(result: Result, path: ResultPath, nameOf: (id: string | undefined) => string): LinkSummary | null {
  const id = path.attributes.weakestLinkId;
  if (typeof id !== 'string') return null;
  const edge = result.edges.find((candidate) => candidate.id === id);
  const position = path.edges.indexOf(id);
  if (!edge || position < 0) return { id, lower: '?', caption: id, upper: '?' };
  const lower = path.nodes[position];
  return {
    id,
    lower: nameOf(lower),
    caption: captionOf(edge.type, edge.source !== lower),
    upper: nameOf(path.nodes[position + 1]),
  };
}
