// Undo and redo over recorded states: walking back and forth, a new change dropping the redo branch, and the limit.
import { describe, expect, it } from 'vitest';
import { createHistory, HISTORY_LIMIT } from './history.ts';

describe('createHistory', () => {
  it('walks back and forth through what was recorded, and says when it cannot', () => {
    const history = createHistory<string>();
    expect([history.canUndo(), history.canRedo()]).toEqual([false, false]);
    history.record('a');
    expect(history.canUndo()).toBe(false);
    history.record('b');
    history.record('c');
    expect(history.undo()).toBe('b');
    expect(history.undo()).toBe('a');
    expect(history.undo()).toBeUndefined();
    expect([history.canUndo(), history.canRedo()]).toEqual([false, true]);
    expect(history.redo()).toBe('b');
    expect(history.redo()).toBe('c');
    expect(history.redo()).toBeUndefined();
    expect([history.canUndo(), history.canRedo()]).toEqual([true, false]);
  });

  it('drops what could be redone once a new change is recorded after an undo', () => {
    const history = createHistory<string>();
    for (const state of ['a', 'b', 'c']) history.record(state);
    history.undo();
    history.undo();
    history.record('d');
    expect(history.canRedo()).toBe(false);
    expect(history.undo()).toBe('a');
    expect(history.redo()).toBe('d');
  });

  it(`keeps the last ${HISTORY_LIMIT} states and forgets the oldest`, () => {
    const history = createHistory<number>();
    for (let state = 1; state <= HISTORY_LIMIT + 5; state++) history.record(state);
    const walkedBack: number[] = [];
    for (let state = history.undo(); state !== undefined; state = history.undo()) walkedBack.push(state);
    expect(walkedBack).toHaveLength(HISTORY_LIMIT - 1);
    expect(walkedBack.at(-1)).toBe(6);
  });

  it('takes a smaller limit', () => {
    const history = createHistory<string>(2);
    for (const state of ['a', 'b', 'c']) history.record(state);
    expect(history.undo()).toBe('b');
    expect(history.undo()).toBeUndefined();
  });
});
