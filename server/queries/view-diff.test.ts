// diffView: removed, changed, unverified and added, from fingerprints then and now.
import { describe, expect, it } from 'vitest';
import { diffView } from './view-diff.ts';

const elements = { nodes: ['a', 'b', 'c', 'd'], edges: ['a-b', 'b-c'] };
const snapshot = { nodes: { a: 'fa', b: 'fb', c: 'fc' }, edges: { 'a-b': 'fab', 'b-c': 'fbc' } };
const since = '2025-01-02T03:04:05.000Z';

describe('diffView', () => {
  it('names removed, changed and unverified elements in the view order, and what the query adds', () => {
    const now = {
      nodes: new Map([
        ['a', 'fa'],
        ['b', 'fb2'],
        ['d', 'fd'],
      ]),
      edges: new Map([['a-b', 'fab']]),
    };
    const queryNow = { known: true as const, elements: { nodes: ['e', 'a', 'b'], edges: ['a-b', 'b-e'] } };
    expect(diffView(elements, snapshot, since, now, queryNow)).toEqual({
      since,
      removed: { nodes: ['c'], edges: ['b-c'] },
      changed: { nodes: ['b'], edges: [] },
      // Saved without a fingerprint (a version-0 document): present, but nothing to compare with.
      unverified: { nodes: ['d'], edges: [] },
      added: { nodes: ['e'], edges: ['b-e'] },
    });
  });

  it('says nothing changed when every fingerprint matches', () => {
    const now = { nodes: new Map(Object.entries(snapshot.nodes)), edges: new Map(Object.entries(snapshot.edges)) };
    const changes = diffView({ nodes: ['a', 'b', 'c'], edges: ['a-b', 'b-c'] }, snapshot, since, now, { known: true, elements: { nodes: ['a'], edges: [] } });
    expect(changes).toEqual({
      since,
      removed: { nodes: [], edges: [] },
      changed: { nodes: [], edges: [] },
      unverified: { nodes: [], edges: [] },
      added: { nodes: [], edges: [] },
    });
  });

  it('leaves added unknown, with the reason, when the query cannot be re-run', () => {
    const changes = diffView(
      elements,
      snapshot,
      since,
      { nodes: new Map(), edges: new Map() },
      { known: false, reason: 'the view was not drawn by one query' },
    );
    expect(changes.added).toBeNull();
    expect(changes.addedUnknownBecause).toBe('the view was not drawn by one query');
    expect(changes.removed).toEqual(elements);
  });
});
