import { describe, expect, it } from 'vitest';
import { mergeResults, type Result } from './result.ts';

function answer(query: string, nodes: string[], edges: [string, string, string][], cited: string[]): Result {
  return {
    nodes: nodes.map((id) => ({ id, labels: ['Entity', 'Person'], properties: { id, query } })),
    edges: edges.map(([id, source, target]) => ({ id, type: 'REPORTS_TO', source, target, properties: { id } })),
    paths: [{ nodes, edges: edges.map(([id]) => id), attributes: {} }],
    citations: Object.fromEntries(cited.map((id) => [id, { id, name: `Document ${id}` }])),
    summary: {},
    meta: { query, parameters: {}, durationMs: 1, truncated: false },
  };
}

describe('mergeResults', () => {
  it('holds each element and path once, the newer copy of an element in both, and every citation', () => {
    const older = answer('first', ['a', 'b'], [['ab', 'a', 'b']], ['doc1']);
    const newer = answer('second', ['b', 'c'], [['bc', 'b', 'c']], ['doc2']);
    const merged = mergeResults(older, newer);
    expect(merged.nodes.map((node) => node.id)).toEqual(['a', 'b', 'c']);
    expect(merged.nodes.find((node) => node.id === 'b')!.properties.query).toBe('second');
    expect(merged.edges.map((edge) => edge.id)).toEqual(['ab', 'bc']);
    expect(merged.paths).toHaveLength(2);
    expect(Object.keys(merged.citations).sort()).toEqual(['doc1', 'doc2']);
    expect(merged.meta.query).toBe('second');
    // Undo history shares Results between states: neither argument changes.
    expect(older.nodes).toHaveLength(2);
    expect(mergeResults(merged, newer).paths).toHaveLength(2);
  });
});
