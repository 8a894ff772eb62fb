// timelineItems: dated links become bars in their node's row, dated nodes points, open tenures run to the axis's end.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/result.ts';
import { timelineItems } from './timeline-items.ts';

const answer: Result = {
  nodes: [
    { id: 'p1', labels: ['Entity', 'Person', 'Official'], properties: { id: 'p1', name: 'Leader P' } },
    { id: 'o1', labels: ['Entity', 'Organization'], properties: { id: 'o1', name: 'Bureau' } },
    { id: 'd1', labels: ['Entity', 'Directive'], properties: { id: 'd1', name: 'Directive D', date: '2017-03-01', confidence: 'confirmed' } },
  ],
  edges: [
    {
      id: 'e1',
      type: 'HELD_POST',
      source: 'p1',
      target: 'o1',
      properties: { from: '2016-08-29', to: '2021-12-25', title: 'Secretary', confidence: 'confirmed' },
    },
    { id: 'e2', type: 'HELD_POST', source: 'p1', target: 'o1', properties: { from: '2022-01-01', confidence: 'reported' } },
  ],
  paths: [
    { nodes: ['p1', 'o1'], edges: ['e1'], attributes: { event: { date: '2016-08-29', event: 'HELD_POST start', nodeId: 'p1', edgeId: 'e1' } } },
    { nodes: ['p1', 'o1'], edges: ['e1'], attributes: { event: { date: '2021-12-25', event: 'HELD_POST end', nodeId: 'p1', edgeId: 'e1' } } },
    { nodes: ['p1', 'o1'], edges: ['e2'], attributes: { event: { date: '2022-01-01', event: 'HELD_POST start', nodeId: 'p1', edgeId: 'e2' } } },
    { nodes: ['d1'], edges: [], attributes: { event: { date: '2017-03-01', event: 'dated', nodeId: 'd1', edgeId: null } } },
  ],
  citations: {},
  summary: {},
  meta: { query: 'timeline', parameters: {}, durationMs: 1, truncated: false },
};

describe('timelineItems', () => {
  it('draws a tenure once, from its start to its end, in the row of its node, captioned in words', () => {
    const { items, rows } = timelineItems(answer, '2023-12-31');
    expect(rows).toEqual([
      { id: 'd1', name: 'Directive D' },
      { id: 'p1', name: 'Leader P' },
    ]);
    expect(items.find((item) => item.id === 'e1')).toMatchObject({
      elementId: 'e1',
      group: 'p1',
      start: '2016-08-29',
      end: '2021-12-25',
      shape: 'range',
      text: 'held post in Bureau (Secretary)',
    });
  });

  it('runs a tenure still in force to the axis’s end, and draws a dated node as a point', () => {
    const { items } = timelineItems(answer, '2023-12-31');
    expect(items.find((item) => item.id === 'e2')).toMatchObject({ start: '2022-01-01', end: '2023-12-31', shape: 'open-ended' });
    expect(items.find((item) => item.id === 'node:d1')).toMatchObject({ elementId: 'd1', start: '2017-03-01', shape: 'point' });
    expect(items.find((item) => item.id === 'node:d1')!.end).toBeUndefined();
  });
});
