// Reads an import file (a CSV or JSON array of one --type, or a JSON bundle) into raw graph rows,
// each with the line it starts on. Nothing is checked against the model here beyond the shape of
// the file: validate.ts puts every row through NodeRow / RelationshipRow.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv, type InfoDataSet } from 'csv-parse/sync';
import type { z } from 'zod';
import { NodeKind, PersonRole, RelationshipProps, RelationshipType, nodeSchemas, type NodeLabel } from '../../contract/model.ts';
import type { ReportEntry } from './report.ts';

/** A file that cannot be imported at all (its format, its header, the --type): one line, no rows read. */
export class ImportInputError extends Error {
  override name = 'ImportInputError';
}

/** What `--type` names: a node kind, a role (Person plus that role label), or a relationship type. */
export type ImportType =
  | { element: 'node'; name: string; kind: NodeKind; labels: NodeLabel[] }
  | { element: 'relationship'; name: string; type: RelationshipType };

/** The input NodeRow parses, as the file gave it. */
export interface RawNodeRow {
  id: unknown;
  labels: unknown;
  properties: Record<string, unknown>;
}

/** The input RelationshipRow parses, as the file gave it. */
export interface RawRelationshipRow {
  id: unknown;
  type: unknown;
  source: unknown;
  target: unknown;
  properties: Record<string, unknown>;
}

export interface Located<Row> {
  /**
   * 1-based line where the row starts: a CSV record's first line, a JSON element's opening brace.
   * When a JSON file puts several rows on one line, the row's position instead (see `positions`).
   */
  line: number;
  row: Row;
}

export interface RawRows {
  file: string;
  format: 'csv' | 'json' | 'bundle';
  /**
   * What `line` counts: lines of the file, or (for JSON that puts several rows on one line) rows,
   * 1-based in file order; a bundle's nodes come before its relationships.
   */
  positions: 'line' | 'row';
  nodes: Located<RawNodeRow>[];
  relationships: Located<RawRelationshipRow>[];
  /** Rows that are not rows at all (a JSON element that is not an object, a CSV record of the wrong width). */
  problems: ReportEntry[];
}

/**
 * Properties a file may not set. `imports` is the importer's own link to its `_Import` records;
 * `nameKeys` is derived from the names for search, so a file's copy could only disagree with them.
 */
export const notImportable: Readonly<Record<string, string>> = {
  imports: 'is written by the importer, not read from a file',
  nameKeys: 'is derived from the names, not read from a file',
  matchKeys: 'is derived from the names, not read from a file',
};

const typeChoices = `a node kind (${NodeKind.options.join(', ')}), a role (${PersonRole.options.join(', ')}) or a relationship type (${RelationshipType.options.join(', ')})`;

export function parseImportType(name: string): ImportType {
  const kind = NodeKind.safeParse(name);
  if (kind.success) return { element: 'node', name, kind: kind.data, labels: [kind.data] };
  const role = PersonRole.safeParse(name);
  if (role.success) return { element: 'node', name, kind: 'Person', labels: ['Person', role.data] };
  const type = RelationshipType.safeParse(name);
  if (type.success) return { element: 'relationship', name, type: type.data };
  throw new ImportInputError(`unknown --type "${name}": expected ${typeChoices}`);
}

/** The zod object a row's properties must fit. */
function propertySchema(type: ImportType): z.ZodObject {
  return type.element === 'node' ? nodeSchemas[type.kind] : RelationshipProps;
}

/** Columns that are the row itself rather than properties. */
function structuralKeys(type: ImportType): string[] {
  return type.element === 'node' ? ['id', 'labels'] : ['id', 'source', 'target'];
}

type CellKind = 'number' | 'boolean' | 'list' | 'text';

/** Wrappers that do not change what a cell holds. */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional', 'catch']);

/** What a CSV cell of this property turns into, read off the model's zod type (optional/default unwrapped). */
export function cellKind(schema: z.ZodType): CellKind {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType };
  while (WRAPPERS.has(def.type) && def.innerType) def = def.innerType._zod.def as typeof def;
  if (def.type === 'number' || def.type === 'int') return 'number';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'array') return 'list';
  return 'text';
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A non-empty cell as the property's type. A cell that does not read as that type stays text, so
 * the model's check reports it against the field ("expected number, received string").
 */
export function cellValue(kind: CellKind, cell: string): unknown {
  if (kind === 'number') return NUMBER.test(cell) ? Number(cell) : cell;
  if (kind === 'boolean') return /^(true|false)$/i.test(cell) ? cell.toLowerCase() === 'true' : cell;
  if (kind === 'list') return splitList(cell);
  return cell;
}

function splitList(cell: string): string[] {
  return cell
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Properties a schema cannot do without: absent, they fail it (no default fills them). */
function requiredProperties(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([key, field]) => key !== 'id' && !(field as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key);
}

/** Splits a flat object (a CSV record or a JSON element of one --type) into the row it describes. */
function flatRow(type: ImportType, flat: Record<string, unknown>): { node?: RawNodeRow; relationship?: RawRelationshipRow } {
  const properties = Object.fromEntries(Object.entries(flat).filter(([key]) => !structuralKeys(type).includes(key)));
  if (type.element === 'relationship') {
    return { relationship: { id: flat.id, type: type.type, source: flat.source, target: flat.target, properties } };
  }
  const extra = flat.labels;
  const labels = extra === undefined ? type.labels : Array.isArray(extra) ? [...type.labels, ...extra] : extra;
  return { node: { id: flat.id, labels, properties } };
}

/** With `info`, csv-parse wraps each record (its types do not say so). */
interface CsvRecord {
  record: string[];
  info: InfoDataSet;
}

function readCsv(file: string, text: string, typeName: string | undefined): RawRows {
  if (!typeName) throw new ImportInputError(`${file}: a CSV file holds one kind of row: name it with --type (${typeChoices})`);
  const type = parseImportType(typeName);
  // Lines are counted in the bytes: csv-parse's own count goes astray on CRLF inside quotes.
  const bytes = Buffer.from(text);
  let records: CsvRecord[];
  try {
    records = parseCsv(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as CsvRecord[];
  } catch (error) {
    throw new ImportInputError(`${file}: not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) throw new ImportInputError(`${file}: is empty (a CSV file starts with a header row of column names)`);

  const columns = header.record;
  const schema = propertySchema(type);
  const seen = new Set<string>();
  for (const column of columns) {
    if (!column) throw new ImportInputError(`${file}: the header has an empty column name`);
    if (seen.has(column)) throw new ImportInputError(`${file}: the header names column "${column}" twice`);
    seen.add(column);
    if (column in notImportable) throw new ImportInputError(`${file}: column "${column}" ${notImportable[column]}`);
    if (column === 'labels' && !(type.element === 'node' && type.kind === 'Person')) {
      throw new ImportInputError(`${file}: column "labels" (extra role labels) only goes with Person or a role, not ${type.name}`);
    }
    if (!structuralKeys(type).includes(column) && !(column in schema.shape)) {
      throw new ImportInputError(
        `${file}: column "${column}" is not a property of ${type.name} (known: ${Object.keys(schema.shape)
          .filter((key) => !(key in notImportable))
          .join(', ')})`,
      );
    }
  }
  const required = [...structuralKeys(type).filter((key) => key !== 'labels'), ...requiredProperties(schema)];
  const missing = required.filter((column) => !seen.has(column));
  if (missing.length > 0)
    throw new ImportInputError(`${file}: lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} for ${type.name}`);

  const kinds = new Map(
    columns.map((column) => [
      column,
      column === 'labels' ? ('list' as const) : column in schema.shape ? cellKind(schema.shape[column] as z.ZodType) : ('text' as const),
    ]),
  );
  const rows: RawRows = { file, format: 'csv', positions: 'line', nodes: [], relationships: [], problems: [] };
  // A record starts where the one before ended (`info.bytes`), past any empty lines.
  let counted = 0;
  let line = 1;
  let end = header.info.bytes;
  for (const { record, info } of body) {
    let start = end;
    while (bytes[start] === 0x0d || bytes[start] === 0x0a) start += 1;
    for (; counted < start; counted += 1) if (bytes[counted] === 0x0a) line += 1;
    end = info.bytes;
    // Spreadsheets pad a sheet with rows of empty cells; they are not rows.
    if (record.every((cell) => cell === '')) continue;
    if (record.length !== columns.length) {
      rows.problems.push({ file, line, field: '(row)', reason: `has ${record.length} cells; the header has ${columns.length}` });
      continue;
    }
    const flat: Record<string, unknown> = {};
    record.forEach((cell, index) => {
      const column = columns[index]!;
      if (cell !== '') flat[column] = cellValue(kinds.get(column)!, cell);
    });
    const { node, relationship } = flatRow(type, flat);
    if (node) rows.nodes.push({ line, row: node });
    if (relationship) rows.relationships.push({ line, row: relationship });
  }
  return rows;
}

/** JSON.parse's complaint with the position as a line and column too, which an editor can jump to. */
function jsonError(file: string, text: string, error: Error): ImportInputError {
  const position = /at position (\d+)/.exec(error.message);
  let where = '';
  if (position && !/\(line \d+ column \d+\)/.test(error.message)) {
    const before = text.slice(0, Number(position[1]));
    where = ` (line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')})`;
  }
  return new ImportInputError(`${file}: not valid JSON: ${error.message}${where}`);
}

/**
 * Where each element of the top-level array starts (key ""), or of each array under a top-level
 * object key (key "nodes", "relationships"), as 1-based lines. `text` must be valid JSON: this only
 * walks it, tracking strings and nesting, without checking it.
 */
export function elementLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  const stack: ({ array: true } | { array: false; key: string | null; expectKey: boolean })[] = [];
  let line = 1;
  let awaitingValue = true;
  const valueStarts = () => {
    if (!awaitingValue) return;
    awaitingValue = false;
    const [outer, inner] = stack;
    const key = stack.length === 1 && outer!.array ? '' : stack.length === 2 && !outer!.array && inner!.array ? outer!.key : null;
    if (key === null) return;
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push(line);
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    const top = stack.at(-1);
    if (char === '\n') line += 1;
    else if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top && !top.array && top.expectKey) top.key = JSON.parse(text.slice(i, end + 1)) as string;
      else valueStarts();
      i = end;
    } else if (char === '{' || char === '[') {
      valueStarts();
      // JSON.parse keeps the last of a repeated key: so do these lines.
      if (char === '[' && stack.length === 1 && top && !top.array && top.key !== null) lines.set(top.key, []);
      stack.push(char === '[' ? { array: true } : { array: false, key: null, expectKey: true });
      awaitingValue = char === '[';
    } else if (char === '}' || char === ']') {
      stack.pop();
      awaitingValue = false;
    } else if (char === ':') {
      if (top && !top.array) top.expectKey = false;
      awaitingValue = true;
    } else if (char === ',') {
      if (top && !top.array) top.expectKey = true;
      else awaitingValue = true;
    } else if (!/\s/.test(char)) {
      // The first character of a number, true, false or null; the rest of it is not a start.
      valueStarts();
    }
  }
  return lines;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where each element starts, as `line` counts it. Minified JSON puts every row on line 1, where a
 * line says nothing: then rows are counted instead (1-based, in file order) and `positions` says so.
 */
function rowPositions(starts: number[]): { positions: RawRows['positions']; at: (index: number) => number } {
  if (new Set(starts).size === starts.length) return { positions: 'line', at: (index) => starts[index]! };
  return { positions: 'row', at: (index) => index + 1 };
}

function readJson(file: string, text: string, typeName: string | undefined): RawRows {
  const body = text.replace(/^\uFEFF/, '');
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    throw jsonError(file, body, error as Error);
  }
  const lines = elementLines(body);
  const notAnObject = (line: number): ReportEntry => ({ file, line, field: '(row)', reason: 'must be an object' });

  if (Array.isArray(document)) {
    if (!typeName) {
      throw new ImportInputError(
        `${file}: a JSON array holds one kind of row: name it with --type (${typeChoices}), or write a bundle { "nodes": [...], "relationships": [...] }`,
      );
    }
    const type = parseImportType(typeName);
    const { positions, at } = rowPositions(lines.get('') ?? []);
    const rows: RawRows = { file, format: 'json', positions, nodes: [], relationships: [], problems: [] };
    document.forEach((element, index) => {
      const line = at(index);
      if (!isObject(element)) {
        rows.problems.push(notAnObject(line));
        return;
      }
      const { node, relationship } = flatRow(type, element);
      if (node) rows.nodes.push({ line, row: node });
      if (relationship) rows.relationships.push({ line, row: relationship });
    });
    return rows;
  }

  if (!isObject(document)) throw new ImportInputError(`${file}: must hold a JSON array of rows or a bundle { "nodes": [...], "relationships": [...] }`);
  if (typeName) throw new ImportInputError(`${file}: is a bundle, whose rows name their own labels and types: drop --type`);
  const extra = Object.keys(document).filter((key) => key !== 'nodes' && key !== 'relationships');
  if (extra.length > 0)
    throw new ImportInputError(`${file}: a bundle holds only "nodes" and "relationships", not ${extra.map((key) => `"${key}"`).join(', ')}`);
  if (document.nodes === undefined && document.relationships === undefined)
    throw new ImportInputError(`${file}: a bundle needs "nodes", "relationships" or both`);
  for (const key of ['nodes', 'relationships'] as const) {
    if (document[key] !== undefined && !Array.isArray(document[key])) throw new ImportInputError(`${file}: "${key}" must be an array`);
  }

  const nodes = (document.nodes ?? []) as unknown[];
  const relationships = (document.relationships ?? []) as unknown[];
  // Counted as rows, a bundle's nodes come first, then its relationships.
  const { positions, at } = rowPositions([...(lines.get('nodes') ?? []), ...(lines.get('relationships') ?? [])]);
  const rows: RawRows = { file, format: 'bundle', positions, nodes: [], relationships: [], problems: [] };
  nodes.forEach((element, index) => {
    const line = at(index);
    if (!isObject(element)) {
      rows.problems.push(notAnObject(line));
      return;
    }
    const { id, labels, ...properties } = element;
    rows.nodes.push({ line, row: { id, labels, properties } });
  });
  relationships.forEach((element, index) => {
    const line = at(nodes.length + index);
    if (!isObject(element)) {
      rows.problems.push(notAnObject(line));
      return;
    }
    const { id, type, source, target, ...properties } = element;
    rows.relationships.push({ line, row: { id, type, source, target, properties } });
  });
  return rows;
}

/** Reads the text of `file` (named as given, for the report); refuses a file it cannot read as rows. */
export function readRows(file: string, text: string, typeName?: string): RawRows {
  const extension = extname(file).toLowerCase();
  let rows: RawRows;
  if (extension === '.csv') rows = readCsv(file, text, typeName);
  else if (extension === '.json') rows = readJson(file, text, typeName);
  else throw new ImportInputError(`${file}: unknown file type "${extension || '(none)'}": expected .csv or .json`);
  if (rows.nodes.length + rows.relationships.length + rows.problems.length === 0) throw new ImportInputError(`${file}: holds no rows`);
  return rows;
}

/** The file's bytes (for its checksum) and its rows. */
export async function readRowsFromFile(file: string, typeName?: string): Promise<{ bytes: Buffer; rows: RawRows }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportInputError(
      `${file}: cannot read it (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (code ?? (error as Error).message)})`,
    );
  }
  return { bytes, rows: readRows(file, bytes.toString('utf8'), typeName) };
}
