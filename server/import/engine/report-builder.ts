// Collects an import's report as it streams: every entry counted, the first few thousand kept (a
// file of a million bad rows must not fill memory), errors first when shown.
import type { ElementCounts, ImportReport, MatchVerdict, ReportEntry, SourcePlace } from '../../../contract/api/imports.ts';
import { sortEntries } from '../report.ts';

/** Entries and matches a report keeps; past these it counts them. */
export const MAX_REPORT_ENTRIES = 5_000;
export const MAX_REPORT_MATCHES = 5_000;

export class ReportBuilder {
  readonly entries: ReportEntry[] = [];
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
    if (this.entries.length < MAX_REPORT_ENTRIES) this.entries.push({ ...place, field, reason, severity });
    else this.entriesLeftOut++;
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
