// The stylesheet reaches elements through classes alone and marks chains' weakest links.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { chainResult } from './chain-result.fixture.ts';
import { kindStyles, strengthColours, stylesheet } from './style.ts';
import { toElements } from './to-elements.ts';

describe('stylesheet', () => {
  it('never selects by id', () => {
    expect(stylesheet.map((block) => block.selector).filter((selector) => selector.includes('#'))).toEqual([]);
  });

  it('draws kinds, synthetic records and weakest links as the legend says', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet, elements: toElements(chainResult()) });
    expect(cy.getElementById('f1').style('shape')).toBe(kindStyles.Facility.shape);
    expect(cy.getElementById('p1').style('shape')).toBe(kindStyles.Official.shape);
    expect(cy.getElementById('d1').style('border-style')).toBe('dashed');
    expect(cy.getElementById('e5').style('line-style')).toBe('dashed');
    expect(cy.getElementById('e5').style('line-color')).toBe(cy.getElementById('e1').style('line-color'));
    expect(cy.getElementById('e3').style('line-style')).toBe('solid');
    expect(strengthColours.weakest).not.toBe(strengthColours.inferred);
  });
});
