// Turns the partial dates sources give ("2016", "2016-08", "2014-05-28/29") into ISO dates plus a precision.
export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** First day of the period ("2016-08" -> 2016-08-01). */
  start: string;
  /** Last day of the period ("2016-08" -> 2016-08-31), so an end date stays inclusive. */
  end: string;
  precision: DatePrecision;
}

/** Reads the leading ISO date of a source's text; null when it has none (unknown, or free text). */
export function parsePartialDate(text: string | null | undefined): PartialDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text?.trim() ?? '');
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string | undefined, string | undefined];
  if (day !== undefined) {
    const iso = `${year}-${month}-${day}`;
    if (!isRealDay(iso)) return null;
    return { start: iso, end: iso, precision: 'day' };
  }
  if (month !== undefined) {
    const m = Number(month);
    if (m < 1 || m > 12) return null;
    const lastDay = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
    return { start: `${year}-${month}-01`, end: `${year}-${month}-${String(lastDay).padStart(2, '0')}`, precision: 'month' };
  }
  return { start: `${year}-01-01`, end: `${year}-12-31`, precision: 'year' };
}

function isRealDay(iso: string): boolean {
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso);
}
