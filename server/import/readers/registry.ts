// The readers, one per format, looked up by the mapping's `source.format` or the file's extension:
// one mechanism, many formats, like server/export/formats.ts. The bundle (rows already in the
// model's own columns) is read by server/import/read-rows.ts and needs no mapping.
import { extname } from 'node:path';
import type { SourceFormat } from '../../../contract/api/import-mapping.ts';
import { csvReader, tsvReader } from './csv.ts';
import { jsonLinesReader, jsonReader } from './json.ts';
import { HeaderError, type TableReader, withTurns } from './table.ts';
import { xlsxReader } from './xlsx.ts';

export const tableReaders: Readonly<Record<Exclude<SourceFormat, 'bundle'>, TableReader>> = {
  csv: csvReader,
  tsv: tsvReader,
  xlsx: xlsxReader,
  json: jsonReader,
  jsonl: jsonLinesReader,
};

/** The reader a mapping names, else the one for the file's extension; whichever it is, its rows give the event loop turns (withTurns). */
export function readerFor(fileName: string, format?: SourceFormat): TableReader {
  if (format === 'bundle') throw new HeaderError(`${fileName}: a bundle holds the model's own rows: import it without a mapping`);
  const extension = extname(fileName).toLowerCase();
  const found = format ? tableReaders[format] : Object.values(tableReaders).find((reader) => reader.extensions.includes(extension));
  if (!found) {
    const known = Object.values(tableReaders).flatMap((reader) => reader.extensions);
    throw new HeaderError(`${fileName}: unknown file type "${extension || '(none)'}": expected ${known.join(', ')} (or name source.format in the mapping)`);
  }
  return {
    ...found,
    open: async (path, options) => {
      const table = await found.open(path, options);
      return { ...table, rows: withTurns(table.rows) };
    },
  };
}
