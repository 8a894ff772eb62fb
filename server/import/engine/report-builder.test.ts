// The report's cap: errors are never crowded out by warnings.
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_ENTRIES, ReportBuilder } from './report-builder.ts';

describe('ReportBuilder', () => {
  it('lists the errors that refuse a file even after its warnings filled the report', () => {
    const report = new ReportBuilder();
    for (let line = 2; line < MAX_REPORT_ENTRIES + 10; line++) report.add({ file: 'later.csv', line }, 'name', 'differs', 'warning');
    for (const line of [20_000, 20_001, 20_002]) report.add({ file: 'later.csv', line }, 'birthDate', 'is not a date');
    const entries = report.entries;
    expect(entries).toHaveLength(MAX_REPORT_ENTRIES);
    expect(entries.filter((entry) => entry.severity === 'error').map((entry) => entry.line)).toEqual([20_000, 20_001, 20_002]);
    expect(report.errors).toBe(3);
    expect(report.entriesLeftOut).toBe(8 + 3);
    // Past the cap with no warning left to give way, an error is counted, not listed.
    const errors = new ReportBuilder();
    for (let line = 2; line < MAX_REPORT_ENTRIES + 4; line++) errors.add({ file: 'bad.csv', line }, 'birthDate', 'is not a date');
    expect(errors.entries).toHaveLength(MAX_REPORT_ENTRIES);
    expect(errors.entriesLeftOut).toBe(2);
    expect(errors.errors).toBe(MAX_REPORT_ENTRIES + 2);
  });
});
