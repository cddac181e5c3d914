/** Match the EQ: scoring by the RMS distance between the two response curves. */
import { formatHz } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import { distanceScore, finiteOr, furthestOff, matchResult } from '../shared/scoring';
import type { CheckResult } from '../types';
import { curveDistanceDb } from './curve-distance';
import type { EqBandSettings, EqControl, EqMatchAnswer, EqMatchQuestion } from './meta';

/** Distance at or below which the score is 100, dB. */
export const PERFECT_DB = 0.5;
/** Distance at or above which the score is 0, dB. */
export const ZERO_DB = 6;

const FIELD: Record<EqControl, keyof EqBandSettings> = { frequency: 'frequencyHz', gain: 'gainDb', q: 'q' };

function describe(control: EqControl, answer: EqBandSettings, ref: EqBandSettings): string {
  if (control === 'frequency') {
    const side = answer.frequencyHz < ref.frequencyHz ? 'too low' : 'too high';
    return `Your frequency is ${side} (${formatHz(answer.frequencyHz)}; the reference is at ${formatHz(ref.frequencyHz)}).`;
  }
  if (control === 'gain') {
    const side = answer.gainDb < ref.gainDb ? 'too low' : 'too high';
    return `Your gain is ${side} (${formatDb(answer.gainDb)}; the reference is ${formatDb(ref.gainDb)}).`;
  }
  const side = answer.q < ref.q ? 'too wide (Q too low)' : 'too narrow (Q too high)';
  return `Your band is ${side}: Q ${answer.q.toFixed(1)} against ${ref.q.toFixed(1)}.`;
}

/** Score 100 at D ≤ 0.5 dB, 0 at D ≥ 6 dB, linear between; feedback names the knob that matters most. */
export function check(q: EqMatchQuestion, a: EqMatchAnswer): CheckResult {
  const ref = q.reference;
  const answer: EqBandSettings = {
    frequencyHz: finiteOr(a.frequencyHz, q.start.frequencyHz),
    gainDb: finiteOr(a.gainDb, q.start.gainDb),
    q: finiteOr(a.q, q.start.q),
  };
  const distance = curveDistanceDb(ref.type, answer, ref);
  const score = distanceScore(distance, PERFECT_DB, ZERO_DB);
  // The knob furthest off is the one that, set alone to the learner's value, moves the curve most.
  const knobs: EqControl[] = ref.type === 'peaking' ? ['frequency', 'gain', 'q'] : ['frequency', 'gain'];
  const worst = furthestOff(knobs, (knob: EqControl) => {
    const field = FIELD[knob];
    return answer[field] === ref[field]
      ? null
      : curveDistanceDb(ref.type, { ...ref, [field]: answer[field] }, ref);
  });
  return matchResult(score, distance, PERFECT_DB, 'curve is', worst, worst && describe(worst, answer, ref));
}
