// The readable view: never below the zoom at which labels are 11 px, centred where the drawing fits, the focus kept on screen.
import { describe, expect, it } from 'vitest';
import { readableFontPx, readableViewport, readableZoom } from './readable.ts';
import { captionFontSize, minZoomedFontSize, nodeFontSize } from './style.ts';

const size = { width: 600, height: 500 };

describe('readableViewport', () => {
  it('draws the smallest label at 11 px at the readable zoom, above the size at which labels hide', () => {
    expect(Math.min(nodeFontSize, captionFontSize) * readableZoom).toBeCloseTo(readableFontPx);
    expect(minZoomedFontSize).toBeLessThan(readableFontPx);
  });

  it('leaves a fit that is readable already', () => {
    expect(readableViewport(size, { x1: 0, y1: 0, x2: 100, y2: 100 }, 1.2)).toBeNull();
    expect(readableViewport(size, { x1: 0, y1: 0, x2: 100, y2: 100 }, readableZoom)).toBeNull();
  });

  it('zooms a shrunken fit back to readable, centred on the drawing', () => {
    const view = readableViewport(size, { x1: 0, y1: 0, x2: 2000, y2: 400 }, 0.3)!;
    expect(view.zoom).toBe(readableZoom);
    // The drawing's centre (1000, 200) lands on the view's centre.
    expect(readableZoom * 1000 + view.pan.x).toBeCloseTo(300);
    expect(readableZoom * 200 + view.pan.y).toBeCloseTo(250);
  });

  it('moves just enough to keep the focus on screen, with room for its name on the right', () => {
    // A tall chain: its start at the bottom, far below the centre.
    const view = readableViewport(size, { x1: 0, y1: 0, x2: 200, y2: 3000 }, 0.15, { x: 100, y: 2950 })!;
    const y = readableZoom * 2950 + view.pan.y;
    expect(y).toBeCloseTo(size.height - 60);
    const wide = readableViewport(size, { x1: 0, y1: 0, x2: 4000, y2: 100 }, 0.15, { x: 3990, y: 50 })!;
    expect(readableZoom * 3990 + wide.pan.x).toBeCloseTo(size.width - 220);
  });

  it('does nothing without a view (a headless graph)', () => {
    expect(readableViewport({ width: 0, height: 0 }, { x1: 0, y1: 0, x2: 10, y2: 10 }, 0.1)).toBeNull();
  });
});
