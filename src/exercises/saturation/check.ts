/** Saturation drills: right 100, wrong 0; "how much drive?" gives 33 for the neighbouring drive. */
import { rankCreditOf } from '../shared/rank-credit';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { SaturationAnswer, SaturationQuestion } from './meta';

function label(q: SaturationQuestion, choice: unknown): string {
  const i = q.choices.indexOf(String(choice));
  return i >= 0 ? (q.choiceLabels[i] ?? String(choice)) : String(choice);
}

/** 100 for the right choice; for the ordered drives, 33 for the neighbouring one; 0 otherwise. */
export function check(q: SaturationQuestion, a: SaturationAnswer): CheckResult {
  const choice = a?.choice;
  const correct = choice === q.correct;
  const credit = q.subtype === 'amount' ? rankCreditOf(q.choices, choice, q.correct) : correct ? 1 : 0;
  const index = q.subtype === 'amount' ? q.choices.indexOf(q.correct) : 0;
  const measured = q.distortionDb[index];
  const how =
    measured === undefined ? '' : ` (what it added sits ${Math.round(-measured)} dB below the music)`;
  let feedback: string;
  if (q.subtype === 'which')
    feedback = correct
      ? `Right: ${q.correct} had +${q.driveDb} dB of drive${how}.`
      : `${q.correct} was the distorted one: +${q.driveDb} dB of drive${how}.`;
  else
    feedback = correct
      ? `Right: B had ${label(q, q.correct)} of drive${how}.`
      : `B had ${label(q, q.correct)} of drive${how}${credit > 0 ? `: ${label(q, choice)} was the next one over, so you were close` : ''}.`;
  return {
    score: clampScore(100 * credit),
    feedback,
    correct,
    details: { subtype: q.subtype, answer: String(choice), right: q.correct, driveDb: q.driveDb },
  };
}
