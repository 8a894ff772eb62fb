// Cytoscape JSON loaded by Cytoscape.js itself, headless: same elements, data flattened without clobbering what Cytoscape reads.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { toCytoscapeJson } from './cytoscape-json.ts';
import { chineseName, exportResult } from './export-result.fixture.ts';

describe('toCytoscapeJson', () => {
  it('loads into cytoscape({ headless, elements }) with every node and relationship once', () => {
    const exported = toCytoscapeJson(exportResult());
    const cy = cytoscape({ headless: true, elements: exported.elements });
    expect(cy.nodes().map((node) => node.id())).toEqual(['d1', 'f1', 'o1', 'o3', 'o2', 'p1']);
    expect(cy.edges().map((edge) => edge.id())).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(cy.elements()).toHaveLength(exported.elements.nodes.length + exported.elements.edges.length);
  });

  it('loads through cy.json(), core data included, after a trip through JSON text', () => {
    const exported = JSON.parse(JSON.stringify(toCytoscapeJson(exportResult())));
    const cy = cytoscape({ headless: true });
    cy.json(exported);
    expect(cy.elements()).toHaveLength(12);
    expect(cy.data('meta')).toMatchObject({ query: 'chain-of-command', parameters: { asOf: '2018-08-01' } });
    expect(cy.data('paths')).toHaveLength(2);
    expect(cy.data('citations').doc3.name).toBe('新疆文件');
  });

  it('gives each node an id, label and kind, then its properties as they are (lists stay lists)', () => {
    const cy = cytoscape({ headless: true, elements: toCytoscapeJson(exportResult()).elements });
    expect(cy.$id('d1').data()).toEqual({
      id: 'd1',
      label: 'Detainee A (synthetic)',
      kind: 'Detainee',
      labels: ['Entity', 'Person', 'Detainee'],
      name: 'Detainee A (synthetic)',
      nameZh: '被拘留者甲（合成）',
      confidence: 'confirmed',
      synthetic: true,
      sources: ['doc2'],
      age: 44,
    });
    expect(cy.$id('o2').data('label')).toBe(chineseName);
    expect(cy.$id('o2').data('aliases')).toEqual(['XUAR PC', 'Party; Government']);
  });

  it('keeps edges in their stored direction, with caption, chains and where each is the weakest link', () => {
    const cy = cytoscape({ headless: true, elements: toCytoscapeJson(exportResult()).elements });
    expect(cy.$id('e2').data()).toMatchObject({ source: 'o1', target: 'f1', type: 'OPERATES', caption: 'operates', chains: [1], weakestLinkOf: [] });
    expect(cy.$id('e2').data('fromPrecision')).toBe('month');
    expect(cy.$id('e5').data('weakestLinkOf')).toEqual([2]);
    expect(cy.$id('e1').data('chains')).toEqual([1, 2]);
    expect(cy.edges('[weakestLinkOf.length > 0]').map((edge) => edge.id())).toEqual(['e3', 'e5']);
  });

  it('never lets a property named like a Cytoscape field nest a node or move an edge', () => {
    const result = exportResult();
    result.nodes[0]!.properties.parent = 'o2';
    result.nodes[0]!.properties.label = 'a property called label';
    result.edges[1]!.properties.source = 'p1';
    const cy = cytoscape({ headless: true, elements: toCytoscapeJson(result).elements });
    expect(cy.$id('d1').parent()).toHaveLength(0);
    expect(cy.$id('d1').data()).toMatchObject({ label: 'Detainee A (synthetic)', property_label: 'a property called label', property_parent: 'o2' });
    expect(cy.$id('e2').source().id()).toBe('o1');
    expect(cy.$id('e2').data('property_source')).toBe('p1');
  });

  it('leaves out an edge whose end is missing, and lists it, rather than fail to load', () => {
    const result = exportResult();
    result.edges.push({ id: 'dangling', type: 'LOCATED_IN', source: 'f1', target: 'nowhere', properties: {} });
    const exported = toCytoscapeJson(result);
    expect(exported.data.omittedEdgeIds).toEqual(['dangling']);
    expect(() => cytoscape({ headless: true, elements: exported.elements })).not.toThrow();
  });
});
