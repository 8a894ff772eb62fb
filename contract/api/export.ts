// The export formats the server writes (POST /api/export/:format, GET /api/chain/:id/export/:format), by
// name: the server's registry is keyed by them and the client's export menu asks for them.
import { z } from 'zod';

/** `report` is the evidence report in Markdown, `pdf` the same report as a PDF for a filing. */
export const ExportFormat = z.enum(['cytoscape', 'graphml', 'csv', 'report', 'pdf']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Which of the two CSV files: no zip library is installed, so each file is its own download. */
export const CsvPart = z.enum(['nodes', 'edges']);
export type CsvPart = z.infer<typeof CsvPart>;
