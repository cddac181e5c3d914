import { gainToDb } from './db';
import type { Decibels, Gain, Seconds } from './units';

/** Tempo-synced delay times: straight, dotted (d, ×1.5) and triplet (t, ×2/3) note values. */
export type NoteValue = '1/2' | '1/4' | '1/4d' | '1/8' | '1/8d' | '1/8t' | '1/16';

/** Every note value, longest first, for pickers and exercises. */
export const NOTE_VALUES: readonly NoteValue[] = ['1/2', '1/4d', '1/4', '1/8d', '1/8', '1/8t', '1/16'];

/** The largest feedback gain the delay accepts: repeats always die away. */
export const MAX_FEEDBACK: Gain = 0.9;

/** Length of a note value in quarter notes (beats). */
const BEATS: Record<NoteValue, number> = {
  '1/2': 2,
  '1/4d': 1.5,
  '1/4': 1,
  '1/8d': 0.75,
  '1/8': 0.5,
  '1/8t': 1 / 3,
  '1/16': 0.25,
};

/** Seconds of one note value at `bpm` quarter notes per minute: 120 BPM 1/8 = 0.25 s. */
export function noteValueSeconds(note: NoteValue, bpm: number): Seconds {
  if (!(bpm > 0) || !Number.isFinite(bpm)) throw new RangeError(`bpm must be a positive number, got ${bpm}`);
  return (BEATS[note] * 60) / bpm;
}

/** Clamps a feedback gain to [0, MAX_FEEDBACK]; NaN gives 0. */
export function clampFeedback(feedback: Gain): Gain {
  return Number.isNaN(feedback) ? 0 : Math.min(MAX_FEEDBACK, Math.max(0, feedback));
}

/** Level of the nth repeat (1 = first echo) relative to the first, ignoring the loop filters: (n−1)·20·log10(fb). */
export function repeatLevelDb(feedback: Gain, n: number): Decibels {
  return n <= 1 ? 0 : (n - 1) * gainToDb(clampFeedback(feedback));
}

/** Time until the repeats have fallen by `dropDb` (e.g. 60) at this feedback, ignoring the loop filters. */
export function delayTailSeconds(delay: Seconds, feedback: Gain, dropDb: Decibels = 60): Seconds {
  const fb = clampFeedback(feedback);
  if (fb === 0) return delay;
  return delay * (1 + dropDb / -gainToDb(fb));
}
