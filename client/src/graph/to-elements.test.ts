// toElements on a two-chain fixture, checked through headless Cytoscape as the page will see it.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { chainResult } from './chain-result.fixture.ts';
import { toElements } from './to-elements.ts';

function graphOf(result = chainResult()) {
  return cytoscape({ headless: true, elements: toElements(result) });
}

const ids = (collection: cytoscape.NodeCollection | cytoscape.EdgeCollection) =>
  collection
    .toArray()
    .map((element) => element.id())
    .sort();

describe('toElements', () => {
  it('gives each node its label, kind and provenance as data and classes', () => {
    const cy = graphOf();
    const detainee = cy.getElementById('d1');
    expect(detainee.data()).toEqual({ id: 'd1', label: 'Detainee A (synthetic)', kind: 'Detainee', synthetic: true, confidence: 'reported' });
    expect(detainee.classes().sort()).toEqual(['detainee', 'synthetic', 'weak']);
    expect(cy.getElementById('p1').classes()).toEqual(['official']);
    expect(cy.getElementById('o3').classes().sort()).toEqual(['organization', 'weak']);
  });

  it('draws an edge crossed by several chains once', () => {
    const cy = graphOf();
    expect(ids(cy.nodes())).toEqual(['d1', 'f1', 'o1', 'o2', 'o3', 'p1']);
    expect(ids(cy.edges())).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('draws chains upward: from the start node to the leader, captions read that way', () => {
    const cy = graphOf();
    expect(ids(cy.nodes().roots())).toEqual(['d1']);
    expect(ids(cy.nodes().leaves())).toEqual(['p1']);
    expect(cy.getElementById('e1').data()).toMatchObject({ source: 'd1', target: 'f1', caption: 'detained at', reversed: false });
    expect(cy.getElementById('e1').classes()).toContain('on-path');
    expect(cy.getElementById('e2').data()).toMatchObject({ source: 'f1', target: 'o1', caption: 'operated by', reversed: true });
    expect(cy.getElementById('e4').data()).toMatchObject({ source: 'o2', target: 'p1', caption: 'post held by', reversed: true });
  });

  it("marks each chain's weakest link and every edge's own strength", () => {
    const cy = graphOf();
    expect(ids(cy.edges('.weakest'))).toEqual(['e1', 'e5']);
    expect(ids(cy.edges('.confirmed'))).toEqual(['e2', 'e3', 'e4', 'e6']);
    expect(ids(cy.edges('.reported'))).toEqual(['e1']);
    expect(ids(cy.edges('.inferred'))).toEqual(['e5']);
    expect(ids(cy.edges('.synthetic'))).toEqual(['e1']);
  });

  it('keeps the stored direction when there are no paths', () => {
    const cy = graphOf({ ...chainResult(), paths: [] });
    expect(cy.getElementById('e2').data()).toMatchObject({ source: 'o1', target: 'f1', caption: 'operates', reversed: false });
    expect(cy.edges('.weakest').length).toBe(0);
  });

  it('drops an edge whose end is not in the answer and captions an unknown type by its name', () => {
    const result = chainResult();
    result.edges.push({ id: 'e7', type: 'MENTIONS', source: 'o1', target: 'gone', properties: {} });
    result.edges.push({ id: 'e8', type: 'MENTIONS', source: 'o1', target: 'o3', properties: {} });
    const cy = graphOf(result);
    expect(cy.getElementById('e7').length).toBe(0);
    expect(cy.getElementById('e8').data()).toMatchObject({ caption: 'MENTIONS', confidence: null });
  });
});
