// What the browser shows after an upload: the file's sheets, its columns and first rows, and a
// mapping to start from (the one saved for the same header, else one proposed from it).
import type { SourceFormat } from '../../contract/api/import-mapping.ts';
import type { UploadInspection } from '../../contract/api/imports.ts';
import { proposeMapping } from '../../contract/import/propose-mapping.ts';
import { queries } from '../../contract/queries/index.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { DEFAULT_XLSX_MAX_BYTES, headerKey } from './engine/mapped-import.ts';
import { readerFor } from './readers/registry.ts';
import type { Cell } from './readers/table.ts';
import type { Upload } from './uploads.ts';

export interface InspectOptions {
  format?: SourceFormat;
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  delimiter?: string;
}

const SAMPLE_ROWS = 20;

export async function inspectUpload(
  graph: GraphExecutor,
  upload: Upload,
  options: InspectOptions,
  maxUncompressedBytes = DEFAULT_XLSX_MAX_BYTES,
): Promise<UploadInspection> {
  const reader = readerFor(upload.name, options.format);
  const table = await reader.open(upload.path, {
    name: upload.name,
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
    headerRow: options.headerRow ?? 1,
    maxUncompressedBytes,
    encodingOption: 'the encoding field',
  });
  const sample: Record<string, Cell>[] = [];
  try {
    for await (const row of table.rows) {
      sample.push(row.cells);
      if (sample.length >= SAMPLE_ROWS) break;
    }
  } finally {
    await table.close().catch(() => {});
  }
  const saved = await graph.record(queries.findMapping, { headerKey: headerKey(table.columns), limit: 1 });
  let mapping: unknown = saved ? JSON.parse(saved.mapping) : proposeMapping(upload.name, table.columns, sample);
  if (saved) {
    // The saved mapping read this header; the reading options chosen now (sheet, encoding) still apply.
    const source = {
      ...(mapping as { source?: object }).source,
      ...(options.sheet && { sheet: options.sheet }),
      ...(options.encoding && { encoding: options.encoding }),
    };
    mapping = { ...(mapping as object), source };
  } else {
    (mapping as { source?: object }).source = {
      format: table.format,
      ...(options.encoding && { encoding: options.encoding }),
      ...(table.sheet && { sheet: table.sheet }),
      ...(options.headerRow && { headerRow: options.headerRow }),
      ...(options.delimiter && { delimiter: options.delimiter }),
    };
  }
  return {
    uploadId: upload.id,
    fileName: upload.name,
    size: upload.size,
    format: table.format,
    encoding: table.encoding,
    sheets: table.sheets,
    ...(table.sheet && { sheet: table.sheet }),
    columns: table.columns,
    sample,
    mapping,
    mappingOrigin: saved ? 'saved' : 'proposed',
  };
}
