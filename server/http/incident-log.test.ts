// The incident log: the first failure whole, its repeats counted into one line, a new incident after the quiet period.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IncidentLog } from './incident-log.ts';

describe('IncidentLog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('logs the first failure of a kind once, then one line counting its repeats', () => {
    const lines: string[] = [];
    const incidents = new IncidentLog((line) => lines.push(line), 1_000);
    for (let i = 0; i < 100; i++) incidents.report('503 Graph database unavailable', `GET /api/chain/${i}`, () => `failure ${i}\n    at stack`);
    incidents.report('TypeError: x is undefined at f', 'GET /api/nodes/a', () => 'bug');
    expect(lines).toEqual(['failure 0\n    at stack', 'bug']);
    vi.advanceTimersByTime(1_000);
    expect(lines.slice(2)).toEqual(['The same failure as "503 Graph database unavailable" (first at GET /api/chain/0) happened 99 more time(s) within 1 s.']);
    incidents.report('503 Graph database unavailable', 'GET /api/chain/x', () => 'a new incident');
    expect(lines.at(-1)).toBe('a new incident');
  });
});
