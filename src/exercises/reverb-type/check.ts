/** Reverb type and size: right 100, wrong 0 (the types are not an order, and "which is larger?" has two sides). */
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import { type ReverbTypeAnswer, type ReverbTypeQuestion, TYPE_LABELS } from './meta';

const HINTS: Readonly<Record<string, string>> = {
  room: 'a room answers at once with strong, close reflections',
  plate: 'a plate is dense and bright from the first moment, with no separate reflections',
  hall: 'a hall answers late, builds up slowly and sounds darker',
};

function metres(m: number): string {
  return `${Math.round(m)} m`;
}

/** 100 for the right choice, 0 otherwise; the feedback says what gives the space away. */
export function check(q: ReverbTypeQuestion, a: ReverbTypeAnswer): CheckResult {
  const choice = a?.choice;
  const correct = choice === q.correct;
  let feedback: string;
  if (q.subtype === 'type') {
    const right = TYPE_LABELS[q.spaceB.type].toLowerCase();
    const hint = HINTS[q.spaceB.type] ?? '';
    feedback = correct
      ? `Right: a ${right} (${q.spaceB.decayS} s decay); ${hint}.`
      : `It was a ${right}, ringing for ${q.spaceB.decayS} s like every choice: ${hint}.`;
  } else {
    const sizes = `A about ${metres(q.spaceA?.sizeM ?? 0)} across, B about ${metres(q.spaceB.sizeM)}`;
    feedback = correct
      ? `Right: ${q.correct} was the larger ${q.spaceB.type} (${sizes}).`
      : `${q.correct} was the larger ${q.spaceB.type} (${sizes}): the larger space answers later and swells in more slowly.`;
  }
  return {
    score: clampScore(correct ? 100 : 0),
    feedback,
    correct,
    details: {
      subtype: q.subtype,
      answer: String(choice),
      right: q.correct,
      ...(q.sizeRatio === undefined ? {} : { sizeRatio: q.sizeRatio }),
    },
  };
}
