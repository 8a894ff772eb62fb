// A chain is as strong as its weakest link; a link is named "weakest" only when it is weaker than
// another link of its chain. On a chain whose links are all confirmed, no link is the weak one.
import { Confidence, confidenceRank } from '../../../contract/model.ts';
import type { Result, ResultPath } from '../../../contract/result.ts';

/** The server's weakest link of `path`, or null when no link of the path is weaker than another (or it named none). */
export function weakerLinkOf(path: ResultPath, confidenceOf: (edgeId: string) => Confidence | null): string | null {
  const id = path.attributes.weakestLinkId;
  if (typeof id !== 'string') return null;
  // A link with no confidence is an analyst's hypothesis: weaker than any evidence beside it.
  const ranks = path.edges.map((edgeId) => confidenceOf(edgeId)).map((confidence) => (confidence ? confidenceRank[confidence] : -1));
  return Math.min(...ranks) < Math.max(...ranks) ? id : null;
}

/** Edge id -> its confidence, as the answer states it. */
export function edgeConfidences(result: Result): (edgeId: string) => Confidence | null {
  const confidences = new Map(
    result.edges.map((edge) => {
      const parsed = Confidence.safeParse(edge.properties.confidence);
      return [edge.id, parsed.success ? parsed.data : null];
    }),
  );
  return (edgeId) => confidences.get(edgeId) ?? null;
}

/** Chains that pass through the same links, in the same order, are one chain: the first is kept. */
export function distinctPaths(paths: readonly ResultPath[]): ResultPath[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = path.edges.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
