import { describe, expect, it } from 'vitest';
import { FirstRuns } from './first-runs.ts';

const cypher = 'MATCH (n:Entity {id: $id}) RETURN n';

function settleable() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('FirstRuns', () => {
  it('holds later runs of a text behind its first, and lets them straight through once it succeeded', async () => {
    const runs = new FirstRuns();
    expect(runs.inFlight(cypher)).toBeUndefined();
    const first = settleable();
    runs.began(cypher, first.promise);
    const waiting = runs.inFlight(cypher);
    expect(waiting).toBeDefined();
    // A second run beginning meanwhile does not replace the first as the one to wait for.
    runs.began(cypher, new Promise(() => {}));
    expect(runs.inFlight(cypher)).toBe(waiting);
    expect(runs.inFlight('RETURN 1')).toBeUndefined();
    first.resolve();
    await waiting;
    expect(runs.hasRun(cypher)).toBe(true);
    expect(runs.inFlight(cypher)).toBeUndefined();
  });

  it('releases the waiting runs when the first fails, and the next run becomes the first', async () => {
    const runs = new FirstRuns();
    const first = settleable();
    runs.began(cypher, first.promise);
    const waiting = runs.inFlight(cypher)!;
    first.reject(new Error('terminated at its deadline'));
    // Waiting never throws: a failed first run only means the next one plans.
    await waiting;
    await Promise.resolve();
    expect(runs.hasRun(cypher)).toBe(false);
    expect(runs.inFlight(cypher)).toBeUndefined();
    const second = settleable();
    runs.began(cypher, second.promise);
    expect(runs.inFlight(cypher)).toBeDefined();
  });

  it('forgets every plan when Neo4j goes away: the next first run goes alone again', async () => {
    const runs = new FirstRuns();
    const first = settleable();
    runs.began(cypher, first.promise);
    first.resolve();
    await runs.inFlight(cypher);
    expect(runs.hasRun(cypher)).toBe(true);
    runs.forget();
    expect(runs.hasRun(cypher)).toBe(false);
    const again = settleable();
    runs.began(cypher, again.promise);
    expect(runs.inFlight(cypher)).toBeDefined();
  });

  it('counts every run begun, first or not, and keeps the counts when Neo4j goes away', () => {
    const runs = new FirstRuns();
    for (let i = 0; i < 3; i++) runs.began(cypher, Promise.resolve());
    runs.began('RETURN 1', Promise.resolve());
    runs.forget();
    expect(runs.timesRun(cypher)).toBe(3);
    expect(runs.timesRun('RETURN 1')).toBe(1);
    expect(runs.timesRun('RETURN 2')).toBe(0);
  });

  it('stops holding runs behind a first begun on the Neo4j that went away, and never marks its plan', async () => {
    const runs = new FirstRuns();
    const onTheDeadOne = settleable();
    runs.began(cypher, onTheDeadOne.promise);
    expect(runs.inFlight(cypher)).toBeDefined();
    runs.forget();
    // Nobody waits for a run that may go on retrying against a Neo4j that is gone.
    expect(runs.inFlight(cypher)).toBeUndefined();
    const onTheNewOne = settleable();
    runs.began(cypher, onTheNewOne.promise);
    const waiting = runs.inFlight(cypher)!;
    // The old run ending now does not mark the plan on the new Neo4j, nor release the new first run.
    onTheDeadOne.resolve();
    await onTheDeadOne.promise;
    await Promise.resolve();
    await Promise.resolve();
    expect(runs.hasRun(cypher)).toBe(false);
    expect(runs.inFlight(cypher)).toBe(waiting);
    onTheNewOne.resolve();
    await waiting;
    expect(runs.hasRun(cypher)).toBe(true);
  });
});
