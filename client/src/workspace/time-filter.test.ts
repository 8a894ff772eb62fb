// Time on the canvas as data: what held on a date (links by from/to, dated nodes, bodies reached only through links that did not hold), and what entered and left between two dates.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../contract/result.ts';
import { inForceOn, timeChanges, timeView } from './time-filter.ts';

/** p1 held a post in o1 from 2016-08 to 2021-12 and one in o2 from 2010; d1 is a directive of 2017 issued by o2. */
function dated(): Result {
  const node = (id: string, labels: string[], extra: Record<string, string> = {}) => ({
    id,
    labels: ['Entity', ...labels],
    properties: { id, name: id, ...extra },
  });
  return {
    nodes: [node('p1', ['Person', 'Official']), node('o1', ['Organization']), node('o2', ['Organization']), node('d1', ['Directive'], { date: '2017-03-01' })],
    edges: [
      { id: 'post1', type: 'HELD_POST', source: 'p1', target: 'o1', properties: { from: '2016-08-29', to: '2021-12-25' } },
      { id: 'post2', type: 'HELD_POST', source: 'p1', target: 'o2', properties: { from: '2010-01-01' } },
      { id: 'issued', type: 'ISSUED', source: 'o2', target: 'd1', properties: { from: '2017-03-01' } },
    ],
    paths: [],
    citations: {},
    summary: {},
    meta: { query: 'test', parameters: {}, durationMs: 0, truncated: false },
  };
}

describe('inForceOn', () => {
  it('draws as of a date only the links that held, the dated nodes already there, and the bodies one of their links reaches', () => {
    expect([...inForceOn(dated(), '2016-01-31')].sort()).toEqual(['o2', 'p1', 'post2']);
    expect([...inForceOn(dated(), '2018-06-30')].sort()).toEqual(['d1', 'issued', 'o1', 'o2', 'p1', 'post1', 'post2']);
    expect([...inForceOn(dated(), '2022-06-30')]).not.toContain('post1');
  });

  it('keeps the node a query started from, whatever its links', () => {
    const result = dated();
    result.edges = result.edges.filter((edge) => edge.id === 'post1');
    // o2 has no link in this answer: nothing says it did not hold, so it stays.
    expect([...inForceOn(result, '2016-01-31')]).toEqual(['o2']);
    expect([...inForceOn(result, '2016-01-31', new Set(['p1']))].sort()).toEqual(['o2', 'p1']);
  });
});

describe('timeView', () => {
  it('lets everything through without a date', () => {
    expect(timeView(dated(), {})).toBeNull();
  });

  it('between two dates, draws what held on either, marks what entered and what left, and lists them', () => {
    const view = timeView(dated(), { asOf: '2022-06-30', compareWith: '2018-06-30' })!;
    expect([...view.left].sort()).toEqual(['o1', 'post1']);
    expect([...view.entered]).toEqual([]);
    expect(view.shown.has('post1')).toBe(true);
    const back = timeView(dated(), { asOf: '2018-06-30', compareWith: '2016-01-31' })!;
    expect([...back.entered].sort()).toEqual(['d1', 'issued', 'o1', 'post1']);
    expect(timeChanges(dated(), back).map((change) => `${change.change} ${change.kind} ${change.id}`)).toEqual([
      'entered node o1',
      'entered node d1',
      'entered edge post1',
      'entered edge issued',
    ]);
  });
});
