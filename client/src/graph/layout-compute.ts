// Runs a layout on bare element data in a headless Cytoscape and returns node positions: what the
// layout worker does off the main thread, kept free of any Worker so it also runs in unit tests.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';

export interface Point {
  x: number;
  y: number;
}

export type Positions = Record<string, Point>;

/** Only what a layout reads: ids and ends. Labels, classes and properties stay on the main thread. */
export type LayoutElement = { group: 'nodes'; data: { id: string } } | { group: 'edges'; data: { id: string; source: string; target: string } };

/** Layout options that survive postMessage: plain values only, no callbacks. */
export type PlainLayoutOptions = { name: string } & Record<string, unknown>;

export interface LayoutRequest {
  elements: LayoutElement[];
  layout: PlainLayoutOptions;
}

/** The node size of graph/style.ts: a headless graph has no stylesheet of its own, and layouts space nodes by it. */
const nodeSize = 34;

/** Strips drawn elements down to what a layout needs, so a 20k-element answer crosses to the worker cheaply. */
export function toLayoutElements(elements: readonly cytoscape.ElementDefinition[]): LayoutElement[] {
  return elements.map((element): LayoutElement => {
    const { id, source, target } = element.data as { id: string; source?: string; target?: string };
    if (source !== undefined && target !== undefined) return { group: 'edges', data: { id, source, target } };
    return { group: 'nodes', data: { id } };
  });
}

/** Registers the layout extensions once per module instance; `cytoscape('layout', name)` says whether one is there. */
function registerExtensions(): void {
  if (!cytoscape('layout', 'dagre')) cytoscape.use(dagre);
  if (!cytoscape('layout', 'fcose')) cytoscape.use(fcose);
}

/**
 * Our overview of thousands of elements: concentric rings by degree, hubs (a facility, a bureau) in the
 * middle and the many they hold around them. The positions Cytoscape's `concentric` layout gives with
 * its defaults (degree as the value, levels maxDegree / 4 wide, rings that avoid overlap, starting at
 * the top, clockwise, centred on 0,0 as in a headless graph): computed from the ids and ends alone, in
 * milliseconds, where building a Cytoscape graph of 20,000 elements to run that layout took seconds
 * (layout-compute.test.ts checks the two agree).
 */
export const RINGS_BY_DEGREE = 'rings-by-degree';

export function ringsByDegree(elements: readonly LayoutElement[], minNodeSpacing = 10): Positions {
  const degree = new Map<string, number>();
  for (const element of elements) {
    if (element.group === 'nodes') degree.set(element.data.id, degree.get(element.data.id) ?? 0);
  }
  for (const element of elements) {
    if (element.group !== 'edges') continue;
    for (const end of [element.data.source, element.data.target]) if (degree.has(end)) degree.set(end, degree.get(end)! + 1);
  }
  // Highest degree first; ties keep the elements' order (Array.prototype.sort is stable, as Cytoscape relies on).
  const ranked = [...degree].map(([id, value]) => ({ id, value })).sort((a, b) => b.value - a.value);
  const levelWidth = (ranked[0]?.value ?? 0) / 4;
  const levels: (typeof ranked)[] = [[]];
  for (const node of ranked) {
    const current = levels.at(-1)!;
    if (current.length > 0 && Math.abs(current[0]!.value - node.value) >= levelWidth) levels.push([node]);
    else current.push(node);
  }
  const minDist = nodeSize + minNodeSpacing;
  const positions: Positions = {};
  let r = 0;
  for (const level of levels) {
    const sweep = 2 * Math.PI - (2 * Math.PI) / level.length;
    const dTheta = sweep / Math.max(1, level.length - 1);
    if (level.length > 1) {
      const dcos = Math.cos(dTheta) - 1;
      const dsin = Math.sin(dTheta);
      r = Math.max(Math.sqrt((minDist * minDist) / (dcos * dcos + dsin * dsin)), r);
    }
    level.forEach((node, index) => {
      const theta = (3 / 2) * Math.PI + dTheta * index;
      positions[node.id] = { x: r * Math.cos(theta), y: r * Math.sin(theta) };
    });
    r += minDist;
  }
  return positions;
}

/** A layout's `minNodeSpacing`, as Cytoscape reads it (10 when absent). */
export function spacingOf(layout: PlainLayoutOptions): number {
  return typeof layout.minNodeSpacing === 'number' ? layout.minNodeSpacing : 10;
}

export async function computeLayout(request: LayoutRequest): Promise<Positions> {
  if (request.layout.name === RINGS_BY_DEGREE) return ringsByDegree(request.elements, spacingOf(request.layout));
  registerExtensions();
  const cy = cytoscape({
    headless: true,
    // With style on, nodes have the drawn size; labels are left out because measuring text needs a page.
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: nodeSize, height: nodeSize } }],
    elements: request.elements,
  });
  try {
    const layout = cy.layout({
      ...request.layout,
      // A headless graph has no viewport to fit or frames to animate; the main thread fits once it applies the positions.
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: false,
    } as cytoscape.LayoutOptions);
    const stopped = layout.promiseOn('layoutstop');
    layout.run();
    await stopped;
    const positions: Positions = {};
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      positions[node.id()] = { x, y };
    });
    return positions;
  } finally {
    cy.destroy();
  }
}
