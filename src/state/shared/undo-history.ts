/**
 * Undo and redo as pure data: the states left behind (past) and the states undone (future). A burst of
 * changes to one thing (a fader dragged, a tempo slider slid) is one step: a change within MERGE_MS of
 * the last one, to the same key, joins it. No signals, no DOM: the Mix page and the arranger wrap it.
 */

/** Milliseconds between changes to one key that still make a single step. */
export type Milliseconds = number;

/** Changes to the same key closer than this are one step. */
export const MERGE_MS: Milliseconds = 600;
/** Steps kept (the oldest are forgotten). */
export const UNDO_LIMIT = 100;

/** Undo and redo stacks of states `T`. */
export interface UndoHistory<T> {
  /** States before each step, oldest first. */
  readonly past: readonly T[];
  /** States undone, the next to redo last. */
  readonly future: readonly T[];
  /** When and to what the last change was made (null after an undo or redo: the next change is a new step). */
  readonly last: { at: Milliseconds; key: string } | null;
}

/** A history with nothing to undo or redo. */
export function emptyHistory<T>(): UndoHistory<T> {
  return { past: [], future: [], last: null };
}

/**
 * The history after a change that left `before` behind, at time `at`, to `key` (what was changed). It
 * joins the last step when the same key changed less than MERGE_MS ago; either way nothing is left to redo.
 */
export function recordChange<T>(
  history: UndoHistory<T>,
  before: T,
  at: Milliseconds,
  key = '',
  limit = UNDO_LIMIT,
): UndoHistory<T> {
  const last = history.last;
  const joins = last !== null && last.key === key && at - last.at < MERGE_MS && history.past.length > 0;
  const past = joins ? history.past : [...history.past, before].slice(-limit);
  return { past, future: [], last: { at, key } };
}

/** True when there is a step to undo. */
export function canUndo<T>(history: UndoHistory<T>): boolean {
  return history.past.length > 0;
}

/** True when there is a step to redo. */
export function canRedo<T>(history: UndoHistory<T>): boolean {
  return history.future.length > 0;
}

/** Steps back from `present`: the state to show and the history after; null with nothing to undo. */
export function undoStep<T>(
  history: UndoHistory<T>,
  present: T,
): { state: T; history: UndoHistory<T> } | null {
  const state = history.past.at(-1);
  if (history.past.length === 0) return null;
  return {
    state: state as T,
    history: { past: history.past.slice(0, -1), future: [...history.future, present], last: null },
  };
}

/** Steps forward from `present`: the state to show and the history after; null with nothing to redo. */
export function redoStep<T>(
  history: UndoHistory<T>,
  present: T,
): { state: T; history: UndoHistory<T> } | null {
  const state = history.future.at(-1);
  if (history.future.length === 0) return null;
  return {
    state: state as T,
    history: { past: [...history.past, present], future: history.future.slice(0, -1), last: null },
  };
}
