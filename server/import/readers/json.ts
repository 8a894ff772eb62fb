// JSON arrays of objects (streamed by stream-json: one element at a time, never the whole file) and
// JSON lines (one object per line). Each object's keys are the columns; a nested value is kept as
// JSON text, a list of plain values as its items joined by "; ".
import { pipeline, Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { EncodingError } from '../source/decode-text.ts';
import { checkHeader, decodeFile, HeaderError, textCell, type Cell, type OpenOptions, type SourceRow, type Table, type TableReader } from './table.ts';

/** The columns are the keys of the first rows; a key that first turns up later is reported on its row. */
const COLUMN_SAMPLE = 100;

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'))
    return textCell(value.filter((item) => item !== null).join('; '));
  return JSON.stringify(value);
}

type Element = { line: number; value: unknown };

async function tableOf(options: OpenOptions, format: 'json' | 'jsonl', encoding: string, elements: AsyncIterator<Element>): Promise<Table> {
  const head: Element[] = [];
  const keys = new Set<string>();
  let columns: string[];
  try {
    while (head.length < COLUMN_SAMPLE) {
      const step = await elements.next();
      if (step.done) break;
      head.push(step.value);
    }
    for (const { value } of head) if (value && typeof value === 'object' && !Array.isArray(value)) for (const key of Object.keys(value)) keys.add(key);
    columns = checkHeader([...keys], `${options.name}: the keys of its first rows`);
  } catch (error) {
    // Refused before a table exists to close: the file closes now.
    await elements.return?.();
    throw error;
  }
  const unit = format === 'json' ? 'element' : 'line';

  async function* rows(): AsyncGenerator<SourceRow> {
    const all = (async function* () {
      try {
        yield* head;
        for (let step = await elements.next(); !step.done; step = await elements.next()) yield step.value;
      } finally {
        // A reader stopped early (a preview, a refused file's second look) closes the file now.
        await elements.return?.(undefined);
      }
    })();
    for await (const { line, value } of all) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        yield { line, cells: {}, problem: `${unit} ${line} is not an object of named values` };
        continue;
      }
      const record = value as Record<string, unknown>;
      const cells: SourceRow['cells'] = {};
      for (const column of columns) cells[column] = cellOf(record[column]);
      const late = Object.keys(record).filter((key) => !keys.has(key));
      yield {
        line,
        cells,
        ...(late.length > 0 && {
          problem: `has ${late.map((key) => `"${key}"`).join(', ')}, which the first ${COLUMN_SAMPLE} rows lack: the mapping cannot name it`,
        }),
      };
    }
  }
  return {
    format,
    encoding,
    sheets: [],
    columns,
    rows: rows(),
    close: async () => {
      await elements.return?.();
    },
    placeOf: (row) => (format === 'json' ? { file: options.name, line: row.line, cell: `element ${row.line}` } : { file: options.name, line: row.line }),
  };
}

async function openJsonArray(path: string, options: OpenOptions): Promise<Table> {
  const decoded = await decodeFile(path, options);
  const text = Readable.from(decoded.chunks);
  const stream = streamArray.withParserAsStream();
  // pipeline, not pipe(), which passes no failure on: a file not valid in its encoding failed the text
  // stream with no listener, an uncaught error that ended the server. The parser fails with it instead.
  pipeline(text, stream, () => {});
  const items = stream[Symbol.asyncIterator]() as AsyncIterator<{ key: number; value: unknown }>;
  const elements: AsyncIterator<Element> = {
    next: async () => {
      try {
        const step = await items.next();
        return step.done ? { done: true, value: undefined } : { done: false, value: { line: step.value.key + 1, value: step.value.value } };
      } catch (error) {
        if (error instanceof EncodingError) throw error;
        throw new HeaderError(`${options.name}: not a JSON array of objects (${(error as Error).message})`);
      }
    },
    return: async () => {
      stream.destroy();
      text.destroy();
      return { done: true, value: undefined };
    },
  };
  return tableOf(options, 'json', decoded.encoding, elements);
}

async function openJsonLines(path: string, options: OpenOptions): Promise<Table> {
  const decoded = await decodeFile(path, options);
  const text = Readable.from(decoded.chunks);
  const lines = createInterface({ input: text, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let number = 0;
  const elements: AsyncIterator<Element> = {
    next: async () => {
      for (;;) {
        const step = await lines.next();
        if (step.done) return { done: true, value: undefined };
        number++;
        if (step.value.trim() === '') continue;
        try {
          return { done: false, value: { line: number, value: JSON.parse(step.value) as unknown } };
        } catch (error) {
          throw new HeaderError(`${options.name}:${number}: not valid JSON (${(error as Error).message})`);
        }
      }
    },
    return: async () => {
      await lines.return?.();
      text.destroy();
      return { done: true, value: undefined };
    },
  };
  return tableOf(options, 'jsonl', decoded.encoding, elements);
}

export const jsonReader: TableReader = { format: 'json', title: 'JSON array of objects', extensions: ['.json'], open: openJsonArray };
export const jsonLinesReader: TableReader = {
  format: 'jsonl',
  title: 'JSON lines (one object per line)',
  extensions: ['.jsonl', '.ndjson'],
  open: openJsonLines,
};
