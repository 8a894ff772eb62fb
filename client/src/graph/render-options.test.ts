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

  it('appends the overlay from plainFromElements, after the stylesheet so it wins', () => {
    const plain = withRenderAdjustments('canvas', stylesheet, plainFromElements);
    expect(plain.slice(0, stylesheet.length)).toEqual(stylesheet);
    expect(plain.slice(stylesheet.length)).toEqual(plainStyleAdjustments);
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
