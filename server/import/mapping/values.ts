// One property's value from one row, as the mapping says: a column, joined columns, a literal, a
// template, then a value map, a list split or a date format; then typed as the model wants it. A
// value that does not fit says why, in words the report can show beside the cell.
import type { z } from 'zod';
import type { ValueSource } from '../../../contract/api/import-mapping.ts';
import { cellKind, cellValue } from '../read-rows.ts';
import type { Cell } from '../readers/table.ts';

/** A value that does not fit: the reason, and the column to point at. */
export class ValueProblem extends Error {
  constructor(
    readonly reason: string,
    readonly column?: string,
  ) {
    super(reason);
  }
}

export type Precision = 'year' | 'month' | 'day';
export interface ReadDate {
  /** The ISO date, or the period's first or last day for a partial date. */
  iso: string;
  /** As the source gives it: "2017-05", "2017". */
  partial: string;
  precision: Precision;
}

const TOKENS = /YYYY|MM|M|DD|D/g;

interface CompiledPattern {
  pattern: string;
  regex: RegExp;
  parts: ('year' | 'month' | 'day')[];
}

const compiled = new Map<string, CompiledPattern>();

function compile(pattern: string): CompiledPattern {
  let found = compiled.get(pattern);
  if (found) return found;
  const parts: CompiledPattern['parts'] = [];
  let source = '';
  let last = 0;
  for (const match of pattern.matchAll(TOKENS)) {
    source += pattern.slice(last, match.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const token = match[0];
    parts.push(token === 'YYYY' ? 'year' : token.startsWith('M') ? 'month' : 'day');
    source += token === 'YYYY' ? '(\\d{4})' : token.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
    last = match.index + token.length;
  }
  source += pattern.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  found = { pattern, regex: new RegExp(`^\\s*${source}\\s*$`, 'u'), parts };
  compiled.set(pattern, found);
  return found;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date in the first pattern that fits ("DD/MM/YYYY", "YYYY年M月D日", "YYYY-MM"); ISO dates
 * (and what a workbook's date cells give) always read. Null when nothing fits or the day does not exist.
 */
export function readDate(text: string, patterns: readonly string[]): ReadDate | null {
  for (const pattern of [...patterns, 'YYYY-MM-DD']) {
    const { regex, parts } = compile(pattern);
    const match = regex.exec(text);
    if (!match) continue;
    const value: Partial<Record<Precision, number>> = {};
    parts.forEach((part, i) => {
      value[part] = Number(match[i + 1]);
    });
    const { year, month, day } = value;
    if (year === undefined) continue;
    if (month !== undefined && (month < 1 || month > 12)) return null;
    if (day !== undefined && (month === undefined || day < 1 || day > daysIn(year, month))) return null;
    if (month === undefined) return { iso: `${year}-01-01`, partial: String(year), precision: 'year' };
    if (day === undefined) return { iso: `${year}-${pad(month)}-01`, partial: `${year}-${pad(month)}`, precision: 'month' };
    return { iso: `${year}-${pad(month)}-${pad(day)}`, partial: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
  }
  return null;
}

/** The last day of a partial date's period: a tenure that ended "2019-06" ended by 2019-06-30. */
export function lastDay(date: ReadDate): string {
  const [year, month] = date.iso.split('-').map(Number) as [number, number];
  if (date.precision === 'year') return `${year}-12-31`;
  if (date.precision === 'month') return `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
  return date.iso;
}

function text(cell: Cell): string | null {
  return cell === null ? null : String(cell);
}

/** The raw value a source gives for a row, before map, split and date: undefined when it is empty. */
function rawValue(source: ValueSource, cells: Record<string, Cell>): string | number | boolean | undefined {
  if (source.literal !== undefined) return source.literal;
  if (source.column !== undefined) return cells[source.column] ?? undefined;
  if (source.join !== undefined) {
    const parts = source.join.map((column) => text(cells[column] ?? null)).filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(source.separator) : undefined;
  }
  const template = source.template!;
  let filled = false;
  const out = template.replace(/\{([^{}]+)\}/g, (_, column: string) => {
    const value = text(cells[column] ?? null);
    if (value !== null) filled = true;
    return value ?? '';
  });
  return filled ? out.trim() : undefined;
}

/** A value read for one property, with the date it was (so `from` and `to` can keep their precision). */
export interface ReadValue {
  value: unknown;
  date?: ReadDate;
}

/**
 * The property's value for a row: the source's raw value, mapped, split, read as a date, then given
 * the model's type (a number column's "12" is 12). Undefined when the row has nothing for it.
 */
export function readValue(source: ValueSource, cells: Record<string, Cell>, schema: z.ZodType | undefined): ReadValue | undefined {
  let value: unknown = rawValue(source, cells);
  if (value === undefined) return undefined;
  const column = source.column ?? source.join?.[0];
  if (source.map) {
    const key = String(value);
    if (!(key in source.map)) {
      const known = Object.keys(source.map);
      throw new ValueProblem(
        `"${key}" is not in the mapping's value map (${known
          .slice(0, 12)
          .map((k) => `"${k}"`)
          .join(', ')}${known.length > 12 ? '…' : ''})`,
        column,
      );
    }
    value = source.map[key];
  }
  if (source.split) {
    const separators = Array.isArray(source.split) ? source.split : [source.split];
    let parts = [String(value)];
    for (const separator of separators) parts = parts.flatMap((part) => part.split(separator));
    value = parts.map((part) => part.trim()).filter(Boolean);
  }
  if (source.date) {
    const patterns = Array.isArray(source.date) ? source.date : [source.date];
    const read = readDate(String(value), patterns);
    if (!read) throw new ValueProblem(`"${value}" is not a date in ${[...patterns, 'YYYY-MM-DD'].map((p) => `"${p}"`).join(' or ')}`, column);
    return { value: read.partial, date: read };
  }
  if (!schema) return { value };
  const kind = cellKind(schema);
  if (kind === 'list') return { value: Array.isArray(value) ? value : [String(value)] };
  if (Array.isArray(value)) return { value: value.join('; ') };
  return { value: typeof value === 'string' ? cellValue(kind, value) : kind === 'text' ? String(value) : value };
}
