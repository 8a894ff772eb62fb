// One bad row's entry in an import report, and how the CLI prints it (`file:line field: reason`).

export interface ReportEntry {
  /** The file as named on the command line. */
  file: string;
  /** 1-based line in the file where the row starts (see RawRows.lineMeaning). */
  line: number;
  /** Where in the row: `id`, `labels`, `source`, `properties.from`, or `(row)` for the row as a whole. */
  field: string;
  reason: string;
}

export function formatEntry(entry: ReportEntry): string {
  return `${entry.file}:${entry.line} ${entry.field}: ${entry.reason}`;
}

/** By line, then in the order found: one row's problems stay together and read top to bottom. */
export function sortEntries<Entry extends { line: number }>(entries: readonly Entry[]): Entry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.line - b.entry.line || a.index - b.index)
    .map(({ entry }) => entry);
}
