// CSV and TSV: the text decoded as it streams (source/decode-text.ts), the delimiter sniffed from the
// header row on unless given, records parsed by csv-parse, each with the line it starts on.
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { SourceFormat } from '../../../contract/api/import-mapping.ts';
import { EncodingError } from '../source/decode-text.ts';
import {
  checkHeader,
  DELIMITERS,
  decodeFile,
  delimiterName,
  HeaderError,
  textCell,
  type OpenOptions,
  type SourceRow,
  type Table,
  type TableReader,
} from './table.ts';

/** Lines read past the header row to judge a delimiter by. */
const SNIFF_LINES = 50;

/**
 * The delimiter that splits the header row (the `headerRow`-th line with text, as the reader counts
 * them) into more than one column and the lines after it into as many, most consistently; on a tie,
 * the one giving more columns. A title above the header, a footer (合计：2所), a note or a short last
 * line only lower a delimiter's share of lines that agree, so they cannot make a file read as one
 * column, which requiring every line to agree did. Quoted text is skipped, so a comma inside quotes
 * does not count. Comma when nothing splits the header.
 */
export function sniffDelimiter(text: string, headerRow = 1): string {
  const lines = text.replace(/"[^"]*"/g, '""').split(/\r?\n/);
  // The text may stop mid-line (a cut-off head of the file): that line says nothing.
  const complete = lines.length > 1 && !text.endsWith('\n') ? lines.slice(0, -1) : lines;
  let best = { delimiter: ',', agreeing: 0, fields: 1 };
  for (const delimiter of DELIMITERS) {
    // A line of delimiters alone is as empty as a blank line to the reader, which skips both.
    const counts = complete
      .map((line) => line.split(delimiter))
      .filter((fields) => fields.some((field) => field.trim() !== ''))
      .slice(headerRow - 1, headerRow + SNIFF_LINES)
      .map((fields) => fields.length);
    const fields = counts[0] ?? 1;
    if (fields < 2) continue;
    const agreeing = counts.slice(1).filter((count) => count === fields).length / Math.max(1, counts.length - 1);
    if (agreeing > best.agreeing || (agreeing === best.agreeing && fields > best.fields)) best = { delimiter, agreeing, fields };
  }
  return best.delimiter;
}

/** With `info` and `raw`, csv-parse hands each record with its raw text (its types do not say so); `line` is ours. */
interface RawRecord {
  record: string[];
  raw: string;
  line: number;
}

async function openDelimited(path: string, options: OpenOptions, format: SourceFormat): Promise<Table> {
  const decoded = await decodeFile(path, options);
  const chunks = decoded.chunks[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done ? '' : first.value;
  const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : sniffDelimiter(head.slice(0, 64 * 1024), options.headerRow));
  const text = Readable.from(
    (async function* () {
      try {
        if (!first.done) yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      } finally {
        await chunks.return?.();
      }
    })(),
  );
  // Empty lines are records too here (skipped below), so every record ends at one newline and the
  // line a record starts on is the count of newlines before it. They are counted as csv-parse makes
  // each record, not as the rows are read: it parses a whole chunk before the first row is read,
  // and a record it cannot parse starts on the line after the last one it made.
  let parsedTo = 1;
  const parser = parse({
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (record) => {
      const read = record as unknown as RawRecord;
      read.line = parsedTo;
      // The raw text holds the record's own newlines, and its ending one unless that was a CRLF.
      parsedTo += (read.raw.match(/\n/g)?.length ?? 0) + (read.raw.endsWith('\n') ? 0 : 1);
      return record;
    },
  });
  parser.on('error', () => {});
  // pipeline, not pipe(), which passes no failure on: a byte not valid in the encoding past the first
  // MiB failed the text with no listener, an uncaught error, while the rows waited for ever.
  pipeline(text, parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<RawRecord>;
  // A sniffed delimiter may be the wrong one, and a wrong one is what makes most files unreadable.
  const hint = options.delimiter
    ? ''
    : ` (read with ${delimiterName(delimiter)} as the delimiter${format === 'tsv' ? '' : ', as sniffed'}; if the file's columns are split by another, set source.delimiter)`;
  const next = async (): Promise<{ line: number; record: string[] } | null> => {
    for (;;) {
      let step: IteratorResult<RawRecord>;
      try {
        step = await records.next();
      } catch (error) {
        if (error instanceof EncodingError) throw error;
        throw new HeaderError(
          `${options.name}:${parsedTo}: not valid ${format.toUpperCase()}: ${(error as Error).message.replace(/^Invalid Record Length: /, '')}${hint}`,
        );
      }
      if (step.done) return null;
      if (step.value.record.every((cell) => cell.trim() === '')) continue;
      return { line: step.value.line, record: step.value.record };
    }
  };

  let columns: string[];
  try {
    for (let skipped = 1; skipped < options.headerRow; skipped++) if (!(await next())) break;
    const header = await next();
    if (!header) throw new HeaderError(`${options.name}: holds no header row (line ${options.headerRow} onwards is empty)`);
    columns = checkHeader(header.record, `${options.name}:${header.line}`);
  } catch (error) {
    // Refused before a table exists to close: the file closes now (a header found wanting fails no stream).
    text.destroy();
    throw error;
  }

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (let read = await next(); read; read = await next()) {
        const cells: SourceRow['cells'] = {};
        columns.forEach((column, index) => {
          cells[column] = textCell(read.record[index] ?? '');
        });
        const problem = read.record.length > columns.length ? `has ${read.record.length} cells; the header has ${columns.length}` : undefined;
        yield { line: read.line, cells, ...(problem && { problem }) };
      }
    } finally {
      // A reader stopped early (a preview, a refused file's second look) closes the file now.
      parser.destroy();
      text.destroy();
    }
  }
  return {
    format,
    encoding: decoded.encoding,
    sheets: [],
    delimiter,
    columns,
    rows: rows(),
    close: async () => {
      parser.destroy();
      text.destroy();
      await chunks.return?.();
    },
    placeOf: (row) => ({ file: options.name, line: row.line }),
  };
}

export const csvReader: TableReader = {
  format: 'csv',
  title: 'CSV (comma, semicolon, tab or bar, sniffed)',
  extensions: ['.csv', '.txt'],
  open: (path, options) => openDelimited(path, options, 'csv'),
};

export const tsvReader: TableReader = {
  format: 'tsv',
  title: 'TSV (tab-separated)',
  extensions: ['.tsv', '.tab'],
  open: (path, options) => openDelimited(path, options, 'tsv'),
};
