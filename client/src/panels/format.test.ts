// Inspector wording: dates at their recorded precision, open-ended tenures, and links that cannot run code.
import { describe, expect, it } from 'vitest';
import { propertyTitle } from '../../../contract/model.ts';
import { formatDate, formatValidity, formatValue, safeLink } from './format.ts';

describe('format', () => {
  it('shows a date at the precision the source gave', () => {
    expect(formatDate('2016-08-01', 'month')).toBe('2016-08');
    expect(formatDate('2016-12-31', 'year')).toBe('2016');
    expect(formatDate('2016-08-29', undefined)).toBe('2016-08-29');
  });

  it('says when a start is unknown and when a link is still in force', () => {
    expect(formatValidity({ from: '2016-08-01', fromPrecision: 'month' })).toBe('2016-08 to open-ended');
    expect(formatValidity({ to: '2021-12-31', toPrecision: 'year' })).toBe('unknown start to 2021');
    expect(formatValidity({ title: 'Secretary' })).toBeNull();
  });

  it('writes values as plain words', () => {
    expect(formatValue(['a', 'b'])).toBe('a; b');
    expect(formatValue(true)).toBe('yes');
    expect(formatValue(null)).toBe('unknown');
  });

  it('names properties in words, known ones by their title', () => {
    expect(propertyTitle('nameZh')).toBe('Chinese name');
    expect(propertyTitle('ethnicity')).toBe('Ethnicity');
    expect(propertyTitle('detentionReason')).toBe('Detention reason');
    expect(propertyTitle('source_file')).toBe('Source file');
  });

  it('links only web addresses', () => {
    expect(safeLink('https://example.org/a')?.hostname).toBe('example.org');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
    expect(safeLink(undefined)).toBeNull();
  });
});
