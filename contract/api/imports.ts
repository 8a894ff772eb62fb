// What the importer answers, on the command line and over HTTP: the report (problems with where they
// are, columns left out, matches), the progress of a running import, and the history of imports.
import { z } from 'zod';
import { SourceFormat } from './import-mapping.ts';

/** Where a problem is: a file's line, or a sheet's cell (`Sheet1!C7`); `line` is the row for JSON. */
export const SourcePlace = z.object({
  file: z.string(),
  line: z.number().int().min(0),
  sheet: z.string().optional(),
  cell: z.string().optional(),
});
export type SourcePlace = z.infer<typeof SourcePlace>;

export const ReportEntry = SourcePlace.extend({
  /** Errors stop the import (nothing is written); warnings and notes are said and the import goes on. */
  severity: z.enum(['error', 'warning', 'note']).default('error'),
  /** Where in the row: a column, `properties.birthDate`, `(row)`, `(file)`. */
  field: z.string(),
  reason: z.string(),
});
export type ReportEntry = z.output<typeof ReportEntry>;

/** `file:line`, or `file Sheet!C7`, as an editor or a spreadsheet finds it. */
export function placeOf(place: SourcePlace): string {
  return place.sheet ? `${place.file} ${place.sheet}!${place.cell ?? place.line}` : `${place.file}:${place.line}`;
}

export function formatEntry(
  entry: Pick<ReportEntry, 'file' | 'line' | 'sheet' | 'cell' | 'field' | 'reason'> & { severity?: ReportEntry['severity'] },
): string {
  const tag = entry.severity && entry.severity !== 'error' ? `${entry.severity}: ` : '';
  return `${placeOf(entry)} ${tag}${entry.field}: ${entry.reason}`;
}

/**
 * How an incoming node relates to the graph. `same`: the same id or the same official identifier,
 * merged into the existing node (its sources grow). `possible`: the same name in some script, the
 * same kind and a shared place or birth date; written as a new node and listed for review, never merged.
 */
export const MatchVerdict = z.object({
  place: SourcePlace,
  incomingId: z.string(),
  kind: z.string(),
  name: z.string(),
  verdict: z.enum(['new', 'same', 'possible']),
  existingId: z.string().optional(),
  existingName: z.string().optional(),
  /** 0 to 1: the sum of the weights of the signals that agreed. */
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
export type MatchVerdict = z.infer<typeof MatchVerdict>;

export const ElementCounts = z.object({
  nodesCreated: z.number().int(),
  nodesMerged: z.number().int(),
  relationshipsCreated: z.number().int(),
  relationshipsMerged: z.number().int(),
  possibleMatches: z.number().int(),
});
export type ElementCounts = z.infer<typeof ElementCounts>;

export const ImportReport = z.object({
  file: z.string(),
  sha256: z.string(),
  format: SourceFormat,
  encoding: z.string(),
  sheet: z.string().optional(),
  /** Data rows read (after the header), and how many the mapping's filters kept. */
  rows: z.number().int(),
  keptRows: z.number().int(),
  columns: z.object({ mapped: z.array(z.string()), kept: z.array(z.string()), dropped: z.array(z.string()) }),
  counts: ElementCounts,
  entries: z.array(ReportEntry),
  /** Entries past the report's cap (they are counted, not listed). */
  entriesLeftOut: z.number().int(),
  matches: z.array(MatchVerdict),
  matchesLeftOut: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportState = z.enum(['reading', 'validating', 'writing', 'checked', 'complete', 'already-complete', 'refused', 'cancelled', 'failed']);
export type ImportState = z.infer<typeof ImportState>;

export const ImportProgress = z.object({
  state: ImportState,
  /** Rows done in the current pass (validation reads the whole file first, then the write reads it again). */
  rows: z.number().int(),
  totalRows: z.number().int().nullable(),
  rowsPerSecond: z.number(),
  secondsLeft: z.number().nullable(),
  importId: z.string().optional(),
  message: z.string().optional(),
  /**
   * A failed job's file did not read as text in its encoding (its first bad byte lay past what the
   * upload's inspection read): the encoding it looks like, offered as the one to read it in.
   */
  encodingGuess: z.string().optional(),
  report: ImportReport.optional(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ImportHistoryEntry = z.object({
  id: z.string(),
  fileName: z.string(),
  checksum: z.string(),
  mappingName: z.string().nullable(),
  mapping: z.string().nullable(),
  importedBy: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  status: z.string(),
  counts: ElementCounts.nullable(),
  problems: z.number().int(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type ImportHistoryEntry = z.infer<typeof ImportHistoryEntry>;

/** How to read an upload again: another format, sheet, header row, encoding or delimiter. */
export const InspectUploadBody = z.strictObject({
  format: SourceFormat.exclude(['bundle']).optional(),
  sheet: z.string().min(1).max(200).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
  encoding: z.string().min(1).max(40).optional(),
  delimiter: z.string().length(1).optional(),
});
export type InspectUploadBody = z.input<typeof InspectUploadBody>;

/** A mapping to preview (its first `rows`) or run as a job (a dry run checks and writes nothing); upgraded and checked by the route. */
export const MappingRequestBody = z.strictObject({
  mapping: z.unknown(),
  dryRun: z.boolean().default(false),
  rows: z.number().int().min(1).max(200).default(20),
});
export type MappingRequestBody = z.input<typeof MappingRequestBody>;

/** What an upload answers: the file as read, its tables, and a proposed (or saved) mapping. */
export const UploadInspection = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  format: SourceFormat,
  encoding: z.string(),
  sheets: z.array(z.string()),
  sheet: z.string().optional(),
  columns: z.array(z.string()),
  sample: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  /** A mapping saved for a file with the same header, else one proposed from the header and the sample. */
  mapping: z.unknown(),
  mappingOrigin: z.enum(['saved', 'proposed']),
});
export type UploadInspection = z.infer<typeof UploadInspection>;

/** What an upload answers: the file kept, and how it reads, or why it cannot be read yet (pick its encoding, its sheet). */
export const UploadAnswer = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  inspection: UploadInspection.nullable(),
  problem: z.string().nullable(),
  /** The encoding an unreadable text looks like (the problem names it too), offered as the one to read it in. */
  encodingGuess: z.string().nullable(),
});
export type UploadAnswer = z.infer<typeof UploadAnswer>;
