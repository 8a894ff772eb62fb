import { describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/result.ts';
import { ViewContent } from '../../../contract/api/saved-view.ts';
import { chainResult } from '../graph/chain-result.fixture.ts';
import type { WorkspaceState } from '../workspace/workspace.ts';
import { keptElements, missingElements, placeAdded, restrictResult, toViewBody, toWorkspaceState } from './view-state.ts';

function workspaceState(overrides: Partial<WorkspaceState> = {}): WorkspaceState {
  const result = chainResult();
  return {
    query: { name: 'chain-of-command', parameters: { id: 'd1', asOf: '2018-01-01' } },
    result,
    hidden: [],
    pinned: ['o2'],
    positions: Object.fromEntries(result.nodes.map((node, i) => [node.id, { x: i * 10.25, y: -i * 3.5 }])),
    layout: 'chain',
    filters: { asOf: '2018-01-01', synthetic: true, labels: undefined },
    viewport: { zoom: 1.5, pan: { x: 12, y: -4 } },
    ...overrides,
  };
}

const noChanges = {
  since: '2024-01-01T00:00:00.000Z',
  removed: { nodes: [], edges: [] },
  changed: { nodes: [], edges: [] },
  unverified: { nodes: [], edges: [] },
  added: { nodes: [], edges: [] },
};

describe('keptElements', () => {
  it('keeps every fetched element once, in order', () => {
    expect(keptElements(workspaceState())).toEqual({ nodes: ['d1', 'f1', 'o1', 'o3', 'o2', 'p1'], edges: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'] });
  });

  it('leaves out what the analyst hid, and the edges that would dangle from a hidden node', () => {
    expect(keptElements(workspaceState({ hidden: ['o3', 'e2'] }))).toEqual({ nodes: ['d1', 'f1', 'o1', 'o2', 'p1'], edges: ['e1', 'e3', 'e4'] });
  });
});

describe('toViewBody', () => {
  it('makes a body the server’s own ViewContent schema accepts, with positions of kept nodes only and no undefined filters', () => {
    const body = toViewBody(workspaceState({ hidden: ['p1'] }), { title: 'Camp F, 2018', notes: 'Two operators.' });
    const parsed = ViewContent.parse(body);
    expect(parsed.title).toBe('Camp F, 2018');
    expect(parsed.notes).toBe('Two operators.');
    expect(Object.keys(parsed.positions).sort()).toEqual(['d1', 'f1', 'o1', 'o2', 'o3']);
    expect(parsed.positions.o1).toEqual({ x: 20.5, y: -7 });
    expect(parsed.filters).toEqual({ asOf: '2018-01-01', synthetic: true });
    expect(Object.keys(body.filters ?? {})).not.toContain('labels');
    expect(parsed.query).toEqual({ name: 'chain-of-command', parameters: { id: 'd1', asOf: '2018-01-01' } });
    expect(parsed.viewport).toEqual({ zoom: 1.5, pan: { x: 12, y: -4 } });
  });
});

describe('restrictResult', () => {
  it('keeps edges with both ends, whole paths only, and the citations the kept elements cite', () => {
    const result = chainResult();
    result.citations.unused = { id: 'unused', name: 'Cited by nothing kept' };
    const kept = restrictResult(result, { nodes: ['d1', 'f1', 'o1', 'o2', 'p1'], edges: ['e1', 'e2', 'e3', 'e4', 'e5'] });
    expect(kept.nodes.map((node) => node.id)).toEqual(['d1', 'f1', 'o1', 'o2', 'p1']);
    // e5 joins o3, which is not kept.
    expect(new Set(kept.edges.map((edge) => edge.id))).toEqual(new Set(['e1', 'e2', 'e3', 'e4']));
    expect(kept.paths.map((path) => path.attributes.weakestLinkId)).toEqual(['e1']);
    expect(Object.keys(kept.citations)).toEqual(['doc1']);
  });
});

describe('missingElements', () => {
  it('names what is neither loaded nor known to be removed', () => {
    const loaded = restrictResult(chainResult(), { nodes: ['d1', 'f1'], edges: ['e1'] });
    const document = { elements: { nodes: ['d1', 'f1', 'o1', 'gone'], edges: ['e1', 'e2', 'e-gone'] } };
    expect(missingElements(loaded, document, { nodes: ['gone'], edges: ['e-gone'] })).toEqual({ nodes: ['o1'], edges: ['e2'] });
  });
});

describe('placeAdded', () => {
  it('puts a new node beside a neighbour that has a position, and one with none right of the drawing', () => {
    const result: Result = {
      ...chainResult(),
      nodes: [...chainResult().nodes, { id: 'lone', labels: ['Entity'], properties: {} }],
    };
    const placed = placeAdded({ o1: { x: 0, y: 0 }, o2: { x: 100, y: 50 } }, result, ['o3', 'f1', 'lone']);
    // o3 links to o2 (e6) only; f1 links to o1 (e2) first.
    expect(placed.o3).toEqual({ x: 190, y: 50 });
    expect(placed.f1).toEqual({ x: 90, y: 0 });
    expect(placed.lone).toEqual({ x: 280, y: 0 });
    expect(placed.o1).toEqual({ x: 0, y: 0 });
  });
});

describe('toWorkspaceState', () => {
  it('puts a saved view back as saved: elements, positions, layout, filters and viewport, with nothing highlighted', () => {
    const saved = workspaceState();
    const document = ViewContent.parse(toViewBody(saved, { title: 'T', notes: '' }));
    const { state, highlight } = toWorkspaceState({ document, changes: noChanges }, saved.result);
    expect(state.result.nodes.map((node) => node.id)).toEqual(keptElements(saved).nodes);
    expect(new Set(state.result.edges.map((edge) => edge.id))).toEqual(new Set(keptElements(saved).edges));
    expect(state.positions).toEqual(saved.positions);
    expect(state.layout).toBe('chain');
    expect(state.filters).toEqual({ asOf: '2018-01-01', synthetic: true });
    expect(state.viewport).toEqual(saved.viewport);
    expect(state.query).toEqual(saved.query);
    expect(highlight).toEqual({ added: [], changed: [], removed: [] });
  });

  it('draws what the query returns now beside the saved drawing, highlighted, and names what changed or went', () => {
    const saved = workspaceState({ hidden: ['o3', 'e5', 'e6'] });
    const document = ViewContent.parse(toViewBody(saved, { title: 'T', notes: '' }));
    const changes = {
      ...noChanges,
      removed: { nodes: [], edges: ['e2'] },
      changed: { nodes: ['o1'], edges: [] },
      added: { nodes: ['o3'], edges: ['e5', 'e6'] },
    };
    const now = restrictResult(chainResult(), { nodes: ['d1', 'f1', 'o1', 'o2', 'o3', 'p1'], edges: ['e1', 'e3', 'e4', 'e5', 'e6'] });
    const { state, highlight } = toWorkspaceState({ document, changes }, now);
    expect(state.result.nodes.map((node) => node.id)).toContain('o3');
    expect(state.result.edges.map((edge) => edge.id)).not.toContain('e2');
    expect(state.positions.o3).toBeDefined();
    expect(state.positions.d1).toEqual(saved.positions.d1);
    expect(highlight).toEqual({ added: ['o3', 'e5', 'e6'], changed: ['o1'], removed: ['e2'] });
  });
});
