// The export formats by name: media type, file extension and formatter, shared by query and saved-view exports.
import { z } from 'zod';
import type { Result } from '../../contract/result.ts';
import { toCsv } from './csv.ts';
import { toCytoscapeJson } from './cytoscape-json.ts';
import { toEvidenceReport, type ReportOptions } from './evidence-report.ts';
import { toGraphml } from './graphml.ts';

export const ExportFormat = z.enum(['cytoscape', 'graphml', 'csv', 'report']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Which of the two CSV files: no zip library is installed, so each file is its own download. */
export const CsvPart = z.enum(['nodes', 'edges']);
export type CsvPart = z.infer<typeof CsvPart>;

export interface RenderOptions extends ReportOptions {
  /** Required for `csv`, refused for the others. */
  part?: CsvPart;
}

export interface ExportFormatSpec {
  contentType: string;
  /** The file name's ending, after the base name. */
  suffix: (part?: CsvPart) => string;
  render: (result: Result, options: RenderOptions) => string;
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
