// A small chain-of-command Result with readable ids, shared by the graph tests: two chains from one detainee to one leader.
import type { Result, ResultEdge, ResultNode } from '../../../contract/result.ts';

function node(id: string, labels: string[], name: string, extra: ResultNode['properties'] = {}): ResultNode {
  return { id, labels: ['Entity', ...labels], properties: { id, name, sources: ['doc1'], confidence: 'confirmed', ...extra } };
}

function edge(id: string, type: string, source: string, target: string, extra: ResultEdge['properties'] = {}): ResultEdge {
  return { id, type, source, target, properties: { id, sources: ['doc1'], confidence: 'confirmed', ...extra } };
}

/**
 * d1 -DETAINED_AT-> f1 <-OPERATES- o1 -SUBORDINATE_TO-> o2 <-HELD_POST- p1, and a second operator o3.
 * Chain A climbs through o1 (weakest: e1, reported), chain B through o3 (weakest: e5, inferred).
 */
export function chainResult(): Result {
  const e1 = edge('e1', 'DETAINED_AT', 'd1', 'f1', { confidence: 'reported', synthetic: true });
  const e4 = edge('e4', 'HELD_POST', 'p1', 'o2', { title: 'Secretary', head: true });
  return {
    nodes: [
      node('d1', ['Person', 'Detainee'], 'Detainee A (synthetic)', { confidence: 'reported', synthetic: true }),
      node('f1', ['Facility'], 'Camp F', { facilityType: 'detention centre' }),
      node('o1', ['Organization'], 'County Bureau 1', { level: 'county' }),
      node('o3', ['Organization'], 'County Bureau 3', { level: 'county', confidence: 'inferred' }),
      node('o2', ['Organization'], 'Central Committee', { level: 'central' }),
      node('p1', ['Person', 'Official'], 'Leader P'),
    ],
    // e1 and e4 lie on both chains and come back twice, as a server may send them.
    edges: [
      e1,
      edge('e2', 'OPERATES', 'o1', 'f1'),
      edge('e3', 'SUBORDINATE_TO', 'o1', 'o2'),
      e4,
      e1,
      edge('e5', 'OPERATES', 'o3', 'f1', { confidence: 'inferred' }),
      edge('e6', 'SUBORDINATE_TO', 'o3', 'o2'),
      e4,
    ],
    paths: [
      {
        nodes: ['d1', 'f1', 'o1', 'o2', 'p1'],
        edges: ['e1', 'e2', 'e3', 'e4'],
        attributes: { strength: 'reported', weakestLinkId: 'e1', hops: 4 },
      },
      {
        nodes: ['d1', 'f1', 'o3', 'o2', 'p1'],
        edges: ['e1', 'e5', 'e6', 'e4'],
        attributes: { strength: 'inferred', weakestLinkId: 'e5', hops: 4 },
      },
    ],
    citations: { doc1: { id: 'doc1', name: 'Document One', publisher: 'Publisher', date: '2022-05-24' } },
    summary: {},
    meta: { query: 'chain-of-command', parameters: { id: 'd1', asOf: '2018-01-01' }, durationMs: 3, truncated: false },
  };
}
