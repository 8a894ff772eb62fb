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

export async function computeLayout(request: LayoutRequest): Promise<Positions> {
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
