// Result -> Cytoscape.js JSON in the `cy.json()` shape: `cytoscape({ ...exported })` or `cy.json(exported)` loads it.
import { kindOf } from '../../contract/model.ts';
import type { Citation, Json, Result, ResultMeta, ResultPath } from '../../contract/result.ts';
import { captionOf, chainMembership, chainsOf, exportGraph, nameOf, propertyColumns } from './export-graph.ts';

/** The shapes Cytoscape.js requires (`ElementsDefinition`): an id on every element, both ends on an edge. */
export interface CytoscapeNode {
  data: { id: string } & Record<string, Json>;
}
export interface CytoscapeEdge {
  data: { id: string; source: string; target: string } & Record<string, Json>;
}

/**
 * The header fields are the ones Cytoscape desktop writes in a .cyjs file, so it opens there too
 * (GraphML is the better door into desktop tools). Core `data` carries what elements cannot: the
 * query and its parameters, the chains with their strength, and the documents cited.
 */
export interface CytoscapeExport {
  format_version: '1.0';
  generated_by: 'xpf-explorer';
  target_cytoscapejs_version: '~3.34';
  data: {
    name: string;
    meta: ResultMeta;
    paths: ResultPath[];
    citations: Record<string, Citation>;
    summary: Record<string, Json>;
    omittedEdgeIds: string[];
  };
  elements: { nodes: CytoscapeNode[]; edges: CytoscapeEdge[] };
}

/**
 * Keys Cytoscape.js reads itself (`parent` would nest one node in another, `source`/`target` would
 * move an edge) or that this export sets; a property of that name is kept as `property_<name>`.
 */
const nodeReserved = new Set(['id', 'parent', 'source', 'target', 'label', 'kind', 'labels']);
const edgeReserved = new Set(['id', 'parent', 'source', 'target', 'type', 'caption', 'chains', 'weakestLinkOf']);

export function toCytoscapeJson(result: Result): CytoscapeExport {
  const graph = exportGraph(result);
  const membership = chainMembership(chainsOf(result));
  const nodeColumns = propertyColumns(graph.nodes, [], nodeReserved);
  const edgeColumns = propertyColumns(graph.edges, [], edgeReserved);

  const nodes = graph.nodes.map(
    (node): CytoscapeNode => ({
      data: {
        id: node.id,
        label: nameOf(node, node.id),
        kind: kindOf(node.labels),
        labels: node.labels,
        ...flatten(node.properties, nodeColumns),
      },
    }),
  );
  // Stored direction, as in the graph; the app draws a climbed link the other way, the file keeps the fact.
  const edges = graph.edges.map(
    (edge): CytoscapeEdge => ({
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        caption: captionOf(edge.type, false),
        chains: membership.get(edge.id)?.chains ?? [],
        weakestLinkOf: membership.get(edge.id)?.weakestIn ?? [],
        ...flatten(edge.properties, edgeColumns),
      },
    }),
  );

  return {
    format_version: '1.0',
    generated_by: 'xpf-explorer',
    target_cytoscapejs_version: '~3.34',
    data: {
      name: result.meta.query,
      meta: result.meta,
      paths: result.paths,
      citations: result.citations,
      summary: result.summary,
      omittedEdgeIds: graph.omittedEdgeIds,
    },
    elements: { nodes, edges },
  };
}

/** Properties as data keys, values untouched (lists stay lists); null is left out, as Cytoscape desktop would write "null". */
function flatten(properties: Record<string, Json>, columns: readonly { key: string; column: string }[]): Record<string, Json> {
  const data: Record<string, Json> = {};
  for (const { key, column } of columns) {
    const value = properties[key];
    if (value !== null && value !== undefined) data[column] = value;
  }
  return data;
}
