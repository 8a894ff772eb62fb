import { describe, expect, it } from 'vitest';
import { computeLayout, ringsByDegree, toLayoutElements, type LayoutElement, type PlainLayoutOptions } from './layout-compute.ts';
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

describe('ringsByDegree', () => {
  // Two hubs of different degree, their leaves, a pair and a node alone: several rings, ties and a zero degree.
  const graph: LayoutElement[] = [
    ...['camp', 'bureau', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'x', 'y', 'alone'].map((id): LayoutElement => ({ group: 'nodes', data: { id } })),
    ...['a', 'b', 'c', 'd', 'e', 'bureau'].map((id): LayoutElement => ({ group: 'edges', data: { id: `held-${id}`, source: id, target: 'camp' } })),
    ...['f', 'g'].map((id): LayoutElement => ({ group: 'edges', data: { id: `runs-${id}`, source: 'bureau', target: id } })),
    { group: 'edges', data: { id: 'pair', source: 'x', target: 'y' } },
  ];

  it("places every node where Cytoscape's concentric layout does, without building a graph", async () => {
    const ours = ringsByDegree(graph, 20);
    const cytoscapes = await computeLayout({ elements: graph, layout: { name: 'concentric', minNodeSpacing: 20 } });
    expect(Object.keys(ours).sort()).toEqual(Object.keys(cytoscapes).sort());
    // A headless graph centres its layouts on its nominal size; the shape is what must agree.
    const centre = cytoscapes.camp!;
    for (const [id, point] of Object.entries(cytoscapes)) {
      expect(ours[id]!.x, id).toBeCloseTo(point.x - centre.x, 6);
      expect(ours[id]!.y, id).toBeCloseTo(point.y - centre.y, 6);
    }
  });

  it('puts the best-connected node in the middle and the leaves on an outer ring', async () => {
    const positions = ringsByDegree(graph);
    const radius = (id: string) => Math.hypot(positions[id]!.x, positions[id]!.y);
    expect(radius('camp')).toBe(0);
    expect(radius('a')).toBeGreaterThan(radius('bureau'));
    await expect(computeLayout({ elements: graph, layout: { name: 'rings-by-degree' } })).resolves.toEqual(positions);
  });
});
