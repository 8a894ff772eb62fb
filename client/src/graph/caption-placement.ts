// Where each caption of a chain or a path goes once the layout is done: beside its link, clear of the
// names, of the other captions and of every link's middle, so no caption hides a link's colour or a word.
import type cytoscape from 'cytoscape';
import type { Box } from './readable.ts';

/** Room between a caption and its link, in model pixels. */
const gap = 6;
/** Past this many captions the layout's spacing is what there is: placing them costs per pair. */
const placedUpTo = 300;

const labelOnly = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false } as const;

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const height = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Halfway between the link's ends: where a straight link's middle is, without asking the renderer. */
function middleOf(edge: cytoscape.EdgeSingular): { x: number; y: number } {
  const from = edge.source().position();
  const to = edge.target().position();
  return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
}

const covers = (box: Box, point: { x: number; y: number }) => point.x > box.x1 && point.x < box.x2 && point.y > box.y1 && point.y < box.y2;

/**
 * Places the captions of `edges` (those drawn with one, graph/style.ts) greedily: each takes the first
 * free spot of left or right of its link's middle, then a little above or below; where none is free,
 * the spot that covers least. Sets `captionShift` and `captionLift`, which the stylesheet reads.
 */
export function placeCaptions(cy: cytoscape.Core, edges: cytoscape.EdgeCollection): void {
  const captioned = edges.filter((edge) => edge.visible() && String(edge.style('label') ?? '') !== '');
  if (captioned.empty() || captioned.length > placedUpTo) return;
  const taken: Box[] = cy
    .nodes(':visible')
    .map((node) => node.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false }));
  const middles = cy
    .edges(':visible')
    .filter((edge) => !edge.isLoop())
    .map((edge) => middleOf(edge as cytoscape.EdgeSingular));
  cy.batch(() => {
    captioned.forEach((edge) => {
      const box = edge.boundingBox(labelOnly);
      const width = box.x2 - box.x1;
      const height = box.y2 - box.y1;
      const middle = middleOf(edge);
      const sideways = width / 2 + gap;
      const candidates: [number, number][] = [];
      for (const lift of [0, -0.8, 0.8, -1.6, 1.6, -2.4, 2.4]) for (const shift of [-sideways, sideways]) candidates.push([shift, lift * height]);
      let best: { shift: number; lift: number; cost: number; box: Box } | undefined;
      for (const [shift, lift] of candidates) {
        const x = middle.x + shift;
        const y = middle.y + lift;
        const spot = { x1: x - width / 2, y1: y - height / 2, x2: x + width / 2, y2: y + height / 2 };
        const cost = taken.reduce((sum, other) => sum + overlap(spot, other), 0) + middles.filter((point) => covers(spot, point)).length * width * height;
        if (!best || cost < best.cost) best = { shift, lift, cost, box: spot };
        if (cost === 0) break;
      }
      edge.data({ captionShift: best!.shift, captionLift: best!.lift });
      taken.push(best!.box);
    });
  });
}
