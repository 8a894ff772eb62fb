// What is drawn, as rows: one per node on the canvas (a group's members included), with the columns
// the table sorts and filters by and the CSV writes. Pure, so the table and its download agree.
import { csvDocument } from '../../../contract/csv-cells.ts';
import { displayOf, kindOf, type DisplayKind } from '../../../contract/model.ts';
import type { Json, Result, ResultNode } from '../../../contract/result.ts';
import { formatDate } from '../panels/format.ts';

export interface CanvasRow {
  id: string;
  name: string;
  nameZh: string;
  kind: DisplayKind;
  kindTitle: string;
  /** Where the record places it: a facility's county, a place's type, an organisation's level, a person's address when the reader may see it. */
  place: string;
  /** Its own date (a directive's, a document's) or year of birth where the reader may see it. */
  date: string;
  confidence: string;
  synthetic: boolean;
  /** Links it has on the canvas. */
  links: number;
}

export const columns: readonly { key: keyof CanvasRow; title: string }[] = [
  { key: 'name', title: 'Name' },
  { key: 'nameZh', title: 'Chinese name' },
  { key: 'kindTitle', title: 'Kind' },
  { key: 'place', title: 'Place' },
  { key: 'date', title: 'Date' },
  { key: 'confidence', title: 'Confidence' },
  { key: 'synthetic', title: 'Synthetic' },
  { key: 'links', title: 'Links' },
  { key: 'id', title: 'Id' },
];

const text = (value: Json | undefined) => (typeof value === 'string' ? value : '');

export function placeOf(node: ResultNode): string {
  const p = node.properties;
  const parts = [text(p.county), text(p.prefecture)].filter(Boolean);
  if (parts.length > 0) return parts.join(', ');
  // A gazetteer place by the units it lies in: two 新城街道 are told apart by their districts.
  if (typeof p.within === 'string') return p.within;
  if (typeof p.placeType === 'string') return p.placeType;
  if (typeof p.level === 'string') return `${p.level} level`;
  return text(p.address);
}

export function dateOf(node: ResultNode): string {
  const p = node.properties;
  if (typeof p.date === 'string') return formatDate(p.date, p.datePrecision);
  // Sent only to readers who may see it: the server withholds a protected person's birth date.
  if (typeof p.birthDate === 'string') return `born ${p.birthDate.slice(0, 4)}`;
  return '';
}

/** One row per drawn node, in the answer's order; `drawn` are the node ids on the canvas (groups opened). */
export function canvasRows(result: Result, drawn: ReadonlySet<string>): CanvasRow[] {
  const links = new Map<string, number>();
  for (const edge of result.edges) {
    if (!drawn.has(edge.source) || !drawn.has(edge.target)) continue;
    links.set(edge.source, (links.get(edge.source) ?? 0) + 1);
    links.set(edge.target, (links.get(edge.target) ?? 0) + 1);
  }
  return result.nodes
    .filter((node) => drawn.has(node.id))
    .map((node) => {
      const kind = kindOf(node.labels);
      return {
        id: node.id,
        name: text(node.properties.name) || node.id,
        nameZh: text(node.properties.nameZh),
        kind,
        kindTitle: displayOf(kind).title,
        place: placeOf(node),
        date: dateOf(node),
        confidence: text(node.properties.confidence),
        synthetic: node.properties.synthetic === true,
        links: links.get(node.id) ?? 0,
      };
    });
}

export interface RowFilter {
  /** Words that must all appear in the name, Chinese name, place or id (case-insensitive). */
  text: string;
  kind: DisplayKind | '';
}

export function filterRows(rows: readonly CanvasRow[], filter: RowFilter): CanvasRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.kind && row.kind !== filter.kind) return false;
    const haystack = `${row.name} ${row.nameZh} ${row.place} ${row.id}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Sorted by one column; ties keep the answer's order, so a second click reverses exactly. */
export function sortRows(rows: readonly CanvasRow[], key: keyof CanvasRow, direction: 'ascending' | 'descending'): CanvasRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[key];
      const y = b.row[key];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The rows as a CSV file a spreadsheet opens safely (contract/csv-cells.ts: a name cannot run as a formula). */
export function rowsCsv(rows: readonly CanvasRow[]): string {
  return csvDocument(
    columns.map((column) => column.title),
    rows.map((row) => columns.map((column) => (column.key === 'synthetic' ? (row.synthetic ? 'yes' : 'no') : row[column.key]))),
  );
}
