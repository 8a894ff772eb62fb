// Where the canvas draws its labels, on screen: the boxes of node names and link captions, and the
// links' midpoints, so a test can say that no caption covers its link or another label.
import type cytoscape from 'cytoscape';
import type { Page } from 'playwright-core';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface DrawnLabel {
  id: string;
  group: 'nodes' | 'edges';
  text: string;
  box: Box;
}

export interface DrawnLink {
  id: string;
  /** The midpoint of the link as drawn: where its colour and dash are read. */
  midpoint: { x: number; y: number };
}

/** Every label drawn with its box in screen pixels (the text and its background), and every link's midpoint. */
export function drawnLabels(page: Page): Promise<{ labels: DrawnLabel[]; links: DrawnLink[] }> {
  return page.evaluate(() => {
    const cy = window.__xpf!.cy;
    const labelled = cy
      .elements()
      .filter((element) => element.visible() && String(element.style('label') ?? '') !== '' && Number(element.style('text-opacity')) > 0);
    const labels = labelled.map((element) => {
      const box = element.renderedBoundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
        includeOverlays: false,
        includeUnderlays: false,
      });
      return {
        id: element.id(),
        group: element.isNode() ? ('nodes' as const) : ('edges' as const),
        text: String(element.style('label')),
        box: { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 },
      };
    });
    const links = cy
      .edges()
      .filter((edge) => edge.visible())
      .map((edge) => ({ id: edge.id(), midpoint: (edge as cytoscape.EdgeSingular).renderedMidpoint() }));
    return { labels, links };
  });
}

/** How far two boxes overlap, as the smaller of the overlap's width and height (0 when apart). */
export function overlap(a: Box, b: Box): number {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const height = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return Math.max(0, Math.min(width, height));
}

export function contains(box: Box, point: { x: number; y: number }): boolean {
  return point.x > box.x1 && point.x < box.x2 && point.y > box.y1 && point.y < box.y2;
}

/**
 * What a reader cannot read: pairs of labels that overlap by more than `slack` pixels, and captions
 * that cover a link's midpoint. Empty when every label stands clear.
 */
export function collisions({ labels, links }: { labels: DrawnLabel[]; links: DrawnLink[] }, slack = 1): string[] {
  const found: string[] = [];
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      const by = overlap(a.box, b.box);
      if (by > slack) found.push(`"${a.text}" (${a.id}) and "${b.text}" (${b.id}) overlap by ${by.toFixed(1)} px`);
    }
  }
  for (const caption of labels.filter((label) => label.group === 'edges')) {
    for (const link of links.filter((link) => contains(caption.box, link.midpoint))) {
      found.push(`caption "${caption.text}" (${caption.id}) covers the middle of link ${link.id}`);
    }
  }
  return found;
}
