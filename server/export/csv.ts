// Result -> nodes.csv and edges.csv (RFC 4180) that spreadsheets open safely, Chinese names intact.
import type { CsvPart } from '../../contract/api/export.ts';
import { kindOf } from '../../contract/model.ts';
import type { Result } from '../../contract/result.ts';
import { chainMembership, chainsOf, exportGraph, exportValue, nameOf, propertyColumns } from './export-graph.ts';

type Cell = string | number | boolean | null;

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

/**
 * UTF-8 with a byte-order mark: without one, Excel reads a CSV in the machine's legacy code page
 * (Windows-1252 on most Western desktops) and every Chinese or Uyghur name turns to mojibake.
 * Lines end in CRLF, as RFC 4180 states; the last record ends in one too.
 */
function csvDocument(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * One field. Text starting with = + - @ tab or CR gets a leading apostrophe: a spreadsheet would run
 * it as a formula (CSV injection: `=HYPERLINK(...)` leaking the sheet, or `=cmd|...` on old Excel),
 * and a name or note in a leaked file is text an adversary may have written. Numbers are left alone
 * (a longitude of -75.1 is not a formula). Other control characters are dropped: no sheet shows
 * them. A field holding a comma, quote, CR or LF is quoted with its quotes doubled (RFC 4180, section 2).
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are stripped from the cell.
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  const guarded = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
