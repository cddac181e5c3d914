/** The audible distance between two EQ curves that eq-match scores by (pure). */
import { biquadCoefficients, biquadMagnitudeDb } from '../../dsp/biquad';
import type { Decibels, Hz, SampleRate } from '../../dsp/units';
import type { EqBandSettings, EqMatchType } from './meta';

/** Curves are compared at this sample rate. */
export const CURVE_SAMPLE_RATE: SampleRate = 48000;

/** The comparison points: 20 Hz · 2^(k/12) up to 20 kHz (120 points, 1/12 octave apart). */
export const CURVE_POINTS_HZ: readonly Hz[] = (() => {
  const points: Hz[] = [];
  for (let k = 0; 20 * 2 ** (k / 12) <= 20000; k++) points.push(20 * 2 ** (k / 12));
  return points;
})();

/** The magnitude response of one band at every comparison point, in dB. */
export function bandCurveDb(type: EqMatchType, band: EqBandSettings): Decibels[] {
  const c = biquadCoefficients(type, band.frequencyHz, band.q, band.gainDb, CURVE_SAMPLE_RATE);
  return CURVE_POINTS_HZ.map((f) => biquadMagnitudeDb(c, f, CURVE_SAMPLE_RATE));
}

/** A band "acts" fully where either curve departs from flat by this much or more (less counts in proportion). */
export const ACTS_FROM_DB: Decibels = 1;

/**
 * The audible distance between two bands, in dB: the difference of the curves where either band acts (so a
 * one-octave band is not diluted over ten octaves of flat), each point weighted by how much of the programme
 * is there (`weights`, 0 … 1 per comparison point; 1 everywhere for pink noise):
 * D = √(Σ wₖ·mₖ·(aₖ − bₖ)² / Σ mₖ), mₖ = min(1, max(|aₖ|, |bₖ|) / ACTS_FROM_DB). 0 when neither band acts.
 */
export function audibleCurveDistanceDb(
  type: EqMatchType,
  a: EqBandSettings,
  b: EqBandSettings,
  weights: readonly number[],
): Decibels {
  const ca = bandCurveDb(type, a);
  const cb = bandCurveDb(type, b);
  let sum = 0;
  let acts = 0;
  for (let i = 0; i < ca.length; i++) {
    const x = ca[i] as number;
    const y = cb[i] as number;
    const m = Math.min(1, Math.max(Math.abs(x), Math.abs(y)) / ACTS_FROM_DB);
    const d = x - y;
    sum += (weights[i] ?? 1) * m * d * d;
    acts += m;
  }
  return acts > 0 ? Math.sqrt(sum / acts) : 0;
}
