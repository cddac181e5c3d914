/** Compression drills: right 100, wrong 0. */
import type { CheckResult } from '../types';
import type { CompSpotAnswer, CompSpotQuestion } from './meta';

function label(q: CompSpotQuestion, choice: string): string {
  const i = q.choices.indexOf(choice);
  return i >= 0 ? (q.choiceLabels[i] ?? choice) : choice;
}

/** 100 for the right choice, 0 otherwise. */
export function check(q: CompSpotQuestion, a: CompSpotAnswer): CheckResult {
  const correct = a.choice === q.correct;
  const right = label(q, q.correct);
  let feedback: string;
  if (q.subtype === 'which')
    feedback = correct ? `Right: ${right} was compressed.` : `It was ${right} that was compressed.`;
  else if (q.subtype === 'amount')
    feedback = correct ? `Right: ${right} of gain reduction.` : `It was ${right} of gain reduction.`;
  else feedback = correct ? `Right: the ${q.subtype} was ${right}.` : `The ${q.subtype} was ${right}.`;
  return {
    score: correct ? 100 : 0,
    feedback,
    correct,
    details: { subtype: q.subtype, answer: String(a.choice), right: q.correct },
  };
}
