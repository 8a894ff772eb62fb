// Result -> GraphML 1.0 that Gephi and Cytoscape desktop open: typed keys, edges in their stored direction.
import { kindOf } from '../../contract/model.ts';
import type { Result } from '../../contract/result.ts';
import { captionOf, chainMembership, chainsOf, exportGraph, exportValue, nameOf, propertyColumns } from './export-graph.ts';

type Scalar = string | number | boolean;
type GraphmlType = 'string' | 'double' | 'boolean';

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: GraphmlType;
}

/**
 * Attribute names chosen with both readers in mind. Gephi takes `label` as the drawn label and an
 * edge attribute named `id` as the edge id; Cytoscape desktop names each node by its id, then lets a
 * `name` attribute replace that, so the id is also written as `stableId`.
 */
const nodeLeading = ['name', 'nameZh', 'confidence', 'synthetic', 'sources'];
const nodeReserved = new Set(['label', 'stableId', 'kind', 'labels']);
const edgeLeading = ['confidence', 'synthetic', 'from', 'to', 'sources'];
const edgeReserved = new Set(['label', 'stableId', 'type', 'chains', 'weakestLinkOf']);

export function toGraphml(result: Result): string {
  const graph = exportGraph(result);
  const membership = chainMembership(chainsOf(result));
  // Once per export, not once per element: the columns span every element.
  const nodeColumns = propertyColumns(graph.nodes, nodeLeading, nodeReserved);
  const edgeColumns = propertyColumns(graph.edges, edgeLeading, edgeReserved);

  const nodeRows = graph.nodes.map((node) => ({
    id: node.id,
    values: [
      ['label', nameOf(node, node.id)],
      ['stableId', node.id],
      ['kind', kindOf(node.labels)],
      // The form apoc.export.graphml writes, so apoc.import.graphml can read the file back into Neo4j.
      ['labels', node.labels.map((label) => `:${label}`).join('')],
      ...nodeColumns.map(({ key, column }) => [column, exportValue(key, node.properties)]),
    ] as [string, Scalar | null][],
  }));
  const edgeRows = graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    values: [
      ['label', captionOf(edge.type, false)],
      ['stableId', edge.id],
      ['type', edge.type],
      ['chains', membership.get(edge.id)?.chains.join(';') || null],
      ['weakestLinkOf', membership.get(edge.id)?.weakestIn.join(';') || null],
      ...edgeColumns.map(({ key, column }) => [column, exportValue(key, edge.properties)]),
    ] as [string, Scalar | null][],
  }));

  const nodeKeys = keysFor('node', nodeRows);
  const edgeKeys = keysFor('edge', edgeRows);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...nodeKeys.values(), ...edgeKeys.values()].map(
      (key) => `  <key id="${attr(key.id)}" for="${key.for}" attr.name="${attr(key.name)}" attr.type="${key.type}"/>`,
    ),
    // The graph id names the network in Cytoscape desktop. Graph-level <data> is left out: Gephi
    // rejects `for="graph"` keys, so what the query was goes in <desc>, which both readers skip.
    `  <graph id="${attr(result.meta.query)}" edgedefault="directed">`,
    `    <desc>${text(describe(result, graph.nodes.length, graph.edges.length, graph.omittedEdgeIds))}</desc>`,
    ...nodeRows.flatMap((row) => [`    <node id="${attr(row.id)}">`, ...dataLines(row.values, nodeKeys), '    </node>']),
    ...edgeRows.flatMap((row) => [
      `    <edge id="${attr(row.id)}" source="${attr(row.source)}" target="${attr(row.target)}">`,
      ...dataLines(row.values, edgeKeys),
      '    </edge>',
    ]),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

function describe(result: Result, nodes: number, edges: number, omitted: readonly string[]): string {
  const parts = [
    `xpf-explorer export of "${result.meta.query}" with parameters ${JSON.stringify(result.meta.parameters)}`,
    `${nodes} nodes, ${edges} edges, ${result.paths.length} chains`,
    ...(result.meta.truncated ? ['the query limit cut the answer: more exists than is shown'] : []),
    ...(omitted.length > 0
      ? [`left out ${omitted.length === 1 ? '1 edge' : `${omitted.length} edges`} whose ends are not in the answer: ${omitted.join(', ')}`]
      : []),
    'Records with synthetic=true are generated test data, not evidence',
  ];
  return `${parts.join('. ')}.`;
}

/**
 * One key per attribute name and element kind, typed by the values it holds: all booleans ->
 * boolean, all numbers -> double, anything else (or a mix) -> string. Ids differ between node and
 * edge keys because Cytoscape desktop looks keys up by id alone, whatever their `for`.
 */
function keysFor(kind: 'node' | 'edge', rows: readonly { values: [string, Scalar | null][] }[]): Map<string, Key> {
  const types = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const [name, value] of row.values) {
      const seen = types.get(name) ?? new Set<string>();
      if (value !== null) seen.add(typeof value);
      types.set(name, seen);
    }
  }
  const keys = new Map<string, Key>();
  let index = 0;
  for (const [name, seen] of types) {
    if (seen.size === 0) continue;
    const only = seen.size === 1 ? [...seen][0] : 'string';
    const type: GraphmlType = only === 'boolean' ? 'boolean' : only === 'number' ? 'double' : 'string';
    // Readable ids where the name allows; never yEd's d0..dN, which Gephi reads as label (d3) and edge label (d7).
    const id = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${kind}.${name}` : `${kind}.attr-${index}`;
    keys.set(name, { id, for: kind, name, type });
    index += 1;
  }
  return keys;
}

function dataLines(values: readonly [string, Scalar | null][], keys: Map<string, Key>): string[] {
  return values.flatMap(([name, value]) => {
    const key = keys.get(name);
    if (value === null || !key) return [];
    return [`      <data key="${attr(key.id)}">${text(String(value))}</data>`];
  });
}

/**
 * XML 1.0 cannot carry most control characters (not even as &#1;), nor lone surrogates or U+FFFE/U+FFFF:
 * they are removed, or the whole file is refused by every parser.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class lists the characters XML 1.0 allows, control characters among them.
const notXmlChar = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Element text; line breaks as references too, so each <data> stays on one line of the file. */
function text(value: string): string {
  return value.replace(notXmlChar, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

/** Attribute values also escape quotes, and write a tab as a reference so parsers do not fold it into a space. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;');
}
