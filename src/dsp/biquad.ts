import type { Decibels, Hz, SampleRate } from './units';

/** The filter shapes Headroom uses; the same names as Web Audio's BiquadFilterNode types. */
export type BiquadType = 'peaking' | 'lowshelf' | 'highshelf' | 'lowpass' | 'highpass';

/** Second-order filter coefficients, normalised so a0 = 1: y = b0·x + b1·x1 + b2·x2 − a1·y1 − a2·y2. */
export interface BiquadCoefficients {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** Running state of one biquad (transposed direct form II), so a signal can be filtered block by block. */
export interface BiquadState {
  z1: number;
  z2: number;
}

/** Smallest linear Q accepted; anything at or below it is raised to it (Q must be positive). */
export const MIN_Q = 1e-4;

const PASS: BiquadCoefficients = { b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 };

function gainOnly(gain: number): BiquadCoefficients {
  return { b0: gain, b1: 0, b2: 0, a1: 0, a2: 0 };
}

function normalise(
  b0: number,
  b1: number,
  b2: number,
  a0: number,
  a1: number,
  a2: number,
): BiquadCoefficients {
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

/**
 * Coefficients of one biquad per the Web Audio spec (RBJ Audio EQ Cookbook). `q` is a linear Q for every
 * type (lowpass/highpass: alpha = sin(w0)/(2Q), so the response at the cutoff is 20·log10(Q) dB); shelves
 * use slope S = 1 and ignore `q`; lowpass/highpass ignore `gainDb`. The frequency is clamped to [0, Nyquist]
 * and the two end points use the spec's limiting cases (pass-through, silence or a flat gain).
 */
export function biquadCoefficients(
  type: BiquadType,
  frequency: Hz,
  q: number,
  gainDb: Decibels,
  sampleRate: SampleRate,
): BiquadCoefficients {
  const nyquist = sampleRate / 2;
  const f = Math.min(Math.max(frequency / nyquist, 0), 1);
  const A = 10 ** (gainDb / 40);
  if (f === 0 || f === 1) return edgeCase(type, f, A);
  const w0 = Math.PI * f;
  const cos = Math.cos(w0);
  const sin = Math.sin(w0);
  const Q = Math.max(q, MIN_Q);
  switch (type) {
    case 'lowpass': {
      const alpha = sin / (2 * Q);
      const b = (1 - cos) / 2;
      return normalise(b, 2 * b, b, 1 + alpha, -2 * cos, 1 - alpha);
    }
    case 'highpass': {
      const alpha = sin / (2 * Q);
      const b = (1 + cos) / 2;
      return normalise(b, -2 * b, b, 1 + alpha, -2 * cos, 1 - alpha);
    }
    case 'peaking': {
      const alpha = sin / (2 * Q);
      return normalise(1 + alpha * A, -2 * cos, 1 - alpha * A, 1 + alpha / A, -2 * cos, 1 - alpha / A);
    }
    case 'lowshelf': {
      const k = 2 * Math.sqrt(A) * (sin / 2) * Math.SQRT2;
      return normalise(
        A * (A + 1 - (A - 1) * cos + k),
        2 * A * (A - 1 - (A + 1) * cos),
        A * (A + 1 - (A - 1) * cos - k),
        A + 1 + (A - 1) * cos + k,
        -2 * (A - 1 + (A + 1) * cos),
        A + 1 + (A - 1) * cos - k,
      );
    }
    case 'highshelf': {
      const k = 2 * Math.sqrt(A) * (sin / 2) * Math.SQRT2;
      return normalise(
        A * (A + 1 + (A - 1) * cos + k),
        -2 * A * (A - 1 + (A + 1) * cos),
        A * (A + 1 + (A - 1) * cos - k),
        A + 1 - (A - 1) * cos + k,
        2 * (A - 1 - (A + 1) * cos),
        A + 1 - (A - 1) * cos - k,
      );
    }
  }
}

/** The Web Audio spec's coefficients when the frequency sits at 0 Hz (f = 0) or at Nyquist (f = 1). */
function edgeCase(type: BiquadType, f: 0 | 1, A: number): BiquadCoefficients {
  switch (type) {
    case 'lowpass':
      return f === 1 ? PASS : gainOnly(0);
    case 'highpass':
      return f === 1 ? gainOnly(0) : PASS;
    case 'lowshelf':
      return f === 1 ? gainOnly(A * A) : PASS;
    case 'highshelf':
      return f === 1 ? PASS : gainOnly(A * A);
    case 'peaking':
      return PASS;
  }
}

/**
 * The value for a native BiquadFilterNode's Q param that gives the same filter as linear `q` here:
 * Web Audio takes lowpass/highpass Q in dB (20·log10(q)), peaking Q linearly, and shelves ignore it.
 */
export function webAudioQ(type: BiquadType, q: number): number {
  if (type === 'lowpass' || type === 'highpass') return 20 * Math.log10(Math.max(q, MIN_Q));
  return q;
}

/** Magnitude response |H(e^jw)| of one biquad at `frequency`, in dB (−Infinity at an exact zero). */
export function biquadMagnitudeDb(c: BiquadCoefficients, frequency: Hz, sampleRate: SampleRate): Decibels {
  const w = (2 * Math.PI * frequency) / sampleRate;
  const c1 = Math.cos(w);
  const s1 = Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = Math.sin(2 * w);
  // H(z) with z^-1 = e^{-jw}: real and imaginary parts of numerator and denominator.
  const nr = c.b0 + c.b1 * c1 + c.b2 * c2;
  const ni = -(c.b1 * s1 + c.b2 * s2);
  const dr = 1 + c.a1 * c1 + c.a2 * c2;
  const di = -(c.a1 * s1 + c.a2 * s2);
  const num = nr * nr + ni * ni;
  const den = dr * dr + di * di;
  if (num === 0) return Number.NEGATIVE_INFINITY;
  return 10 * Math.log10(num / den);
}

/** Magnitude response of several biquads in series at `frequency`: the sum of their dB responses. */
export function cascadeMagnitudeDb(
  list: readonly BiquadCoefficients[],
  frequency: Hz,
  sampleRate: SampleRate,
): Decibels {
  let total = 0;
  for (const c of list) total += biquadMagnitudeDb(c, frequency, sampleRate);
  return total;
}

/** A fresh, silent biquad state (both delay registers zero). */
export function emptyBiquadState(): BiquadState {
  return { z1: 0, z2: 0 };
}

/**
 * Filters `input` through one biquad (transposed direct form II, float64 internally) into a new array.
 * Pass the same `state` for consecutive blocks and the result equals filtering the joined signal in one go.
 */
export function applyBiquad(
  input: Float32Array,
  c: BiquadCoefficients,
  state: BiquadState = emptyBiquadState(),
): Float32Array {
  const out = new Float32Array(input.length);
  const { b0, b1, b2, a1, a2 } = c;
  let z1 = state.z1;
  let z2 = state.z2;
  for (let i = 0; i < input.length; i++) {
    const x = input[i]!;
    const y = b0 * x + z1;
    z1 = b1 * x - a1 * y + z2;
    z2 = b2 * x - a2 * y;
    out[i] = y;
  }
  state.z1 = z1;
  state.z2 = z2;
  return out;
}
