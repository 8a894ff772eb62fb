// Result -> nodes.csv and edges.csv (RFC 4180) that spreadsheets open safely, Chinese names intact.
import type { CsvPart } from '../../contract/api/export.ts';
import { kindOf } from '../../contract/model.ts';
import { csvDocument } from '../../contract/csv-cells.ts';
import type { Result } from '../../contract/result.ts';
import { chainMembership, chainsOf, exportGraph, exportValue, nameOf, propertyColumns } from './export-graph.ts';

const nodeLeading = ['name', 'confidence', 'synthetic', 'sources'];
const nodeReserved = new Set(['id', 'labels', 'kind']);
const edgeLeading = ['confidence', 'from', 'to', 'sources', 'synthetic'];
const edgeReserved = new Set(['id', 'type', 'source', 'target', 'sourceName', 'targetName', 'chains', 'weakestLinkOf']);

/** One row per node: id, labels, kind, then its properties (name, confidence, synthetic, sources first). */
export function toNodesCsv(result: Result): string {
  const { nodes } = exportGraph(result);
  const columns = propertyColumns(nodes, nodeLeading, nodeReserved);
  const header = ['id', 'labels', 'kind', ...columns.map((c) => c.column)];
  // Labels joined with ";", the separator neo4j-admin import uses for a :LABEL column.
  const rows = nodes.map((node) => [node.id, node.labels.join(';'), kindOf(node.labels), ...columns.map(({ key }) => exportValue(key, node.properties))]);
  return csvDocument(header, rows);
}

/**
 * One row per edge in its stored direction, with both ends' names so the sheet reads without a
 * lookup, and the chains it belongs to (and is the weakest link of), numbered as in the evidence report.
 */
export function toEdgesCsv(result: Result): string {
  const { nodes, edges } = exportGraph(result);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const membership = chainMembership(chainsOf(result));
  const columns = propertyColumns(edges, edgeLeading, edgeReserved);
  const header = [
    'id',
    'type',
    'source',
    'target',
    ...columns.slice(0, edgeLeading.length).map((c) => c.column),
    'sourceName',
    'targetName',
    'chains',
    'weakestLinkOf',
    ...columns.slice(edgeLeading.length).map((c) => c.column),
  ];
  const rows = edges.map((edge) => {
    const values = columns.map(({ key }) => exportValue(key, edge.properties));
    return [
      edge.id,
      edge.type,
      edge.source,
      edge.target,
      ...values.slice(0, edgeLeading.length),
      nameOf(byId.get(edge.source), edge.source),
      nameOf(byId.get(edge.target), edge.target),
      membership.get(edge.id)?.chains.join(';') ?? '',
      membership.get(edge.id)?.weakestIn.join(';') ?? '',
      ...values.slice(edgeLeading.length),
    ];
  });
  return csvDocument(header, rows);
}

export function toCsv(result: Result, part: CsvPart): string {
  return part === 'nodes' ? toNodesCsv(result) : toEdgesCsv(result);
}
