// What every reader of a tabular file gives the mapping engine: the column names, then the rows one
// by one as they are read (never the whole file), each with the place the report names.
import { createReadStream } from 'node:fs';
import type { SourceFormat } from '../../../contract/api/import-mapping.ts';
import type { SourcePlace } from '../../../contract/api/imports.ts';
import { type DecodedText, decodeText } from '../source/decode-text.ts';

/** A cell as read: text (trimmed), a number, a truth value, or nothing. A date cell arrives as ISO text. */
export type Cell = string | number | boolean | null;

export interface SourceRow {
  /** 1-based: the line a CSV record or JSON line starts on, the sheet's row, or a JSON array's element. */
  line: number;
  cells: Record<string, Cell>;
  /** The row cannot be read as the header says (a CSV record of another width). */
  problem?: string;
}

export interface Table {
  format: SourceFormat;
  /** The encoding the text was read in; "zip (UTF-8 XML)" for a workbook. */
  encoding: string;
  /** A workbook's sheets, in order; empty for other formats. */
  sheets: string[];
  sheet?: string;
  /** The delimiter a CSV or TSV was read with, given or sniffed; absent for other formats. */
  delimiter?: string;
  columns: string[];
  rows: AsyncIterable<SourceRow>;
  /** Closes the file whether or not its rows were read (stopping a read early closes it too). */
  close(): Promise<void>;
  /** Where a row (or one of its cells) is, as the report names it. */
  placeOf(row: Pick<SourceRow, 'line'>, column?: string): SourcePlace;
}

export interface OpenOptions {
  /** The file as the report names it (the upload's original name, or the path given on the command line). */
  name: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** 1-based row of the column names. */
  headerRow: number;
  /** Largest total a workbook may inflate to. */
  maxUncompressedBytes: number;
  /** How the encoding is declared where an error is read ("--encoding" on the command line, "the encoding field" in the browser). */
  encodingOption?: string;
}

/** The delimiters a CSV may use, in the order a tie between them is settled. */
export const DELIMITERS = [',', '\t', ';', '|'];

const DELIMITER_NAMES: Record<string, string> = { ',': 'a comma', '\t': 'a tab', ';': 'a semicolon', '|': 'a bar' };

/** A delimiter as a sentence names it: `a semicolon (";")`. */
export function delimiterName(delimiter: string): string {
  return `${DELIMITER_NAMES[delimiter] ?? 'the character'} (${JSON.stringify(delimiter)})`;
}

/** Rows between two turns of the event loop while a table is read. */
const ROWS_PER_TURN = 128;

/**
 * `rows` with a turn of the event loop every ROWS_PER_TURN rows. A reader hands over the rows of a
 * whole chunk (1 MiB, thousands of rows) as resolved promises, and mapping them ran without a turn
 * for most of a second: the server answered no request meanwhile, and an import's own queries (the
 * write of the batch before, the check's look-ups) sat unread in their sockets until the chunk was
 * mapped. Stopping early still closes the reader's file: `return` reaches the loop inside.
 */
export async function* withTurns<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
  let count = 0;
  for await (const row of rows) {
    yield row;
    if (++count % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A text format's file, decoded as the analyst said (`encoding`) or as guessed, read 1 MiB at a time. */
export function decodeFile(path: string, options: OpenOptions): Promise<DecodedText> {
  return decodeText(createReadStream(path, { highWaterMark: 1 << 20 }), { file: options.name, encoding: options.encoding, option: options.encodingOption });
}

export interface TableReader {
  format: SourceFormat;
  title: string;
  extensions: readonly string[];
  open(path: string, options: OpenOptions): Promise<Table>;
}

/**
 * Column names as a header gives them, trimmed. Real exports leave a header cell empty (a trailing
 * comma, a notes column nobody titled) or repeat a name (two 备注): rather than refuse the file, an
 * empty one is named by its place, `(column 4)` or `(column D)`, and a repeat gets its count,
 * `备注 (2)`, so the mapping can name, keep or drop each. Throws only when there is no header at all.
 */
export function checkHeader(names: readonly string[], where: string, placeName: (index: number) => string = (index) => String(index + 1)): string[] {
  const taken = new Set<string>();
  const columns = names.map((raw, index) => {
    const trimmed = raw.trim();
    let name = trimmed || `(column ${placeName(index)})`;
    for (let count = 2; taken.has(name); count++) name = `${trimmed} (${count})`;
    taken.add(name);
    return name;
  });
  if (columns.length === 0) throw new HeaderError(`${where}: has no header row (the mapping's source.headerRow names it)`);
  return columns;
}

/** The file cannot be read as a table at all: refused before any row. */
export class HeaderError extends Error {
  override name = 'HeaderError';
}

/** A cell's text trimmed; empty is null. */
export function textCell(text: string): Cell {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
