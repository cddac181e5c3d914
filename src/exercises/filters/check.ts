/** Filter drills: right 100, wrong 0; "where is the cutoff?" gives 33 for the neighbouring cutoff. */
import { formatHz } from '../../dsp/bands';
import { rankCreditOf } from '../shared/rank-credit';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import { filterName } from './generate';
import type { FiltersAnswer, FiltersQuestion } from './meta';

function label(q: FiltersQuestion, choice: unknown): string {
  const i = q.choices.indexOf(String(choice));
  return i >= 0 ? (q.choiceLabels[i] ?? String(choice)) : String(choice);
}

/** 100 for the right choice; for the ordered cutoffs, 33 for the neighbouring one; 0 otherwise. */
export function check(q: FiltersQuestion, a: FiltersAnswer): CheckResult {
  const choice = a?.choice;
  const correct = choice === q.correct;
  const credit = q.subtype === 'cutoff' ? rankCreditOf(q.choices, choice, q.correct) : correct ? 1 : 0;
  const b = q.filterB;
  let feedback: string;
  if (q.subtype === 'type') {
    const what = `${filterName(b.type)} at ${formatHz(b.frequencyHz)}`;
    feedback = correct
      ? `Right: a ${what}.`
      : `It was a ${what}: the ${b.type === 'highpass' ? 'lows' : 'highs'} were cut.`;
  } else if (q.subtype === 'cutoff') {
    feedback = correct
      ? `Right: the ${filterName(b.type)} was at ${label(q, q.correct)}.`
      : `The ${filterName(b.type)} was at ${label(q, q.correct)}${credit > 0 ? `: ${label(q, choice)} was the next cutoff over, so you were close` : ''}.`;
  } else {
    const a = q.filterA ?? b;
    const cutoffs = `A at ${formatHz(a.frequencyHz)}, B at ${formatHz(b.frequencyHz)}`;
    feedback = correct
      ? `Right: ${q.correct} was cut higher (${cutoffs}).`
      : `${q.correct} was cut higher: ${cutoffs}.`;
  }
  return {
    score: clampScore(100 * credit),
    feedback,
    correct,
    details: { subtype: q.subtype, answer: String(choice), right: q.correct, filter: b.type },
  };
}
