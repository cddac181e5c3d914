/** Which delay time? Right 100, wrong 0. */
import { noteValueSeconds } from '../../dsp/delay';
import type { CheckResult } from '../types';
import type { DelayTimeAnswer, DelayTimeQuestion } from './meta';

/** 100 for the right note value, 0 otherwise. */
export function check(q: DelayTimeQuestion, a: DelayTimeAnswer): CheckResult {
  const correct = a.note === q.note;
  const ms = Math.round(noteValueSeconds(q.note, q.bpm) * 1000);
  const feedback = correct
    ? `Right: ${q.note} notes, ${ms} ms at ${q.bpm} BPM.`
    : `The echoes were ${q.note} notes (${ms} ms at ${q.bpm} BPM)${typeof a.note === 'string' ? `, not ${a.note}` : ''}.`;
  return { score: correct ? 100 : 0, feedback, correct, details: { note: q.note, answer: String(a.note) } };
}
