import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  emptyHistory,
  MERGE_MS,
  recordChange,
  redoStep,
  undoStep,
} from '../../../src/state/shared/undo-history';
import { createUndoStack, undoCommandOf } from '../../../src/state/shared/undo-stack';

describe('undo history (pure)', () => {
  it('undoes and redoes steps in order, and a new change drops what was undone', () => {
    let h = emptyHistory<number>();
    expect(canUndo(h)).toBe(false);
    h = recordChange(h, 0, 0, 'a');
    h = recordChange(h, 1, 10_000, 'a');
    h = recordChange(h, 2, 20_000, 'b');
    // Present is 3; three steps back to 0.
    const u1 = undoStep(h, 3)!;
    expect(u1.state).toBe(2);
    const u2 = undoStep(u1.history, 2)!;
    expect(u2.state).toBe(1);
    expect(canRedo(u2.history)).toBe(true);
    const r1 = redoStep(u2.history, 1)!;
    expect(r1.state).toBe(2);
    const fresh = recordChange(r1.history, 2, 30_000, 'c');
    expect(canRedo(fresh)).toBe(false);
    expect(fresh.past).toEqual([0, 1, 2]);
    expect(undoStep(emptyHistory<number>(), 5)).toBeNull();
    expect(redoStep(emptyHistory<number>(), 5)).toBeNull();
  });

  it('a burst of changes to one key is one step; another key or a pause starts a new one', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < 20; i++) h = recordChange(h, i, i * 50, 'fader 1');
    expect(h.past).toEqual([0]);
    h = recordChange(h, 20, 20 * 50, 'pan 1');
    expect(h.past).toEqual([0, 20]);
    h = recordChange(h, 21, 20 * 50 + MERGE_MS, 'pan 1');
    expect(h.past).toEqual([0, 20, 21]);
    // After an undo the next change is a step of its own, even on the same key at once.
    const u = undoStep(h, 22)!;
    const after = recordChange(u.history, 21, 20 * 50 + MERGE_MS + 1, 'pan 1');
    expect(after.past).toEqual([0, 20, 21]);
  });

  it('keeps at most `limit` steps, forgetting the oldest', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < 10; i++) h = recordChange(h, i, i * 10_000, 'k', 4);
    expect(h.past).toEqual([6, 7, 8, 9]);
  });
});

describe('undo stack', () => {
  it('applies the state to go back or forward to, and its signals say what is possible', () => {
    let value = 'a';
    const stack = createUndoStack(
      () => value,
      (s) => {
        value = s;
      },
    );
    const set = (next: string, at: number) => {
      stack.record(value, 'text', at);
      value = next;
    };
    set('b', 0);
    set('c', 10_000);
    expect(stack.canUndo.value).toBe(true);
    expect(stack.canRedo.value).toBe(false);
    expect(stack.undo()).toBe(true);
    expect(value).toBe('b');
    expect(stack.undo()).toBe(true);
    expect(value).toBe('a');
    expect(stack.undo()).toBe(false);
    expect(stack.redo()).toBe(true);
    expect(value).toBe('b');
    stack.clear();
    expect(stack.canUndo.value).toBe(false);
    expect(stack.canRedo.value).toBe(false);
  });

  it('reads Ctrl/Cmd+Z as undo, Ctrl/Cmd+Shift+Z and Ctrl+Y as redo', () => {
    const k = (
      key: string,
      mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>,
    ) => ({
      key,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });
    expect(undoCommandOf(k('z', { ctrlKey: true }))).toBe('undo');
    expect(undoCommandOf(k('z', { metaKey: true }))).toBe('undo');
    expect(undoCommandOf(k('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoCommandOf(k('y', { ctrlKey: true }))).toBe('redo');
    expect(undoCommandOf(k('z', {}))).toBeNull();
    expect(undoCommandOf(k('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
