// The canvas following the content, headless: elements added, updated and removed, pins locked, places
// remembered, positions and camera put back and read, and changes marked.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/result.ts';
import { stylesheet } from '../graph/style.ts';
import { createCanvasSync } from './canvas-sync.ts';
import { emptyContent, withAnswer, withHidden, withNothingHidden, withPinned } from './workspace-content.ts';

/** a -REPORTS_TO-> b, and c on its own. */
function small(): Result {
  const node = (id: string) => ({ id, labels: ['Entity', 'Organization'], properties: { id, name: id.toUpperCase() } });
  return {
    nodes: [node('a'), node('b'), node('c')],
    edges: [{ id: 'ab', type: 'SUBORDINATE_TO', source: 'a', target: 'b', properties: { id: 'ab' } }],
    paths: [],
    citations: {},
    summary: {},
    meta: { query: 'test', parameters: {}, durationMs: 1, truncated: false },
  };
}

function canvas() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet });
  return { cy, sync: createCanvasSync(cy, stylesheet) };
}

const drawn = (cy: cytoscape.Core) =>
  cy
    .elements()
    .map((element) => element.id())
    .sort();

describe('createCanvasSync', () => {
  it('adds what the content shows, answering with the nodes that have no place yet, and removes what it no longer shows', () => {
    const { cy, sync } = canvas();
    const content = withAnswer(emptyContent(), small(), 'replace');
    const added = sync.apply(content);
    expect(drawn(cy)).toEqual(['a', 'ab', 'b', 'c']);
    expect(added.map((node) => node.id()).sort()).toEqual(['a', 'b', 'c']);
    sync.apply(withHidden(content, ['b']));
    expect(drawn(cy)).toEqual(['a', 'c']);
    expect(cy.getElementById('a').data('label')).toBe('A');
  });

  it('puts a node that comes back where it stood, so it needs no layout', () => {
    const { cy, sync } = canvas();
    const content = withAnswer(emptyContent(), small(), 'replace');
    sync.apply(content);
    sync.place({ b: { x: 40, y: -20 } });
    sync.apply(withHidden(content, ['b']));
    expect(sync.apply(withNothingHidden(content)).empty()).toBe(true);
    expect(cy.getElementById('b').position()).toEqual({ x: 40, y: -20 });
    // A drawing that starts over forgets where b stood.
    sync.apply(withHidden(content, ['b']));
    sync.forgetPlaces();
    expect(sync.apply(withNothingHidden(content)).map((node) => node.id())).toEqual(['b']);
  });

  it('locks pinned nodes, and places them all the same when a saved state says where they go', () => {
    const { cy, sync } = canvas();
    sync.apply(withPinned(withAnswer(emptyContent(), small(), 'replace'), ['a'], true));
    expect(cy.getElementById('a').locked()).toBe(true);
    expect(cy.getElementById('b').locked()).toBe(false);
    sync.place({ a: { x: 7, y: 8 }, b: { x: 1, y: 2 } });
    expect(sync.positions()).toMatchObject({ a: { x: 7, y: 8 }, b: { x: 1, y: 2 } });
    expect(cy.getElementById('a').locked()).toBe(true);
  });

  it('draws a link anew when a chain now climbs it the other way round', () => {
    const { cy, sync } = canvas();
    const content = withAnswer(emptyContent(), small(), 'replace');
    sync.apply(content);
    const climbed = { ...small(), paths: [{ nodes: ['b', 'a'], edges: ['ab'], attributes: {} }] };
    sync.apply(withAnswer(emptyContent(), climbed, 'replace'));
    const link = cy.getElementById('ab');
    expect([link.source().id(), link.target().id()]).toEqual(['b', 'a']);
  });

  it('puts the camera back and reads it, and marks what changed since a saved version', () => {
    const { cy, sync } = canvas();
    sync.apply(withAnswer(emptyContent(), small(), 'replace'));
    sync.setViewport({ zoom: 2, pan: { x: 30, y: -10 } });
    expect(sync.viewport()).toEqual({ zoom: 2, pan: { x: 30, y: -10 } });
    sync.mark({ added: ['c'], changed: ['ab'], removed: ['gone'] });
    expect(cy.getElementById('c').hasClass('changed-added')).toBe(true);
    expect(cy.getElementById('ab').hasClass('changed-changed')).toBe(true);
    sync.mark(undefined);
    expect(cy.$('.changed-added, .changed-changed').empty()).toBe(true);
  });
});
