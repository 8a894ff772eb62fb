import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toJson } from './to-json.ts';
import { toResult } from './to-result.ts';

const { Node, Relationship, Path, PathSegment, Record } = neo4j.types;
const meta = { query: 'q', parameters: {}, durationMs: 1, truncated: false };

function node(elementId: string, labels: string[], properties: Record<string, unknown>) {
  return new Node(neo4j.int(0), labels, properties, elementId);
}
function rel(elementId: string, type: string, start: string, end: string, properties: Record<string, unknown>) {
  return new Relationship(neo4j.int(0), neo4j.int(0), neo4j.int(0), type, properties, elementId, start, end);
}

const detainee = node('e1', ['Person', 'Detainee'], { id: 'd', synthetic: true });
const facility = node('e2', ['Facility'], { id: 'f' });
const bureau = node('e3', ['Organization'], { id: 'b' });
const detained = rel('r1', 'DETAINED_AT', 'e1', 'e2', { id: 'd-f', from: new neo4j.types.Date(2017, 5, 1) });
const operates = rel('r2', 'OPERATES', 'e3', 'e2', { id: 'b-f', capacity: neo4j.int(3000) });

describe('toJson', () => {
  it('makes driver values plain JSON', () => {
    expect(toJson(neo4j.int(42))).toBe(42);
    expect(toJson(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toJson(new neo4j.types.Date(2018, 6, 15))).toBe('2018-06-15');
    expect(toJson({ list: [neo4j.int(1), 'a', null] })).toEqual({ list: [1, 'a', null] });
  });
});

describe('toResult', () => {
  it('keeps a path in traversal order, and each edge in its stored direction', () => {
    // detainee -> facility <- bureau: the second segment walks OPERATES backwards.
    const path = new Path(detainee, bureau, [new PathSegment(detainee, detained, facility), new PathSegment(facility, operates, bureau)]);
    const result = toResult([new Record(['chain', 'strength'], [path, 'inferred'])], meta);
    expect(result.paths).toEqual([{ nodes: ['d', 'f', 'b'], edges: ['d-f', 'b-f'], attributes: { strength: 'inferred' } }]);
    expect(result.edges).toEqual([
      { id: 'd-f', type: 'DETAINED_AT', source: 'd', target: 'f', properties: { id: 'd-f', from: '2017-05-01' } },
      { id: 'b-f', type: 'OPERATES', source: 'b', target: 'f', properties: { id: 'b-f', capacity: 3000 } },
    ]);
    expect(result.nodes.map((n) => n.id)).toEqual(['d', 'f', 'b']);
    expect(result.nodes[0]!.labels).toEqual(['Detainee', 'Person']);
  });

  it('joins a second path column that continues the first, and skips a null one', () => {
    const up = new Path(detainee, facility, [new PathSegment(detainee, detained, facility)]);
    const onward = new Path(facility, bureau, [new PathSegment(facility, operates, bureau)]);
    const result = toResult([new Record(['chain', 'leadership'], [up, onward]), new Record(['chain', 'leadership'], [up, null])], meta);
    expect(result.paths.map((p) => p.nodes)).toEqual([
      ['d', 'f', 'b'],
      ['d', 'f'],
    ]);
    expect(result.paths[1]!.attributes).toEqual({});
  });

  it('puts cited documents in citations, not among the nodes to draw', () => {
    const source = node('e9', ['Document'], { id: 's1', name: 'A report', url: 'https://example.org/r', publisher: 'P' });
    const result = toResult([new Record(['node', 'citations'], [facility, [source]])], meta);
    expect(result.nodes.map((n) => n.id)).toEqual(['f']);
    expect(result.citations).toEqual({ s1: { id: 's1', name: 'A report', url: 'https://example.org/r', publisher: 'P' } });
  });

  it('refuses a node without our id rather than drawing it under a database id', () => {
    expect(() => toResult([new Record(['n'], [node('e7', ['_View'], { title: 'x' })])], meta)).toThrow(/without an "id"/);
  });
});
