// The table's rows: one per drawn node, sorted and filtered, and a CSV a spreadsheet cannot run.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/result.ts';
import { canvasRows, filterRows, placeOf, rowsCsv, sortRows } from './canvas-rows.ts';

const result: Result = {
  nodes: [
    { id: 'p2', labels: ['Person', 'Official'], properties: { name: 'Zhu Hailun', nameZh: '朱海仑' } },
    { id: 'f1', labels: ['Facility'], properties: { name: '=HYPERLINK("https://evil.example")', county: 'Shufu', prefecture: 'Kashgar', synthetic: true } },
    { id: 'p1', labels: ['Person', 'Official'], properties: { name: 'Chen Quanguo', nameZh: '陈全国', birthDate: '1955-11-01' } },
  ],
  edges: [{ id: 'e1', type: 'HELD_POST', source: 'p1', target: 'f1', properties: {} }],
  paths: [],
  citations: {},
  summary: {},
  meta: { query: 'test', parameters: {}, durationMs: 1, truncated: false },
};

describe('canvasRows', () => {
  const rows = canvasRows(result, new Set(['p1', 'p2', 'f1']));

  it('gives each drawn node its place, date and links', () => {
    expect(rows.find((row) => row.id === 'f1')).toMatchObject({ place: 'Shufu, Kashgar', kindTitle: 'Facility', synthetic: true, links: 1 });
    expect(rows.find((row) => row.id === 'p1')).toMatchObject({ date: 'born 1955', nameZh: '陈全国' });
    expect(canvasRows(result, new Set(['p1'])).map((row) => row.id)).toEqual(['p1']);
  });

  it('sorts either way and filters by words and kind', () => {
    expect(sortRows(rows, 'name', 'ascending').map((row) => row.id)).toEqual(['f1', 'p1', 'p2']);
    expect(sortRows(rows, 'name', 'descending').map((row) => row.id)).toEqual(['p2', 'p1', 'f1']);
    expect(filterRows(rows, { text: 'kashgar', kind: '' }).map((row) => row.id)).toEqual(['f1']);
    expect(filterRows(rows, { text: '', kind: 'Official' }).map((row) => row.id)).toEqual(['p2', 'p1']);
    expect(filterRows(rows, { text: '陈', kind: '' }).map((row) => row.id)).toEqual(['p1']);
  });

  it('writes a CSV whose cells a spreadsheet never runs as a formula', () => {
    const csv = rowsCsv(rows);
    expect(csv.startsWith('\uFEFFName,Chinese name,Kind,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(csv).toContain('陈全国');
  });
});

describe('placeOf', () => {
  it('names a gazetteer place by the units it lies in, so two 新城街道 read apart', () => {
    const township = (id: string, within: string) => ({ id, labels: ['Place'], properties: { name: '新城街道', placeType: 'township', within } });
    expect(placeOf(township('a', '库尔勒市, 巴音郭楞蒙古自治州'))).toBe('库尔勒市, 巴音郭楞蒙古自治州');
    expect(placeOf(township('b', '石河子市'))).toBe('石河子市');
    expect(placeOf({ id: 'v', labels: ['Place'], properties: { name: 'Synthetic village', placeType: 'village' } })).toBe('village');
  });
});
