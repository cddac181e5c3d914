/** Two EQ moves at once: 50 for each move, every octave off costing 25 of it. */
import { formatHz } from '../../dsp/bands';
import type { Hz } from '../../dsp/units';
import { octavesBetween } from '../eq-boost/check';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { EqTwoBandsAnswer, EqTwoBandsQuestion } from './meta';

/** Octaves from an answered band to the right one (NaN when the answer is missing or not a frequency). */
function off(answer: unknown, right: Hz): number {
  return typeof answer === 'number' ? octavesBetween(answer, right, 'octave') : Number.NaN;
}

/** Points 0 … 50 for one move: 50 − 25 per octave off, 0 when missing. */
function points(octaves: number): number {
  return Number.isNaN(octaves) ? 0 : Math.max(0, 50 - 25 * octaves);
}

function part(what: 'boost' | 'cut', octaves: number, right: Hz, answer: unknown): string {
  if (Number.isNaN(octaves)) return `the ${what} was at ${formatHz(right)} (no band chosen)`;
  if (octaves === 0) return `the ${what} at ${formatHz(right)} is right`;
  const side = (answer as number) < right ? 'too low' : 'too high';
  return `the ${what} was at ${formatHz(right)}, you chose ${formatHz(answer as number)} (${octaves === 1 ? 'one octave' : `${octaves} octaves`} ${side})`;
}

/** Score = (50 − 25 × octaves off, at least 0) for the boost plus the same for the cut, rounded. */
export function check(q: EqTwoBandsQuestion, a: EqTwoBandsAnswer): CheckResult {
  const boostOff = off(a?.boostHz, q.boostHz);
  const cutOff = off(a?.cutHz, q.cutHz);
  const score = clampScore(points(boostOff) + points(cutOff));
  const correct = boostOff === 0 && cutOff === 0;
  const text = `${part('boost', boostOff, q.boostHz, a?.boostHz)}; ${part('cut', cutOff, q.cutHz, a?.cutHz)}.`;
  const swapped = !correct && a?.boostHz === q.cutHz && a?.cutHz === q.boostHz;
  return {
    score,
    feedback: `${correct ? 'Both right: ' : ''}${text.charAt(0).toUpperCase()}${text.slice(1)}${swapped ? ' You heard both bands but swapped the boost and the cut.' : ''}`,
    correct,
    details: {
      boostHz: q.boostHz,
      cutHz: q.cutHz,
      gainDb: q.gainDb,
      boostOctavesOff: Number.isNaN(boostOff) ? null : boostOff,
      cutOctavesOff: Number.isNaN(cutOff) ? null : cutOff,
    },
  };
}
