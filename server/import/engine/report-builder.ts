// Collects an import's report as it streams: every entry counted, the first few thousand kept (a
// file of a million bad rows must not fill memory), errors first when shown.
import type { ElementCounts, ImportReport, MatchVerdict, ReportEntry, SourcePlace } from '../../../contract/api/imports.ts';
import { sortEntries } from '../report.ts';

/** Entries and matches a report keeps; past these it counts them. */
export const MAX_REPORT_ENTRIES = 5_000;
export const MAX_REPORT_MATCHES = 5_000;

export class ReportBuilder {
  /** Errors and warnings kept, together at most MAX_REPORT_ENTRIES: an error takes a warning's place. */
  private readonly keptErrors: ReportEntry[] = [];
  private readonly keptWarnings: ReportEntry[] = [];
  readonly matches: MatchVerdict[] = [];
  entriesLeftOut = 0;
  matchesLeftOut = 0;
  errors = 0;
  readonly counts: ElementCounts = { nodesCreated: 0, nodesMerged: 0, relationshipsCreated: 0, relationshipsMerged: 0, possibleMatches: 0 };
  /** Lines with at least one error. */
  private readonly badLines = new Set<number>();

  add(place: SourcePlace, field: string, reason: string, severity: ReportEntry['severity'] = 'error'): void {
    if (severity === 'error') {
      this.errors++;
      if (this.badLines.size < MAX_REPORT_ENTRIES) this.badLines.add(place.line);
    }
    const entry = { ...place, field, reason, severity };
    const full = this.keptErrors.length + this.keptWarnings.length >= MAX_REPORT_ENTRIES;
    // A file of many rows that merge with other values (a later roster) must not list thousands of
    // warnings in place of the errors that refuse it: past the cap, an error pushes a warning out.
    if (!full) (severity === 'error' ? this.keptErrors : this.keptWarnings).push(entry);
    else if (severity === 'error' && this.keptWarnings.length > 0) {
      this.keptWarnings.pop();
      this.keptErrors.push(entry);
      this.entriesLeftOut++;
    } else this.entriesLeftOut++;
  }

  /** The entries kept, as the report lists them before sorting. */
  get entries(): ReportEntry[] {
    return [...this.keptErrors, ...this.keptWarnings];
  }

  /** Errors past the ones a report can list (a ledger's collisions past its own cap): counted, never shown. */
  addUnlisted(errors: number): void {
    this.errors += errors;
    this.entriesLeftOut += errors;
  }

  /** Matches past the ones a check kept to list: `matches` not listed, of which `possible` possible ones. */
  unlistedMatches(matches: number, possible: number): void {
    this.counts.possibleMatches += possible;
    this.matchesLeftOut += matches;
  }

  match(verdict: MatchVerdict): void {
    if (verdict.verdict === 'possible') this.counts.possibleMatches++;
    if (verdict.verdict === 'new') return;
    if (this.matches.length < MAX_REPORT_MATCHES) this.matches.push(verdict);
    else this.matchesLeftOut++;
  }

  get badRows(): number {
    return this.badLines.size;
  }

  build(fields: Omit<ImportReport, 'counts' | 'entries' | 'entriesLeftOut' | 'matches' | 'matchesLeftOut'>): ImportReport {
    return {
      ...fields,
      counts: { ...this.counts },
      entries: sortEntries(this.entries) as ReportEntry[],
      entriesLeftOut: this.entriesLeftOut,
      matches: [...this.matches],
      matchesLeftOut: this.matchesLeftOut,
    };
  }
}
