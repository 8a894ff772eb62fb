// The workspace's content as data: each step from one content to the next, and the round trip through a saved state.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/result.ts';
import { chainResult } from '../graph/chain-result.fixture.ts';
import {
  contentOf,
  emptyContent,
  stateOf,
  visibleResult,
  withAnswer,
  withFilters,
  withHidden,
  withNothingHidden,
  withoutElements,
  withPinned,
} from './workspace-content.ts';

const chainQuery = { name: 'chain-of-command', parameters: { id: 'd1' } };

/** One more organisation, x1, under o2. */
function expansion(): Result {
  return {
    ...chainResult(),
    nodes: [{ id: 'x1', labels: ['Entity', 'Organization'], properties: { id: 'x1', name: 'Extra' } }],
    edges: [],
    paths: [],
  };
}

const ids = (result: Result) => ({ nodes: result.nodes.map((node) => node.id).sort(), edges: [...new Set(result.edges.map((edge) => edge.id))].sort() });

describe('workspace content', () => {
  it('replaces with an answer and keeps its query; a merge adds to it and no longer comes from one query', () => {
    const drawn = withAnswer(emptyContent(), chainResult(), 'replace', chainQuery);
    expect(drawn.query).toEqual(chainQuery);
    expect(ids(drawn.result).nodes).toEqual(['d1', 'f1', 'o1', 'o2', 'o3', 'p1']);
    const merged = withAnswer(drawn, expansion(), 'merge');
    expect(merged.query).toBeNull();
    expect(ids(merged.result).nodes).toContain('x1');
    expect(ids(merged.result).nodes).toContain('d1');
    expect(ids(withAnswer(merged, expansion(), 'replace').result).nodes).toEqual(['x1']);
  });

  it('keeps pins and hides across a redraw, and never changes the content it started from', () => {
    const pinned = withHidden(withPinned(withAnswer(emptyContent(), chainResult(), 'replace'), ['o2'], true), ['o3']);
    const redrawn = withAnswer(pinned, chainResult(), 'replace');
    expect([...redrawn.pinned]).toEqual(['o2']);
    expect([...redrawn.hidden]).toEqual(['o3']);
    expect([...withPinned(redrawn, ['o2'], false).pinned]).toEqual([]);
    expect([...redrawn.pinned]).toEqual(['o2']);
  });

  it('draws what is neither hidden nor filtered out, and shows all again', () => {
    const drawn = withAnswer(emptyContent(), chainResult(), 'replace');
    const hidden = withHidden(drawn, ['o3']);
    expect(ids(visibleResult(hidden)).nodes).not.toContain('o3');
    expect(ids(hidden.result).nodes).toContain('o3');
    expect(ids(visibleResult(withNothingHidden(hidden))).nodes).toContain('o3');
    // d1 is the only synthetic node.
    expect(ids(visibleResult(withFilters(drawn, { synthetic: false }))).nodes).toEqual(['f1', 'o1', 'o2', 'o3', 'p1']);
    expect(ids(visibleResult(withFilters(drawn, { labels: ['Facility'] }))).nodes).toEqual(['f1']);
  });

  it('removes elements for good, with the links that lose an end, and the query with them', () => {
    const removed = withoutElements(withAnswer(emptyContent(), chainResult(), 'replace', chainQuery), ['o3']);
    expect(ids(removed.result)).toEqual({ nodes: ['d1', 'f1', 'o1', 'o2', 'p1'], edges: ['e1', 'e2', 'e3', 'e4'] });
    expect(removed.query).toBeNull();
    expect(removed.result.paths.map((path) => path.attributes.weakestLinkId)).toEqual(['e1']);
  });

  it('becomes a serialisable state with the canvas positions and viewport, and comes back from one unchanged', () => {
    const content = withFilters(withPinned(withAnswer(emptyContent(), chainResult(), 'replace', chainQuery), ['p1'], true), { asOf: '2018-01-01' });
    const canvas = { positions: { d1: { x: 0, y: 100 }, p1: { x: 0, y: 0 } }, viewport: { zoom: 2, pan: { x: 5, y: -5 } } };
    const state = stateOf(content, canvas);
    expect(state).toMatchObject({ query: chainQuery, hidden: [], pinned: ['p1'], layout: 'overview', filters: { asOf: '2018-01-01' }, ...canvas });
    expect(structuredClone(state)).toEqual(state);
    expect(stateOf(contentOf(state), canvas)).toEqual(state);
  });
});
