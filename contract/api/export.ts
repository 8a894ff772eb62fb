// The export formats the server writes (POST /api/export/:format, GET /api/chain/:id/export/:format), by
// name: the server's registry is keyed by them and the client's export menu asks for them.
import { z } from 'zod';

export const ExportFormat = z.enum(['cytoscape', 'graphml', 'csv', 'report']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Which of the two CSV files: no zip library is installed, so each file is its own download. */
export const CsvPart = z.enum(['nodes', 'edges']);
export type CsvPart = z.infer<typeof CsvPart>;
