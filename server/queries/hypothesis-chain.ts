// A chain of command that may pass through an analyst's hypothesis link, asked for by name: the
// evidence chains first, then each chain that starts with a hypothesis link from the start node and
// climbs the evidence from its other end. Such a chain is marked in every path (strength
// "hypothesis", its hypothesis link named as the weakest) and counted in the summary, so no screen or
// file can show it as evidence. One hypothesis link per chain, at its start: an analyst's guess of
// who a guard or a facility answers to, checked against what the record shows above that.
import { HYPOTHESIS_EDGE_TYPE } from '../../contract/api/notes.ts';
import type { NoteRow } from '../../contract/queries/notes/note-params.ts';
import { mergeResults, type Result, type ResultEdge, type ResultPath } from '../../contract/result.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { type ChainRequest, fetchChain } from './fetch-chain.ts';
import type { NoteStore } from './note-store.ts';

/** Hypothesis links followed from one start: each costs one chain query. */
export const MAX_HYPOTHESES_FOLLOWED = 10;

/** A hypothesis link as an edge of a Result: its own type, no sources, no confidence; the note's words are its properties. */
export function hypothesisEdge(note: NoteRow): ResultEdge {
  return {
    id: note.id,
    type: HYPOTHESIS_EDGE_TYPE,
    source: note.targetId,
    target: note.toId ?? note.targetId,
    properties: { hypothesis: true, caption: note.caption ?? '', author: note.author, createdAt: note.createdAt, visibility: note.visibility },
  };
}

function throughHypothesis(note: NoteRow, upper: ResultPath | null, start: string): ResultPath {
  const hops = typeof upper?.attributes.hops === 'number' ? upper.attributes.hops : 0;
  return {
    nodes: [start, ...(upper?.nodes ?? [note.toId ?? start])],
    edges: [note.id, ...(upper?.edges ?? [])],
    attributes: { strength: 'hypothesis', weakestLinkId: note.id, hops: hops + 1, hypothesisLinks: 1 },
  };
}

/** Unredacted: the caller discloses it through the policy. `viewerId` decides which hypotheses count: the reader's own and shared ones. */
export async function fetchChainWithHypotheses(graph: GraphExecutor, notes: NoteStore, viewerId: string, request: ChainRequest): Promise<Result> {
  const evidence = await fetchChain(graph, request);
  const hypotheses = (await notes.list(viewerId, [request.id], null, MAX_HYPOTHESES_FOLLOWED * 5))
    .filter((note) => note.kind === 'hypothesis' && note.targetId === request.id && note.toId !== null)
    .slice(0, MAX_HYPOTHESES_FOLLOWED);
  let combined: Result = { ...evidence, summary: { ...evidence.summary, hypothesisChains: 0 } };
  let hypothesisChains = 0;
  for (const note of hypotheses) {
    const upper = await fetchChain(graph, { id: note.toId!, asOf: request.asOf, limit: request.limit });
    const paths = upper.paths.length > 0 ? upper.paths.map((path) => throughHypothesis(note, path, request.id)) : [throughHypothesis(note, null, request.id)];
    hypothesisChains += paths.length;
    combined = mergeResults(combined, { ...upper, edges: [...upper.edges, hypothesisEdge(note)], paths, meta: combined.meta });
  }
  // Evidence chains keep their places; chains through a hypothesis follow them, never outrank them.
  const evidencePaths = new Set(evidence.paths);
  combined.paths.sort((a, b) => Number(!evidencePaths.has(a)) - Number(!evidencePaths.has(b)));
  return {
    ...combined,
    summary: { ...combined.summary, hypothesisChains },
    meta: { ...evidence.meta, parameters: { ...evidence.meta.parameters, hypotheses: 'include' } },
  };
}
