import { describe, expect, it } from 'vitest';
import { chooseRendering, largeFromElements, stylesheetFor, webglFromElements, webglStyleAdjustments } from './render-options.ts';
import { stylesheet } from './style.ts';

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

describe('stylesheetFor', () => {
  it('adds the WebGL adjustments after the stylesheet, so they win, and only under WebGL', () => {
    expect(stylesheetFor('canvas', stylesheet)).toBe(stylesheet);
    const webgl = stylesheetFor('webgl', stylesheet);
    expect(webgl.slice(0, stylesheet.length)).toEqual(stylesheet);
    expect(webgl.slice(stylesheet.length)).toEqual(webglStyleAdjustments);
  });
});
