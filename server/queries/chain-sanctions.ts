// Who in a chain of command is sanctioned and who is not: the chain (as every route answers it), then
// the designations of each official and organisation on it, answered as one Result under the
// sanctions query's name, so its `sanctioned` and `notSanctioned` columns reach every reader.
import { queries } from '../../contract/queries/index.ts';
import { mergeResults, type Result } from '../../contract/result.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { type ChainRequest, fetchChain } from './fetch-chain.ts';

/** Unredacted: the caller discloses it through the policy. */
export async function fetchChainSanctions(graph: GraphExecutor, request: ChainRequest): Promise<Result> {
  const chain = await fetchChain(graph, request);
  const members = chain.nodes.filter((node) => node.labels.includes('Person') || node.labels.includes('Organization')).map((node) => node.id);
  const sanctions = await graph.evidence(queries.sanctionsOf, { ids: members, limit: 500 });
  const merged = mergeResults(chain, sanctions);
  return {
    ...merged,
    meta: {
      ...sanctions.meta,
      parameters: { ...chain.meta.parameters, ...sanctions.meta.parameters },
      truncated: chain.meta.truncated || sanctions.meta.truncated,
    },
  };
}
