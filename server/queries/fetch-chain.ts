// The chain of command of one node, as every route answers it: 404 for an unknown id, and a node with
// no chain still present (alone, with its sources) so the screen or file can say "no chain".
import { CHAIN_CEILINGS } from '../../contract/queries/chain/chain-ceilings.ts';
import { queries } from '../../contract/queries/index.ts';
import type { Json, Result } from '../../contract/result.ts';
import { NotFound } from '../errors.ts';
import { asJsonParameters, type GraphExecutor } from '../graph/executor.ts';

export interface ChainRequest {
  id: string;
  asOf?: unknown;
  limit?: unknown;
}

/**
 * The request's parameters as the chain query takes them (a 400 naming each bad one), in the form its
 * answer's `meta.parameters` states them: known before the chain is read, for the audit entry.
 */
export function chainParameters(graph: GraphExecutor, request: ChainRequest): Record<string, Json> {
  return asJsonParameters(graph.checkedParameters(queries.chainOfCommand, { id: request.id, asOf: request.asOf, limit: request.limit }));
}

/** Unredacted: the caller discloses it through the policy (server/policy/evidence-answers.ts). */
export async function fetchChain(graph: GraphExecutor, request: ChainRequest): Promise<Result> {
  // Checked once: the chain runs with these, and the ceilings are asked about the same date.
  const checked = graph.checkedParameters(queries.chainOfCommand, { id: request.id, asOf: request.asOf, limit: request.limit });
  // The two are independent and each a round trip: asked together, the answer waits for the slower,
  // not for their sum.
  const [chains, beyond] = await Promise.all([
    graph.checkedEvidence(queries.chainOfCommand, checked),
    // A chain past a ceiling is not "no chain": say it was cut, and where.
    graph.record(queries.chainCeilings, { id: request.id, asOf: checked.asOf as string | null }),
  ]);
  // The node itself is read only when no chain holds it (a chain starts at it): to answer it alone, with
  // its sources, or 404 for an unknown id. Read beside the others on every request, it was a third
  // transaction for an answer the chains already hold.
  if (chains.paths.length === 0) {
    const start = await graph.evidence(queries.nodeDetails, { id: request.id });
    const node = start.nodes.find((candidate) => candidate.id === request.id);
    if (!node) throw new NotFound(`No node with id "${request.id}"`);
    chains.nodes.push(node);
    for (const id of (node.properties.sources as string[] | undefined) ?? []) {
      if (start.citations[id]) chains.citations[id] = start.citations[id];
    }
  }
  const warnings = [
    ...(beyond?.reporting
      ? [`A reporting line goes on past ${CHAIN_CEILINGS.reporting} steps, the chain query's ceiling: chains through it are not shown.`]
      : []),
    ...(beyond?.subordination
      ? [`A line of subordination goes on past ${CHAIN_CEILINGS.subordination} steps, the chain query's ceiling: chains through it are not shown.`]
      : []),
  ];
  if (warnings.length > 0) chains.meta = { ...chains.meta, truncated: true, warnings };
  return chains;
}
