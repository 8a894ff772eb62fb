// Named layout presets: `chain` for chains of command (leadership on top), `cascade` for directives (top-down), `path` for paths between two ends, `overview` for anything else.
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
  // Room between siblings for labels of two lines.
  nodeSep: 60,
  // Room between ranks for the edge caption.
  rankSep: 70,
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

/** Paths between two ends read left to right, from the start the analyst picked. */
const path: DagreLayoutOptions = { ...chain, rankDir: 'LR', ranker: 'network-simplex' };

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
