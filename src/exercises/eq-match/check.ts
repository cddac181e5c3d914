/** Match the EQ: scored by the share of the audible distance between the curves that the learner closed. */
import { formatHz } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import { matchResult } from '../shared/match-score';
import { programmeWeights } from '../shared/programme-spectrum';
import { finiteOr, furthestOff } from '../shared/scoring';
import type { CheckResult } from '../types';
import { audibleCurveDistanceDb, CURVE_POINTS_HZ } from './curve-distance';
import { programmeOf } from './imported-programme';
import type { EqBandSettings, EqControl, EqMatchAnswer, EqMatchQuestion } from './meta';

/** The just-noticeable curve difference, dB: at or below it the curves sound the same (score 100). */
export const JND_DB = 0.5;

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

/** The programme weights of a question's source at the comparison points. */
export function questionWeights(q: Pick<EqMatchQuestion, 'source' | 'programmeDb'>): number[] {
  return programmeWeights(programmeOf(q.source, q.programmeDb), CURVE_POINTS_HZ);
}

/** The audible distance of `band` from the question's reference, dB (see audibleCurveDistanceDb). */
export function distanceFromReference(
  q: EqMatchQuestion,
  band: EqBandSettings,
  weights = questionWeights(q),
): number {
  return audibleCurveDistanceDb(q.reference.type, band, q.reference, weights);
}

/** Share of the audible distance closed from the start (0) to the reference (100); feedback names the knob furthest off. */
export function check(q: EqMatchQuestion, a: EqMatchAnswer): CheckResult {
  const ref = q.reference;
  // Knobs the learner may turn come from the answer; the others stay where the question put them.
  const free = (c: EqControl) => q.controls.includes(c);
  const answer: EqBandSettings = {
    frequencyHz: free('frequency')
      ? Math.min(20000, Math.max(20, finiteOr(a?.frequencyHz, q.start.frequencyHz)))
      : q.start.frequencyHz,
    gainDb: free('gain') ? finiteOr(a?.gainDb, q.start.gainDb) : q.start.gainDb,
    q: free('q') ? Math.max(0.05, finiteOr(a?.q, q.start.q)) : q.start.q,
  };
  const weights = questionWeights(q);
  const distance = distanceFromReference(q, answer, weights);
  const startDistance = distanceFromReference(q, q.start, weights);
  // The knob furthest off is the one that, set alone to the learner's value, moves the curve most.
  const knobs: EqControl[] = ref.type === 'peaking' ? ['frequency', 'gain', 'q'] : ['frequency', 'gain'];
  const worst = furthestOff(distance > JND_DB ? knobs : [], (knob: EqControl) => {
    const field = FIELD[knob];
    return answer[field] === ref[field]
      ? null
      : distanceFromReference(q, { ...ref, [field]: answer[field] }, weights);
  });
  return matchResult(
    distance,
    startDistance,
    JND_DB,
    { subject: 'Your EQ' },
    worst,
    worst && describe(worst, answer, ref),
  );
}
