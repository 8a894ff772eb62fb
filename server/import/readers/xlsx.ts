// XLSX workbooks: the zip checked first (a real workbook, inflating to no more than the cap, so a
// zip bomb is refused before a byte is parsed), then the chosen sheet streamed row by row by
// exceljs. A formula's cell gives its cached value, never the formula; a date gives an ISO date.
import { XMLParser } from 'fast-xml-parser';
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { checkHeader, HeaderError, textCell, type Cell, type OpenOptions, type SourceRow, type Table, type TableReader } from './table.ts';

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

/**
 * Inflates every entry once, counting the bytes (yauzl also refuses an entry longer than its
 * header says), and returns the workbook's sheet names from xl/workbook.xml.
 */
async function inspectZip(path: string, options: OpenOptions): Promise<string[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw new HeaderError(`${options.name}: not an XLSX workbook (${(error as Error).message})`);
  }
  const cap = options.maxUncompressedBytes;
  let total = 0;
  let workbookXml = '';
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (total > cap) return reject(new HeaderError(tooBig(options.name, cap)));
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          const parts: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            if (entry.fileName === 'xl/workbook.xml') parts.push(chunk);
          });
          stream.on('error', reject);
          stream.on('end', () => {
            if (entry.fileName === 'xl/workbook.xml') workbookXml = Buffer.concat(parts).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof HeaderError) throw error;
    throw new HeaderError(`${options.name}: a corrupt XLSX workbook (${(error as Error).message})`);
  } finally {
    zip.close();
  }
  if (!workbookXml) throw new HeaderError(`${options.name}: a zip file but not an XLSX workbook (no xl/workbook.xml)`);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(workbookXml) as {
    workbook?: { sheets?: { sheet?: { name: string } | { name: string }[] } };
  };
  const sheets = parsed.workbook?.sheets?.sheet;
  return (Array.isArray(sheets) ? sheets : sheets ? [sheets] : []).map((sheet) => String(sheet.name));
}

function tooBig(name: string, cap: number): string {
  return `${name}: the workbook inflates to more than ${cap >= 1024 * 1024 ? `${Math.round(cap / 1024 / 1024)} MB` : `${cap.toLocaleString('en')} bytes`}: save the sheet as CSV, or raise IMPORT_XLSX_MAX_MB`;
}

/** A1-style column letters of a 1-based column number. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** An exceljs cell value as a plain cell: a formula's result, rich text's text, a date's ISO day. */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  const object = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
  if ('formula' in object || 'sharedFormula' in object) return cellOf(object.result);
  if (object.richText) return textCell(object.richText.map((run) => run.text).join(''));
  if (object.text !== undefined) return cellOf(object.text);
  return null;
}

/**
 * A cell whose value is not known: an error (#REF!, #VALUE!), or a formula without a value, which is
 * how the streaming reader gives one that ended in an error (#N/A from a VLOOKUP that found nothing)
 * or was never calculated. Read as an empty cell, it would drop what the row says without a word.
 */
function unknownValue(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || value instanceof Date) return null;
  const object = value as { error?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown };
  if (typeof object.error === 'string') return `the error ${object.error}`;
  if ('formula' in object || 'sharedFormula' in object) {
    return object.result === undefined ? 'a formula with no value (it ended in an error such as #N/A, or was never calculated)' : unknownValue(object.result);
  }
  return null;
}

async function openWorkbook(path: string, options: OpenOptions): Promise<Table> {
  const sheets = await inspectZip(path, options);
  if (sheets.length === 0) throw new HeaderError(`${options.name}: the workbook has no sheet`);
  const sheet = options.sheet ?? sheets[0]!;
  const index = sheets.indexOf(sheet);
  if (index === -1) throw new HeaderError(`${options.name}: has no sheet "${sheet}" (sheets: ${sheets.map((name) => `"${name}"`).join(', ')})`);

  // Loaded on first use: exceljs takes a third of a second to load, which every start of the app and
  // every process that imports it (the import CLI, each test file) would pay for a CSV too.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rowsOfSheet = async function* (): AsyncGenerator<{ number: number; values: Cell[]; errors: (string | null)[] }> {
    try {
      for await (const worksheet of reader) {
        if ((worksheet as unknown as { name: string }).name !== sheet) continue;
        for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
          const raw = (row.values as unknown[]).slice(1);
          const values = raw.map(cellOf);
          const errors = raw.map(unknownValue);
          if (values.some((value) => value !== null) || errors.some((error) => error !== null)) yield { number: row.number, values, errors };
        }
        return;
      }
    } catch (error) {
      throw new HeaderError(`${options.name}: a corrupt XLSX workbook (${(error as Error).message})`);
    }
  };
  const source = rowsOfSheet()[Symbol.asyncIterator]();
  let header = await source.next();
  while (!header.done && header.value.number < options.headerRow) header = await source.next();
  if (header.done) throw new HeaderError(`${options.name} ${sheet}: holds no header row (row ${options.headerRow} onwards is empty)`);
  const names = header.value.values.map((value) => (value === null ? '' : String(value)));
  while (names.length > 0 && names.at(-1) === '') names.pop();
  const columns = checkHeader(names, `${options.name} ${sheet}!${header.value.number}`, (index) => columnLetters(index + 1));
  const letters = new Map(columns.map((column, i) => [column, columnLetters(i + 1)]));

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      yield* sheetRows();
    } finally {
      // A reader stopped early (a preview, a refused file's second look) closes the workbook now.
      await source.return?.(undefined);
    }
  }
  async function* sheetRows(): AsyncGenerator<SourceRow> {
    for (let step = await source.next(); !step.done; step = await source.next()) {
      const { number, values, errors } = step.value;
      const cells: SourceRow['cells'] = {};
      columns.forEach((column, i) => {
        cells[column] = values[i] ?? null;
      });
      const extra = values.slice(columns.length).some((value) => value !== null);
      const failed = columns.findIndex((_, i) => errors[i]);
      const problem =
        failed >= 0
          ? `cell ${columnLetters(failed + 1)}${number} (${columns[failed]}) holds ${errors[failed]}: its value is not known; mend the formula or type the value in`
          : extra
            ? `has values right of the header's last column (${columnLetters(columns.length)})`
            : undefined;
      yield { line: number, cells, ...(problem && { problem }) };
    }
  }
  return {
    format: 'xlsx',
    encoding: 'zip (UTF-8 XML)',
    sheets,
    sheet,
    columns,
    rows: rows(),
    close: async () => {
      await source.return?.(undefined);
    },
    placeOf: (row, column) => ({ file: options.name, line: row.line, sheet, cell: `${column ? letters.get(column) : 'A'}${row.line}` }),
  };
}

export const xlsxReader: TableReader = {
  format: 'xlsx',
  title: 'Excel workbook (.xlsx): one sheet, its header row',
  extensions: ['.xlsx'],
  open: openWorkbook,
};

export type { Cell };
