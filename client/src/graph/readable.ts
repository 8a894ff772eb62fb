// Keeps a drawing readable: a graph of up to `readableUpToNodes` nodes is never fitted below the zoom at
// which every label is drawn at 11 screen pixels; the view pans over it instead, and keeps the start in sight.
import type cytoscape from 'cytoscape';
import { captionFontSize, nodeFontSize } from './style.ts';

/** The smallest on-screen text an analyst reads without zooming (WCAG's small print is 11-12 px). */
export const readableFontPx = 11;

/** Up to this many nodes every label stays readable; a larger answer is fitted whole and read by its shape. */
export const readableUpToNodes = 300;

/** The zoom at which the smallest label (a link's caption) is drawn at `readableFontPx`. */
export const readableZoom = readableFontPx / Math.min(nodeFontSize, captionFontSize);

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ViewSize {
  width: number;
  height: number;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/**
 * Room kept around the focus node on screen, in pixels: more on the right, where its name is drawn
 * (graph/style.ts puts names beside their nodes).
 */
const focusMargin = { left: 40, right: 220, top: 40, bottom: 60 };

/**
 * The view to show after a fit left `zoom` below readable: the readable zoom, centred on the drawing
 * (`box`, model coordinates) where it fits, and moved just enough to keep `focus` (a model point) on
 * screen where it does not. Null when the fit is readable already. Pure, so it is unit-tested.
 */
export function readableViewport(size: ViewSize, box: Box, zoom: number, focus?: { x: number; y: number }): Viewport | null {
  if (zoom >= readableZoom || size.width <= 0 || size.height <= 0) return null;
  const z = readableZoom;
  const pan = { x: size.width / 2 - (z * (box.x1 + box.x2)) / 2, y: size.height / 2 - (z * (box.y1 + box.y2)) / 2 };
  if (focus) {
    const x = z * focus.x + pan.x;
    const y = z * focus.y + pan.y;
    if (x < focusMargin.left) pan.x += focusMargin.left - x;
    else if (x > size.width - focusMargin.right) pan.x -= x - Math.max(focusMargin.left, size.width - focusMargin.right);
    if (y < focusMargin.top) pan.y += focusMargin.top - y;
    else if (y > size.height - focusMargin.bottom) pan.y -= y - (size.height - focusMargin.bottom);
  }
  return { zoom: z, pan };
}

/** Whether the graph is small enough for the view to keep every label readable. */
export function keepsReadable(cy: cytoscape.Core): boolean {
  return cy.nodes().length <= readableUpToNodes;
}

/**
 * After a layout fitted the graph: zooms back to readable if the fit went below it (graphs of up to
 * `readableUpToNodes` nodes), keeping `focusId` in sight. Returns true when it changed the view.
 */
export function keepReadable(cy: cytoscape.Core, focusId?: string): boolean {
  if (!keepsReadable(cy) || cy.nodes().empty()) return false;
  const focus = focusId ? cy.getElementById(focusId) : cy.collection();
  const view = readableViewport(
    { width: cy.width(), height: cy.height() },
    cy.elements().boundingBox(),
    cy.zoom(),
    focus.nonempty() && focus.isNode() ? focus.position() : undefined,
  );
  if (!view) return false;
  cy.viewport(view);
  return true;
}

/** Fits the graph in view, then back to readable: what F does. Shift+F (`fitAll`) shows everything, however small. */
export function fitReadable(cy: cytoscape.Core, focusId?: string): void {
  cy.fit(undefined, 30);
  keepReadable(cy, focusId);
}

export function fitAll(cy: cytoscape.Core): void {
  cy.fit(undefined, 30);
}

/** Which sides of the drawing lie outside the view, for the hint that says where to pan. */
export function offscreenSides(cy: cytoscape.Core): { above: boolean; below: boolean; left: boolean; right: boolean } {
  const none = { above: false, below: false, left: false, right: false };
  if (cy.nodes().empty() || cy.width() <= 0) return none;
  const box = cy.elements(':visible').renderedBoundingBox();
  const slack = 4;
  return { above: box.y1 < -slack, below: box.y2 > cy.height() + slack, left: box.x1 < -slack, right: box.x2 > cy.width() + slack };
}
