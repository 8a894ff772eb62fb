// Grouping like leaves: a crowd folds into one node with its count, expands on demand, and never swallows a chain's own nodes.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/result.ts';
import { groupElements, groupFrom, groupId, membersOf, type GroupData } from './grouping.ts';
import { toElements } from './to-elements.ts';

function facilityWith(detainees: number, guards = 2): Result {
  const nodes = [{ id: 'f', labels: ['Facility'], properties: { name: 'Camp F' } }];
  const edges = [];
  for (let i = 0; i < detainees; i++) {
    nodes.push({ id: `d${i}`, labels: ['Person', 'Detainee'], properties: { name: `D ${i}` } });
    edges.push({ id: `e${i}`, type: 'DETAINED_AT', source: `d${i}`, target: 'f', properties: {} });
  }
  for (let i = 0; i < guards; i++) {
    nodes.push({ id: `g${i}`, labels: ['Person', 'Guard'], properties: { name: `G ${i}` } });
    edges.push({ id: `a${i}`, type: 'ASSIGNED_TO', source: `g${i}`, target: 'f', properties: {} });
  }
  return { nodes, edges, paths: [], citations: {}, summary: {}, meta: { query: 'expand-neighbourhood', parameters: {}, durationMs: 1, truncated: false } };
}

const ids = (elements: { data: { id?: string } }[]) => elements.map((element) => String(element.data.id));

describe('groupElements', () => {
  it("folds a facility's many detainees into one node that says how many, and keeps the few guards", () => {
    const drawn = groupElements(toElements(facilityWith(181)), new Set());
    const key = groupId('f', 'DETAINED_AT', 'Detainee');
    const group = drawn.find((element) => element.data.id === key)!;
    expect((group.data as GroupData).label).toBe('181 detainees ▸');
    expect((group.data as GroupData).count).toBe(181);
    expect(membersOf(group.data as GroupData)).toHaveLength(362);
    expect(ids(drawn).sort()).toEqual(['a0', 'a1', 'f', 'g0', 'g1', key, `${key}:link`].sort());
  });

  it('draws each member once the group is expanded', () => {
    const elements = toElements(facilityWith(181));
    expect(groupElements(elements, new Set([groupId('f', 'DETAINED_AT', 'Detainee')]))).toHaveLength(elements.length);
  });

  it(`leaves fewer than ${groupFrom} alone, and never groups a node a chain or a pin keeps`, () => {
    expect(groupElements(toElements(facilityWith(groupFrom - 1)), new Set())).toHaveLength(toElements(facilityWith(groupFrom - 1)).length);
    const kept = groupElements(toElements(facilityWith(groupFrom)), new Set(), new Set(['d0']));
    expect(ids(kept)).toContain('d0');
    expect(kept.some((element) => element.data.kind === 'Group')).toBe(false);
  });
});
