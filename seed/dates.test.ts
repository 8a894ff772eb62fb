import { describe, expect, it } from 'vitest';
import { parsePartialDate } from './dates.ts';

describe('parsePartialDate', () => {
  it('keeps a full date as one day', () => {
    expect(parsePartialDate('2016-08-29')).toEqual({ start: '2016-08-29', end: '2016-08-29', precision: 'day' });
  });
  it('widens a month to its first and last day, leap years included', () => {
    expect(parsePartialDate('2016-02')).toEqual({ start: '2016-02-01', end: '2016-02-29', precision: 'month' });
    expect(parsePartialDate('2021-12')).toEqual({ start: '2021-12-01', end: '2021-12-31', precision: 'month' });
  });
  it('widens a year to the whole year', () => {
    expect(parsePartialDate('2017')).toEqual({ start: '2017-01-01', end: '2017-12-31', precision: 'year' });
  });
  it('reads the leading date of annotated text', () => {
    expect(parsePartialDate('2014-05-28/29')?.start).toBe('2014-05-28');
    expect(parsePartialDate('2017-04-01 (in force)')?.start).toBe('2017-04-01');
    expect(parsePartialDate('2020-02 (publication)')?.precision).toBe('month');
  });
  it('gives null for unknown or impossible dates', () => {
    expect(parsePartialDate(null)).toBeNull();
    expect(parsePartialDate('unknown')).toBeNull();
    expect(parsePartialDate('2017-13')).toBeNull();
    expect(parsePartialDate('2017-02-30')).toBeNull();
  });
});
