/** Find and cut a resonance: scored by the share of the ring taken away (frequency and depth). */
import { formatHz } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import { matchResult } from '../shared/match-score';
import { finiteOr, furthestOff, roundDetail } from '../shared/scoring';
import type { CheckResult } from '../types';
import { JND_DB, leftoverDb, resonanceWeights } from './distance';
import type { NarrowBand, ResonanceAnswer, ResonanceControl, ResonanceQuestion } from './meta';

/** The learner's cut as scored: free knobs from the answer (frequency 20 Hz–20 kHz), the rest from the question. */
export function scoredCut(q: ResonanceQuestion, a: ResonanceAnswer | null | undefined): NarrowBand {
  const free = (c: ResonanceControl) => q.controls.includes(c);
  return {
    frequencyHz: free('frequency')
      ? Math.min(20000, Math.max(20, finiteOr(a?.frequencyHz, q.start.frequencyHz)))
      : q.start.frequencyHz,
    gainDb: free('depth') ? Math.max(-30, Math.min(30, finiteOr(a?.gainDb, q.start.gainDb))) : q.start.gainDb,
    q: q.ring.q,
  };
}

function describe(control: ResonanceControl, cut: NarrowBand, q: ResonanceQuestion): string {
  if (control === 'frequency') {
    const side = cut.frequencyHz < q.ring.frequencyHz ? 'too low' : 'too high';
    return `Your cut is ${side}: ${formatHz(cut.frequencyHz)}, the ring is at ${formatHz(q.ring.frequencyHz)}.`;
  }
  const side = -cut.gainDb < q.ring.gainDb ? 'too shallow' : 'too deep';
  return `Your cut is ${side}: ${formatDb(cut.gainDb)}, the ring is ${formatDb(q.ring.gainDb)}.`;
}

/** Share of the ring's audible distance closed from the untouched cut (0) to its exact inverse (100). */
export function check(q: ResonanceQuestion, a: ResonanceAnswer): CheckResult {
  const cut = scoredCut(q, a);
  const weights = resonanceWeights(q);
  const distance = leftoverDb(q.ring, cut, weights);
  const startDistance = leftoverDb(q.ring, q.start, weights);
  const ideal: NarrowBand = { frequencyHz: q.ring.frequencyHz, gainDb: -q.ring.gainDb, q: q.ring.q };
  const knobs = distance > JND_DB ? q.controls : [];
  const worst = furthestOff(knobs, (knob: ResonanceControl) => {
    const field = knob === 'frequency' ? 'frequencyHz' : 'gainDb';
    return cut[field] === ideal[field]
      ? null
      : leftoverDb(q.ring, { ...ideal, [field]: cut[field] }, weights);
  });
  return matchResult(
    distance,
    startDistance,
    JND_DB,
    { subject: 'Your cut' },
    worst,
    worst && describe(worst, cut, q),
    {
      ringHz: q.ring.frequencyHz,
      ringDb: q.ring.gainDb,
      cutHz: Math.round(cut.frequencyHz),
      cutDb: roundDetail(cut.gainDb),
    },
  );
}
