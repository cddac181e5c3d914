/** Compression drills: right 100, wrong 0; "how much" gives 33 for the neighbouring amount. */
import { rankCreditOf } from '../shared/rank-credit';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { CompSpotAnswer, CompSpotQuestion } from './meta';

function label(q: CompSpotQuestion, choice: string): string {
  const i = q.choices.indexOf(choice);
  return i >= 0 ? (q.choiceLabels[i] ?? choice) : choice;
}

/** 100 for the right choice; for the ordered amounts, 33 for the neighbouring one; 0 otherwise. */
export function check(q: CompSpotQuestion, a: CompSpotAnswer): CheckResult {
  const correct = a?.choice === q.correct;
  const credit = q.subtype === 'amount' ? rankCreditOf(q.choices, a?.choice, q.correct) : correct ? 1 : 0;
  const right = label(q, q.correct);
  let feedback: string;
  if (q.subtype === 'which')
    feedback = correct ? `Right: ${right} was compressed.` : `It was ${right} that was compressed.`;
  else if (q.subtype === 'amount')
    feedback = correct
      ? `Right: ${right} of gain reduction.`
      : `It was ${right} of gain reduction${credit > 0 ? `: ${label(q, String(a.choice))} was the next choice over, so you were close` : ''}.`;
  else feedback = correct ? `Right: the ${q.subtype} was ${right}.` : `The ${q.subtype} was ${right}.`;
  return {
    score: clampScore(100 * credit),
    feedback,
    correct,
    details: { subtype: q.subtype, answer: String(a?.choice), right: q.correct },
  };
}
