// Dates as files write them: partial, day-first, in Chinese, and nothing that does not exist.
import { describe, expect, it } from 'vitest';
import { lastDay, readDate } from './values.ts';

describe('readDate', () => {
  it('reads full, partial, day-first and Chinese dates', () => {
    expect(readDate('2017年5月28日', ['YYYY年M月D日'])).toEqual({ iso: '2017-05-28', partial: '2017-05-28', precision: 'day' });
    expect(readDate('2018年3月', ['YYYY年M月D日', 'YYYY年M月'])).toEqual({ iso: '2018-03-01', partial: '2018-03', precision: 'month' });
    expect(readDate('09/07/2020', ['DD/MM/YYYY'])).toMatchObject({ iso: '2020-07-09' });
    expect(readDate('2016', ['YYYY'])).toMatchObject({ iso: '2016-01-01', precision: 'year' });
    expect(readDate('2019-06-30', [])).toMatchObject({ iso: '2019-06-30' });
  });

  it('refuses dates that do not exist or do not fit', () => {
    expect(readDate('1999年13月1日', ['YYYY年M月D日'])).toBeNull();
    expect(readDate('31/02/2020', ['DD/MM/YYYY'])).toBeNull();
    expect(readDate('last spring', ['YYYY'])).toBeNull();
  });

  it('ends a partial period on its last day', () => {
    expect(lastDay(readDate('2019-02', ['YYYY-MM'])!)).toBe('2019-02-28');
    expect(lastDay(readDate('2020', ['YYYY'])!)).toBe('2020-12-31');
  });
});
