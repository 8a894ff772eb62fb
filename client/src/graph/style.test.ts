// The stylesheet reaches elements through classes alone and marks chains' weakest links.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { chainResult } from './chain-result.fixture.ts';
import { kindStyles, strengthColours, strengthColoursByTheme, stylesheet, stylesheetFor } from './style.ts';
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

  it('draws links in the dark theme with lighter colours of the same meaning, readable on the dark canvas', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const level of ['confirmed', 'reported', 'inferred', 'weakest'] as const) {
      expect(luminance(strengthColoursByTheme.dark[level]), level).toBeGreaterThan(luminance(strengthColoursByTheme.light[level]));
      expect(luminance(strengthColoursByTheme.dark[level]), level).toBeGreaterThan(0.35);
    }
    const dark = cytoscape({ headless: true, styleEnabled: true, style: stylesheetFor('dark'), elements: toElements(chainResult()) });
    const confirmed = dark.edges('.confirmed').first();
    expect(confirmed.empty()).toBe(false);
    // Cytoscape reports colours as rgb(r,g,b).
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
    expect(confirmed.style('line-color')).toBe(rgb(strengthColoursByTheme.dark.confirmed));
  });
});
