/** The distance between two EQ curves that eq-match scores by (pure, shared with the results view). */
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

/** D: RMS over the comparison points of (a − b) in dB, for two bands of the same type. */
export function curveDistanceDb(type: EqMatchType, a: EqBandSettings, b: EqBandSettings): Decibels {
  const ca = bandCurveDb(type, a);
  const cb = bandCurveDb(type, b);
  let sum = 0;
  for (let i = 0; i < ca.length; i++) {
    const d = (ca[i] as number) - (cb[i] as number);
    sum += d * d;
  }
  return Math.sqrt(sum / ca.length);
}
