import { effect, untracked } from '@preact/signals';
import type { Decibels } from '../../dsp/units';
import { createUndoStack } from '../shared/undo-stack';
import { type MixerModel, mixer, type StripSettings } from './mixer-model';

/** Every control of a mix: what one undo step goes back to. */
interface MixSnapshot {
  strips: StripSettings[];
  masterFaderDb: Decibels;
}

/** What changed between two snapshots ('master', 'strip 3'), so a drag on one control is one step. */
function changedKey(before: MixSnapshot, after: MixSnapshot): string | null {
  if (before.masterFaderDb !== after.masterFaderDb) return 'master';
  const index = after.strips.findIndex((s, i) => s !== before.strips[i]);
  return index < 0 ? null : `strip ${index}`;
}

/**
 * Undo and redo for a mixer model: every change to a strip or the master (however it was made) becomes
 * a step; loading another song starts a fresh history.
 */
export function createMixUndo(model: MixerModel) {
  const snapshot = (): MixSnapshot => ({
    strips: model.strips.value.map((s) => s.settings.value),
    masterFaderDb: model.masterFaderDb.value,
  });
  let quiet = false;
  let strips = model.strips.peek();
  let last = untracked(snapshot);
  const stack = createUndoStack<MixSnapshot>(
    () => last,
    (mix) => {
      quiet = true;
      try {
        model.applyMix(mix.strips, mix.masterFaderDb);
      } finally {
        quiet = false;
        last = untracked(snapshot);
      }
    },
  );
  effect(() => {
    const list = model.strips.value;
    const now = snapshot();
    if (list !== strips) {
      strips = list;
      last = now;
      stack.clear();
      return;
    }
    if (quiet) return;
    const key = changedKey(last, now);
    if (key === null) return;
    stack.record(last, key);
    last = now;
  });
  return {
    ...stack,
    /** Runs `change` (a fuller rendering swapped in) without making it a step. */
    quietly<R>(change: () => R): R {
      quiet = true;
      try {
        return change();
      } finally {
        quiet = false;
        last = untracked(snapshot);
      }
    },
  };
}

/** The Mix page's undo history. */
export const mixUndo = createMixUndo(mixer);
