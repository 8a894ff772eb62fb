// Named layout presets: `chain` for chains of command (leadership on top), `cascade` for directives (top-down), `path` for paths between two ends (upward), `overview` for anything else.
// The ranked ones run vertically with names beside the nodes (graph/style.ts): a rank is one line of
// text high, so a chain stays compact; what does not fit at a readable zoom pans (graph/readable.ts).
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { DagreLayoutOptions } from 'cytoscape-dagre';

let dagreRegistered = false;

/** Registers cytoscape-dagre once; a second `cytoscape.use` would replace the layout under a running graph. */
export function registerLayouts(): void {
  if (dagreRegistered) return;
  cytoscape.use(dagre);
  dagreRegistered = true;
}

const chain: DagreLayoutOptions = {
  name: 'dagre',
  // Ranks flow bottom to top: edges point subordinate -> superior, so the leadership lands on top.
  rankDir: 'BT',
  // Rank by longest path: a chain's hops stay one rank each, so equal depths line up across chains.
  ranker: 'longest-path',
  // Room between side-by-side chains; each node's box already holds its name beside it.
  nodeSep: 28,
  // Room between ranks: the link's arrow and, beside it, its one-line caption.
  rankSep: 46,
  // Include labels when spacing nodes, so long official titles do not overlap.
  nodeDimensionsIncludeLabels: true,
  // Fit the whole chain in view once laid out.
  fit: true,
  // Fit padding, in pixels.
  padding: 30,
  // No animation: positions are final at once, so browser tests can read them after `layoutstop`.
  animate: false,
};

/** Like `chain` but flowing downward: a directive on top, the bodies and facilities it reached below. */
const cascade: DagreLayoutOptions = { ...chain, rankDir: 'TB' };

/** Paths between two ends read upward, from the start the analyst picked at the bottom, as chains do. */
const path: DagreLayoutOptions = { ...chain, ranker: 'network-simplex' };

const overview: cytoscape.CoseLayoutOptions = {
  name: 'cose',
  // Seeded by element order rather than random positions, so the same answer draws the same way.
  randomize: false,
  // Include labels when avoiding overlap.
  nodeDimensionsIncludeLabels: true,
  // Fit the whole graph in view once laid out.
  fit: true,
  // Fit padding, in pixels.
  padding: 30,
  // No animation, as for `chain`.
  animate: false,
};

export const layouts = { chain, cascade, path, overview } satisfies Record<string, cytoscape.LayoutOptions>;
export type LayoutName = keyof typeof layouts;

/** A saved layout name as a preset: anything else ('preset', an old or unknown name) lays out as `overview`. */
export function layoutNamed(name: string): LayoutName {
  return Object.hasOwn(layouts, name) ? (name as LayoutName) : 'overview';
}
