/** Which delay time? Right 100; the next longer or shorter note value offered 33; further off 0. */
import { noteValueSeconds } from '../../dsp/delay';
import { rankCreditOf } from '../shared/rank-credit';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { DelayTimeAnswer, DelayTimeQuestion } from './meta';

/** 100 for the right note value, 33 for a neighbouring one among those offered, else 0. */
export function check(q: DelayTimeQuestion, a: DelayTimeAnswer): CheckResult {
  const note = a?.note;
  const correct = note === q.note;
  const credit = rankCreditOf(q.noteChoices, note, q.note);
  const ms = Math.round(noteValueSeconds(q.note, q.bpm) * 1000);
  const mine = typeof note === 'string' && q.noteChoices.includes(note) ? note : null;
  let feedback = correct
    ? `Right: ${q.note} notes, ${ms} ms at ${q.bpm} BPM.`
    : `The echoes were ${q.note} notes (${ms} ms at ${q.bpm} BPM)${mine ? `, not ${mine}` : ''}.`;
  if (!correct && credit > 0) {
    const longer = noteValueSeconds(mine as DelayTimeAnswer['note'], q.bpm) > noteValueSeconds(q.note, q.bpm);
    feedback += ` Close: yours was the next ${longer ? 'longer' : 'shorter'} choice.`;
  }
  return {
    score: clampScore(100 * credit),
    feedback,
    correct,
    details: { note: q.note, answer: String(note) },
  };
}
