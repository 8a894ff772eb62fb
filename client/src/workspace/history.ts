// Undo and redo over whole states: each change records the state after it, and undo or redo hands back a recorded one to put back.

/** Enough to walk back a long session; each workspace state shares its Result with its neighbours, so memory stays small. */
export const HISTORY_LIMIT = 100;

export interface History<State> {
  /** The state after a change: anything that could be redone is dropped, the oldest beyond the limit too. */
  record(state: State): void;
  /** The state before the current one, now current; undefined when there is none. */
  undo(): State | undefined;
  /** The state after the current one, now current; undefined when there is none. */
  redo(): State | undefined;
  canUndo(): boolean;
  canRedo(): boolean;
}

export function createHistory<State>(limit = HISTORY_LIMIT): History<State> {
  const states: State[] = [];
  let current = -1;
  return {
    record(state) {
      states.splice(current + 1);
      states.push(state);
      if (states.length > limit) states.splice(0, states.length - limit);
      current = states.length - 1;
    },
    undo() {
      const previous = states[current - 1];
      if (previous === undefined) return undefined;
      current -= 1;
      return previous;
    },
    redo() {
      const next = states[current + 1];
      if (next === undefined) return undefined;
      current += 1;
      return next;
    },
    canUndo: () => current > 0,
    canRedo: () => current < states.length - 1,
  };
}
