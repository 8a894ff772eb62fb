import { describe, expect, it } from 'vitest';
import { computeLayout, toLayoutElements, type LayoutElement, type PlainLayoutOptions } from './layout-compute.ts';
import { layouts } from './layouts.ts';

// Edges point subordinate -> superior, as toElements draws a chain.
const chain: LayoutElement[] = [
  { group: 'nodes', data: { id: 'detainee' } },
  { group: 'nodes', data: { id: 'camp' } },
  { group: 'nodes', data: { id: 'bureau' } },
  { group: 'nodes', data: { id: 'leader' } },
  { group: 'edges', data: { id: 'held', source: 'detainee', target: 'camp' } },
  { group: 'edges', data: { id: 'run', source: 'camp', target: 'bureau' } },
  { group: 'edges', data: { id: 'led', source: 'bureau', target: 'leader' } },
];

describe('computeLayout', () => {
  it('lays a chain out with the leadership on top, one rank per hop, using the chain preset', async () => {
    const positions = await computeLayout({ elements: chain, layout: layouts.chain as PlainLayoutOptions });
    const y = (id: string) => positions[id]!.y;
    expect(y('leader')).toBeLessThan(y('bureau'));
    expect(y('bureau')).toBeLessThan(y('camp'));
    expect(y('camp')).toBeLessThan(y('detainee'));
  });

  it('places every node of a force layout at a finite position, apart from the others', async () => {
    const star: LayoutElement[] = [
      { group: 'nodes', data: { id: 'hub' } },
      ...['a', 'b', 'c', 'd', 'e'].flatMap((id): LayoutElement[] => [
        { group: 'nodes', data: { id } },
        { group: 'edges', data: { id: `hub-${id}`, source: id, target: 'hub' } },
      ]),
    ];
    const positions = await computeLayout({ elements: star, layout: { name: 'fcose', quality: 'default' } });
    expect(Object.keys(positions).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'hub']);
    const points = Object.values(positions);
    for (const point of points) expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
    const distinct = new Set(points.map((point) => `${Math.round(point.x)},${Math.round(point.y)}`));
    expect(distinct.size).toBe(points.length);
  });
});

describe('toLayoutElements', () => {
  it('keeps ids and ends only, so labels and properties never cross to the worker', () => {
    const stripped = toLayoutElements([
      { group: 'nodes', data: { id: 'n1', label: 'Camp', kind: 'Facility' }, classes: ['facility'] },
      { group: 'edges', data: { id: 'e1', source: 'n1', target: 'n2', caption: 'run by' }, classes: ['confirmed'] },
    ]);
    expect(stripped).toEqual([
      { group: 'nodes', data: { id: 'n1' } },
      { group: 'edges', data: { id: 'e1', source: 'n1', target: 'n2' } },
    ]);
  });
});
