/** The audible distance a resonance kind scores by: what is left of the ring after the learner's cut (pure). */
import { biquadCoefficients, biquadMagnitudeDb } from '../../dsp/biquad';
import type { Decibels } from '../../dsp/units';
import { ACTS_FROM_DB, CURVE_POINTS_HZ, CURVE_SAMPLE_RATE } from '../eq-match/curve-distance';
import { programmeOf } from '../eq-match/imported-programme';
import { programmeWeights } from '../shared/programme-spectrum';
import type { NarrowBand, ResonanceQuestion } from './meta';

/** The just-noticeable curve difference, dB (as eq-match). */
export const JND_DB: Decibels = 0.5;

/** A narrow peaking band's response at every comparison point, dB. */
export function narrowCurveDb(band: NarrowBand): Decibels[] {
  const c = biquadCoefficients('peaking', band.frequencyHz, band.q, band.gainDb, CURVE_SAMPLE_RATE);
  return CURVE_POINTS_HZ.map((f) => biquadMagnitudeDb(c, f, CURVE_SAMPLE_RATE));
}

/** The programme weights of a question's source at the comparison points (1 everywhere for pink noise). */
export function resonanceWeights(q: Pick<ResonanceQuestion, 'source' | 'programmeDb'>): number[] {
  return programmeWeights(programmeOf(q.source, q.programmeDb), CURVE_POINTS_HZ);
}

/**
 * How far the ring plus the cut is from flat, dB: √(Σ wₖ·mₖ·(rₖ + cₖ)² / Σ nₖ), mₖ = min(1, max(|rₖ|, |cₖ|) /
 * ACTS_FROM_DB), nₖ = min(1, |rₖ| / ACTS_FROM_DB): counted where either band acts but spread over the ring's
 * width only, so a cut in the wrong place adds a new dip on top of the ring and scores below no cut at all.
 */
export function leftoverDb(ring: NarrowBand, cut: NarrowBand, weights: readonly number[]): Decibels {
  const r = narrowCurveDb(ring);
  const c = narrowCurveDb(cut);
  let sum = 0;
  let acts = 0;
  for (let i = 0; i < r.length; i++) {
    const x = r[i] as number;
    const y = c[i] as number;
    const m = Math.min(1, Math.max(Math.abs(x), Math.abs(y)) / ACTS_FROM_DB);
    sum += (weights[i] ?? 1) * m * (x + y) ** 2;
    acts += Math.min(1, Math.abs(x) / ACTS_FROM_DB);
  }
  return acts > 0 ? Math.sqrt(sum / acts) : 0;
}
