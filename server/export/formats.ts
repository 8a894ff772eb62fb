// The export formats by name: media type, file extension and formatter, shared by query and saved-view exports.
import type { CsvPart, ExportFormat } from '../../contract/api/export.ts';
import type { Result } from '../../contract/result.ts';
import { toCsv } from './csv.ts';
import { toCytoscapeJson } from './cytoscape-json.ts';
import { toEvidenceReport, type ReportOptions } from './evidence-report.ts';
import { toEvidenceReportPdf } from './evidence-report-pdf.ts';
import { toGraphml } from './graphml.ts';

export interface RenderOptions extends ReportOptions {
  /** Required for `csv`, refused for the others. */
  part?: CsvPart;
}

export interface ExportFormatSpec {
  contentType: string;
  /** The file name's ending, after the base name. */
  suffix: (part?: CsvPart) => string;
  /** Text formats answer a string; binary ones (PDF) bytes, which pdfkit writes asynchronously. */
  render: (result: Result, options: RenderOptions) => string | Promise<Uint8Array>;
}

export const exportFormats: Record<ExportFormat, ExportFormatSpec> = {
  cytoscape: {
    contentType: 'application/json; charset=utf-8',
    // Cytoscape desktop opens .cyjs and .json alike; .json opens everywhere else too.
    suffix: () => '.cytoscape.json',
    render: (result) => `${JSON.stringify(toCytoscapeJson(result), null, 2)}\n`,
  },
  graphml: {
    contentType: 'application/graphml+xml; charset=utf-8',
    suffix: () => '.graphml',
    render: (result) => toGraphml(result),
  },
  csv: {
    contentType: 'text/csv; charset=utf-8; header=present',
    suffix: (part) => `-${part ?? 'nodes'}.csv`,
    render: (result, options) => toCsv(result, options.part ?? 'nodes'),
  },
  report: {
    contentType: 'text/markdown; charset=utf-8',
    suffix: () => '-evidence-report.md',
    render: (result, options) => toEvidenceReport(result, options),
  },
  pdf: {
    contentType: 'application/pdf',
    suffix: () => '-evidence-report.pdf',
    render: (result, options) => toEvidenceReportPdf(result, options),
  },
};

/**
 * A file name any system accepts: ASCII letters, digits, ".", "_" and "-" only (an id may hold Chinese
 * characters or ":" that Windows refuses), at most 100 characters before the suffix.
 */
export function exportFileName(base: string, format: ExportFormat, part?: CsvPart): string {
  const safe = base
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${safe || 'xpf-export'}${exportFormats[format].suffix(part)}`;
}
