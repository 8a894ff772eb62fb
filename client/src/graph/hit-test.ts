// Clicks on the middle of a facility or a guard reach it. Cytoscape's point-in-polygon test (3.34,
// pointInsidePolygonPoints) casts a vertical ray from the point and counts a vertex twice when the point
// has the vertex's x: anywhere on the vertical through a diamond's or a triangle's tip, a click hit
// nothing. At zoom levels where a node's centre falls on a whole pixel that vertical is the node's
// middle pixel column, the one an analyst aims at: a right-click on a facility opened no menu (a
// browser test met it after a Chromium update moved the chain's fit). A point a millionth of a unit
// aside, which no ray meets at a vertex, is tested as well. The WebGL renderer picks by colour and
// has no such test.
import type { Core } from 'cytoscape';

/** How far aside the second test is, in graph units: far below a pixel at any zoom the explorer allows. */
const ASIDE = 1e-6;

interface NodeShape {
  checkPoint(x: number, y: number, ...rest: unknown[]): boolean;
}

/** Wraps each node shape's hit test of this graph's renderer (Cytoscape keeps them per renderer). */
export function hitPolygonTips(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): { nodeShapes?: Record<string, NodeShape> } | null }).renderer();
  for (const shape of Object.values(renderer?.nodeShapes ?? {})) {
    const checkPoint = shape.checkPoint;
    shape.checkPoint = function checkPointOrAside(this: NodeShape, x: number, y: number, ...rest: unknown[]) {
      return checkPoint.call(this, x, y, ...rest) || checkPoint.call(this, x + ASIDE, y, ...rest);
    };
  }
}
