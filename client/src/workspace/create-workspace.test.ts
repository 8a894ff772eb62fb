// The workspace headless: what it draws, hides, filters and pins, and how undo, redo and restore put states back.
import { describe, expect, it } from 'vitest';
import { chainResult } from '../graph/chain-result.fixture.ts';
import { plainFromElements } from '../graph/render-options.ts';
import { stylesheet } from '../graph/style.ts';
import { createWorkspace } from './create-workspace.ts';

const drawnIds = (workspace: ReturnType<typeof createWorkspace>) =>
  workspace.cy
    .elements()
    .map((element) => element.id())
    .sort();

async function drawnChain() {
  const workspace = createWorkspace({ stylesheet });
  await workspace.draw(chainResult(), { mode: 'replace', layout: 'chain', query: { name: 'chain-of-command', parameters: { id: 'd1' } } });
  return workspace;
}

describe('createWorkspace', () => {
  it('draws large answers with the plain overlay (straight links, no captions) and small ones with the full stylesheet', async () => {
    // A grid instead of the named layouts: a force layout of a thousand nodes is bench:ui's business.
    const workspace = createWorkspace({ stylesheet, runLayout: async (elements) => void elements.layout({ name: 'grid' }).run() });
    await workspace.draw(chainResult(), { mode: 'replace', layout: 'chain' });
    expect(workspace.cy.getElementById('e1').style('curve-style')).not.toBe('haystack');
    // A star of one organisation and its members: past plainFromElements elements in all.
    const hub = { id: 'hub', labels: ['Entity', 'Organization'], properties: { id: 'hub', name: 'Hub' } };
    const members = Array.from({ length: plainFromElements / 2 }, (_, i) => ({
      id: `m${i}`,
      labels: ['Entity', 'Person'],
      properties: { id: `m${i}`, name: `Member ${i}` },
    }));
    const links = members.map((member) => ({
      id: `l-${member.id}`,
      type: 'MEMBER_OF',
      source: member.id,
      target: 'hub',
      properties: { id: `l-${member.id}` },
    }));
    const star = { ...chainResult(), nodes: [hub, ...members], edges: links, paths: [], citations: {} };
    await workspace.draw(star, { mode: 'merge', layout: 'overview' });
    // A star's like leaves are folded into one group node (graph/grouping.ts); opened, all of them are drawn.
    expect(workspace.cy.elements().length).toBeLessThan(plainFromElements);
    await workspace.expandGroup('group:hub:MEMBER_OF:Person');
    expect(workspace.cy.elements().length).toBeGreaterThanOrEqual(plainFromElements);
    expect(workspace.cy.getElementById('e1').style('curve-style')).toBe('haystack');
    // Back under the threshold, the full stylesheet returns.
    await workspace.undo();
    await workspace.undo();
    expect(workspace.cy.getElementById('e1').style('curve-style')).not.toBe('haystack');
  });

  it('draws an answer and snapshots it with positions, layout and query', async () => {
    const workspace = await drawnChain();
    const state = workspace.state();
    expect(drawnIds(workspace)).toEqual(['d1', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'f1', 'o1', 'o2', 'o3', 'p1']);
    expect(Object.keys(state.positions).sort()).toEqual(['d1', 'f1', 'o1', 'o2', 'o3', 'p1']);
    expect(state).toMatchObject({ layout: 'chain', query: { name: 'chain-of-command' }, hidden: [], pinned: [] });
  });

  it('hides a node with its links, and undo and redo walk the history', async () => {
    const workspace = await drawnChain();
    let changes = 0;
    workspace.onChange(() => changes++);
    workspace.hide(['o3']);
    expect(drawnIds(workspace)).not.toContain('o3');
    expect(drawnIds(workspace)).not.toContain('e5');
    expect(changes).toBe(1);
    await workspace.undo();
    expect(drawnIds(workspace)).toContain('e5');
    expect(workspace.canRedo()).toBe(true);
    await workspace.redo();
    expect(drawnIds(workspace)).not.toContain('o3');
    expect(changes).toBe(3);
  });

  it('filters by kind, confidence and synthetic without forgetting what is filtered out', async () => {
    const workspace = await drawnChain();
    workspace.setFilters({ synthetic: false });
    expect(drawnIds(workspace)).not.toContain('d1');
    // d1 is reported, o3 inferred, e1 reported: a confirmed-only filter leaves the confirmed rest.
    workspace.setFilters({ confidence: ['confirmed'] });
    expect(
      workspace.cy
        .nodes()
        .map((node) => node.id())
        .sort(),
    ).toEqual(['f1', 'o1', 'o2', 'p1']);
    workspace.setFilters({ labels: ['Organization', 'Official'] });
    expect(
      workspace.cy
        .nodes()
        .map((node) => node.id())
        .sort(),
    ).toEqual(['o1', 'o2', 'o3', 'p1']);
    workspace.setFilters({});
    expect(workspace.result().nodes).toHaveLength(6);
  });

  it('restores a state exactly: elements, positions, viewport, pins, and marks what changed', async () => {
    const source = await drawnChain();
    source.setPinned(['o2'], true);
    source.remove(['o3']);
    const saved = source.state();

    const target = createWorkspace({ stylesheet });
    await target.restore(saved, { highlight: { added: ['o1'], changed: ['e2'], removed: ['o3'] } });
    const restored = target.state();
    expect(restored.positions).toEqual(saved.positions);
    expect(restored.viewport).toEqual(saved.viewport);
    expect(restored.pinned).toEqual(['o2']);
    expect(target.cy.getElementById('o2').locked()).toBe(true);
    expect(drawnIds(target)).not.toContain('o3');
    expect(target.cy.getElementById('o1').hasClass('changed-added')).toBe(true);
    expect(target.cy.getElementById('e2').hasClass('changed-changed')).toBe(true);
    expect(target.removedSinceVersion()).toEqual(['o3']);
  });

  it('merges an expansion into what is drawn and keeps pinned nodes where they are', async () => {
    const workspace = await drawnChain();
    workspace.setPinned(['p1'], true);
    const before = workspace.cy.getElementById('p1').position();
    const extra = chainResult();
    extra.nodes = [...extra.nodes, { id: 'x1', labels: ['Entity', 'Organization'], properties: { id: 'x1', name: 'Extra' } }];
    extra.edges = [{ id: 'e9', type: 'SUBORDINATE_TO', source: 'x1', target: 'o2', properties: { id: 'e9' } }];
    extra.paths = [];
    await workspace.draw(extra, { mode: 'merge', layout: 'overview', near: 'o2' });
    expect(drawnIds(workspace)).toEqual(expect.arrayContaining(['x1', 'e9', 'e1', 'd1']));
    expect(workspace.cy.getElementById('p1').position()).toEqual(before);
    expect(workspace.state().query).toBeNull();
  });
});
