/** Stereo width drills: right 100, wrong 0; "how wide?" gives 33 for the neighbouring width. */
import { rankCreditOf } from '../shared/rank-credit';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { StereoWidthAnswer, StereoWidthQuestion } from './meta';

function label(q: StereoWidthQuestion, choice: unknown): string {
  const i = q.choices.indexOf(String(choice));
  return i >= 0 ? (q.choiceLabels[i] ?? String(choice)) : String(choice);
}

/** 100 for the right choice; for the ordered widths, 33 for the neighbouring one; 0 otherwise. */
export function check(q: StereoWidthQuestion, a: StereoWidthAnswer): CheckResult {
  const choice = a?.choice;
  const correct = choice === q.correct;
  const credit = q.subtype === 'amount' ? rankCreditOf(q.choices, choice, q.correct) : correct ? 1 : 0;
  const right = label(q, q.correct);
  let feedback: string;
  if (q.subtype === 'which') {
    const narrow = Math.round(Math.min(q.widthA, q.widthB) * 100);
    const other = narrow === 0 ? 'the other was mono' : `the other was ${narrow} % as wide`;
    feedback = correct ? `Right: ${right} was wider (${other}).` : `${right} was wider: ${other}.`;
  } else if (q.subtype === 'amount') {
    feedback = correct
      ? `Right: B was ${right}.`
      : `B was ${right}${credit > 0 ? `: ${label(q, choice)} was the next width over, so you were close` : ''}.`;
  } else {
    feedback = correct
      ? `Right: the ${right.toLowerCase()} was out of phase, so it cancelled in mono.`
      : `The ${right.toLowerCase()} was out of phase between left and right: summed to mono, it cancelled.`;
  }
  return {
    score: clampScore(100 * credit),
    feedback,
    correct,
    details: { subtype: q.subtype, answer: String(choice), right: q.correct },
  };
}
