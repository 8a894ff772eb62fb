import { describe, expect, it } from 'vitest';
import {
  chooseRendering,
  hideEdgesWhileMovingFromElements,
  largeFromElements,
  plainFromElements,
  plainStyleAdjustments,
  webglFromElements,
  webglStyleAdjustments,
  withRenderAdjustments,
} from './render-options.ts';
import cytoscape, { type StylesheetJson } from 'cytoscape';
import { kindStyles, stylesheet, stylesheetFor } from './style.ts';

/** Every class and state the stylesheet draws, on a node of each kind and on links: the computed style of each, by element. */
function drawnStyles(sheet: StylesheetJson): Map<string, Record<string, string>> {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: sheet });
  const nodeMarks = ['', 'synthetic', 'weak', 'synthetic weak', 'redacted', 'changed-added', 'changed-changed', 'group', 'entered', 'left', 'faded'];
  const edgeMarks = [
    'confirmed',
    'reported',
    'inferred',
    'synthetic reported',
    'weakest',
    'hypothesis',
    'on-path',
    'hover',
    'group-link',
    'changed-added',
    'entered',
    'left',
    'faded',
  ];
  const kinds = Object.values(kindStyles).map((kind) => kind.className);
  for (const kind of kinds) {
    for (const mark of nodeMarks)
      cy.add({
        group: 'nodes',
        data: { id: `node ${kind} ${mark}`, label: 'A name long enough to wrap over more than one line of text' },
        classes: `${kind} ${mark}`,
      });
  }
  cy.add({ group: 'nodes', data: { id: 'node photo', label: 'With a photo', photo: 'data:image/png;base64,' }, classes: kinds[0] });
  const [from, to] = [`node ${kinds[0]} `, `node ${kinds[1]} `];
  for (const mark of edgeMarks)
    cy.add({ group: 'edges', data: { id: `edge ${mark}`, source: from, target: to, caption: 'reports to', captionShift: 12 }, classes: mark });
  cy.$('[id = "node photo"], [id = "edge confirmed"]').select();
  const styles = new Map<string, Record<string, string>>();
  cy.elements().forEach((element) => {
    // Cytoscape names them in camel case (textMaxWidth); the stylesheet in CSS's (text-max-width).
    const style = Object.entries(element.style() as Record<string, string>).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value]);
    styles.set(element.id(), Object.fromEntries(style));
  });
  return styles;
}

/** The stylesheet's blocks as the explorer writes them: a selector and a style object each. */
function blocks(sheet: StylesheetJson): { selector: string; style: Record<string, unknown> }[] {
  return sheet as unknown as { selector: string; style: Record<string, unknown> }[];
}

/**
 * What the fold may leave out, by kind, listed here rather than read from the fold: each one draws
 * nothing under the overlay (checked below), and anything else it left out would show as a difference.
 */
const silent = {
  edge: new Set([
    'target-arrow-color',
    'color',
    'font-size',
    'font-style',
    'font-weight',
    'text-rotation',
    'text-margin-x',
    'text-margin-y',
    'text-background-color',
    'text-background-opacity',
    'text-background-padding',
    'min-zoomed-font-size',
  ]),
  node: new Set(['text-background-color', 'text-max-width']),
};

describe('chooseRendering', () => {
  it('keeps the canvas renderer, drawing every frame in full, for a chain-sized answer', () => {
    const choice = chooseRendering(40, true);
    expect(choice.renderer).toBe('canvas');
    expect(choice.options.renderer.webgl).toBe(false);
    expect(choice.options.textureOnViewport).toBe(false);
    expect(choice.options.hideLabelsOnViewport).toBe(false);
  });

  it('draws large answers with WebGL when the browser has it', () => {
    const choice = chooseRendering(webglFromElements, true);
    expect(choice.renderer).toBe('webgl');
    expect(choice.options.renderer).toMatchObject({ name: 'canvas', webgl: true });
  });

  it('falls back to the canvas renderer with a viewport texture when WebGL is unavailable', () => {
    const choice = chooseRendering(20_000, false);
    expect(choice.renderer).toBe('canvas');
    expect(choice.options.renderer.webgl).toBe(false);
    expect(choice.options.textureOnViewport).toBe(true);
    expect(choice.options.hideLabelsOnViewport).toBe(true);
  });

  it('uses the viewport shortcuts on the canvas renderer from the large threshold, below the WebGL one', () => {
    expect(largeFromElements).toBeLessThan(webglFromElements);
    expect(chooseRendering(largeFromElements - 1, true).options.textureOnViewport).toBe(false);
    expect(chooseRendering(largeFromElements, true).options.textureOnViewport).toBe(true);
  });
});

describe('withRenderAdjustments', () => {
  it('adds the WebGL adjustments after the stylesheet, so they win, and only under WebGL', () => {
    expect(withRenderAdjustments('canvas', stylesheet)).toBe(stylesheet);
    const webgl = withRenderAdjustments('webgl', stylesheet);
    expect(webgl.slice(0, stylesheet.length)).toEqual(stylesheet);
    expect(webgl.slice(stylesheet.length)).toEqual(webglStyleAdjustments);
  });
});

describe('the plain overlay for large answers on the canvas renderer', () => {
  it('leaves a chain-sized answer drawn with the full stylesheet (arrows, captions, curves)', () => {
    expect(withRenderAdjustments('canvas', stylesheet, 40)).toBe(stylesheet);
    expect(withRenderAdjustments('canvas', stylesheet, plainFromElements - 1)).toBe(stylesheet);
  });

  it('folds the overlay in from plainFromElements: every element draws as with the overlay appended last', () => {
    for (const theme of ['light', 'dark'] as const) {
      const sheet = stylesheetFor(theme);
      const appended = drawnStyles([...sheet, ...plainStyleAdjustments]);
      const folded = drawnStyles(withRenderAdjustments('canvas', sheet, plainFromElements));
      expect([...folded.keys()]).toEqual([...appended.keys()]);
      for (const [id, style] of appended) {
        const leftOut = silent[id.startsWith('edge') ? 'edge' : 'node'];
        const shown = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([key]) => !leftOut.has(key)));
        expect(shown(folded.get(id)!), `${theme}: ${id}`).toEqual(shown(style));
      }
      // What the fold leaves out draws nothing: no link has a caption, no name a background or a second line.
      for (const [id, style] of folded) {
        if (id.startsWith('edge')) expect(style.label, id).toBe('');
        else expect([style['text-background-opacity'], style['text-wrap']], id).toEqual(['0', 'none']);
      }
    }
  });

  it('applies fewer properties per element than the overlay appended: none that draws nothing, none set to its default', () => {
    const count = (sheet: StylesheetJson) => blocks(sheet).reduce((sum, block) => sum + Object.keys(block.style).length, 0);
    const folded = blocks(withRenderAdjustments('canvas', stylesheet, plainFromElements));
    expect(count(folded)).toBeLessThan(count([...stylesheet, ...plainStyleAdjustments]) - 20);
    const edge = folded.find((block) => block.selector === 'edge')!.style;
    expect(Object.keys(edge)).not.toContain('text-margin-x');
    expect(Object.keys(edge)).not.toContain('label');
    expect(edge['curve-style']).toBe('haystack');
  });

  it('gives the overlay a block of its own for a kind the stylesheet has no base block for', () => {
    const sheet: StylesheetJson = [{ selector: 'edge.confirmed', style: { 'curve-style': 'bezier', width: 3 } }];
    expect(blocks(withRenderAdjustments('canvas', sheet, plainFromElements))).toEqual([
      { selector: 'edge.confirmed', style: { width: 3 } },
      { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', label: '' } },
      { selector: 'node', style: { 'text-background-opacity': 0, 'min-zoomed-font-size': 12, 'text-wrap': 'none' } },
    ]);
  });

  it('keeps what tells links apart: no overlay block touches line style, colour or the weakest link', () => {
    for (const block of plainStyleAdjustments as { selector: string; style: Record<string, unknown> }[]) {
      expect(Object.keys(block.style)).not.toContain('line-style');
      expect(Object.keys(block.style)).not.toContain('line-color');
      expect(Object.keys(block.style)).not.toContain('border-style');
      expect(block.selector).not.toMatch(/weakest|synthetic|inferred|redacted/);
    }
  });

  it('hides edges while moving only for very large answers, and never blurs motion', () => {
    expect(chooseRendering(hideEdgesWhileMovingFromElements - 1, false).options.hideEdgesOnViewport).toBe(false);
    expect(chooseRendering(hideEdgesWhileMovingFromElements, false).options.hideEdgesOnViewport).toBe(true);
    expect(chooseRendering(40, false).options.motionBlur).toBe(false);
    expect(chooseRendering(20_000, true).options.motionBlur).toBe(false);
  });
});
