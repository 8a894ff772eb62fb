// Where the map puts what is drawn: places by their coordinates, people where links in force on the as-of date put them, and the filters.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/result.ts';
import { filterChoices, filterPoints, mapPoints } from './map-points.ts';

function result(): Result {
  return {
    nodes: [
      { id: 'f1', labels: ['Facility'], properties: { name: 'Camp F', facilityType: 'camp', latitude: 39.4, longitude: 75.9 } },
      { id: 'f2', labels: ['Facility'], properties: { name: 'Prison P', facilityType: 'prison', latitude: 43.2, longitude: 81.8, tier: 'high' } },
      { id: 'v1', labels: ['Place'], properties: { name: 'Village V', placeType: 'village', latitude: 39.5, longitude: 76.0 } },
      { id: 'o1', labels: ['Organization'], properties: { name: 'Bureau', level: 'county' } },
      { id: 'd1', labels: ['Person', 'Detainee'], properties: { name: 'D 1', synthetic: true } },
      { id: 'g1', labels: ['Person', 'Guard'], properties: { name: 'G 1' } },
    ],
    edges: [
      { id: 'e1', type: 'DETAINED_AT', source: 'd1', target: 'f1', properties: { from: '2017-03-01', to: '2018-12-31' } },
      { id: 'e2', type: 'RESIDES_IN', source: 'd1', target: 'v1', properties: {} },
      { id: 'e3', type: 'ASSIGNED_TO', source: 'g1', target: 'f2', properties: { from: '2019-01-01' } },
      { id: 'e4', type: 'OPERATES', source: 'o1', target: 'f1', properties: {} },
    ],
    paths: [],
    citations: {},
    summary: {},
    meta: { query: 'test', parameters: {}, durationMs: 1, truncated: false },
  };
}

const all = new Set(['f1', 'f2', 'v1', 'o1', 'd1', 'g1']);
const where = (points: ReturnType<typeof mapPoints>) => points.map((point) => `${point.id}@${point.at}`).sort();

describe('mapPoints', () => {
  it('places facilities and places by their coordinates, and people where their links put them', () => {
    expect(where(mapPoints(result(), all))).toEqual(['d1@f1', 'd1@v1', 'f1@f1', 'f2@f2', 'g1@f2', 'v1@v1']);
  });

  it('puts nobody where a link not in force on the as-of date would', () => {
    expect(where(mapPoints(result(), all, '2016-06-30'))).toEqual(['d1@v1', 'f1@f1', 'f2@f2', 'v1@v1']);
    expect(where(mapPoints(result(), all, '2019-06-30'))).toEqual(['d1@v1', 'f1@f1', 'f2@f2', 'g1@f2', 'v1@v1']);
  });

  it('shows only what is drawn', () => {
    expect(where(mapPoints(result(), new Set(['f1', 'g1'])))).toEqual(['f1@f1']);
  });

  it('filters by kind, type and tier, offering the values the points hold', () => {
    const points = mapPoints(result(), all);
    expect(filterChoices(points).types).toEqual(['camp', 'prison', 'village']);
    expect(filterChoices(points).tiers).toContain('high');
    expect(where(filterPoints(points, { kinds: ['Facility'], types: [], tiers: [] }))).toEqual(['f1@f1', 'f2@f2']);
    expect(where(filterPoints(points, { kinds: [], types: ['prison'], tiers: [] }))).toEqual(['f2@f2', 'g1@f2']);
    expect(where(filterPoints(points, { kinds: ['Facility'], types: [], tiers: ['high'] }))).toEqual(['f2@f2']);
  });
});
