import { computed, signal } from '@preact/signals';
import {
  canRedo,
  canUndo,
  emptyHistory,
  recordChange,
  redoStep,
  type UndoHistory,
  undoStep,
} from './undo-history';

/**
 * An undo history of one piece of state, as signals for the buttons: `record` is called with the state a
 * change left behind; `undo`/`redo` hand the state to go back or forward to to `apply` (which must not
 * record it). See undo-history.ts for what makes one step.
 */
export function createUndoStack<T>(read: () => T, apply: (state: T) => void) {
  const history = signal<UndoHistory<T>>(emptyHistory());
  const move = (step: typeof undoStep<T>): boolean => {
    const result = step(history.value, read());
    if (!result) return false;
    history.value = result.history;
    apply(result.state);
    return true;
  };
  return {
    canUndo: computed(() => canUndo(history.value)),
    canRedo: computed(() => canRedo(history.value)),
    /** Notes a change that left `before` behind (`key`: what changed, so a drag is one step). */
    record(before: T, key = '', at = Date.now()): void {
      history.value = recordChange(history.value, before, at, key);
    },
    /** Steps back; false with nothing to undo. */
    undo: (): boolean => move(undoStep),
    /** Steps forward again; false with nothing to redo. */
    redo: (): boolean => move(redoStep),
    /** Forgets every step (another song or arrangement was opened). */
    clear(): void {
      history.value = emptyHistory();
    },
  };
}

/** An undo stack (see createUndoStack). */
export type UndoStack<T> = ReturnType<typeof createUndoStack<T>>;

/** Which history command a key press asks for: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo. */
export function undoCommandOf(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
