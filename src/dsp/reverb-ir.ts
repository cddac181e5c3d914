import type { Rng } from './random';
import type { Hz, Milliseconds, SampleRate, Seconds } from './units';

/** What shapes a generated reverb impulse response. */
export interface ImpulseResponseOptions {
  sampleRate: SampleRate;
  /** RT60 of the low/mid band: the time the tail takes to fall by 60 dB (clamped to 0.05..20 s). */
  decayS: Seconds;
  /** Silence before the tail starts (clamped to 0..500 ms). */
  preDelayMs: Milliseconds;
  /** 0..1: how much faster the highs decay; 0 = as fast as the lows, 1 = five times as fast. */
  damping: number;
  /** 0..1: 0 = the same tail on both sides (mono), 1 = fully decorrelated left and right. */
  stereoWidth: number;
}

/** Where the tail is cut: this many dB below its start, far below anything audible in a mix. */
export const IR_TRIM_DB = 80;
/** Split point between the band that decays at `decayS` and the band that damping shortens. */
export const IR_DAMPING_CROSSOVER: Hz = 2500;
/** With damping 1 the high band's RT60 is this fraction of `decayS`. */
export const IR_MIN_HIGH_DECAY_RATIO = 0.2;

const FADE_OUT_S = 0.005;
const LN_1000 = Math.log(1000); // −60 dB in amplitude is a factor of 1000

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;
}

/** Length in samples of the IR for these options: pre-delay plus the tail down to −IR_TRIM_DB. */
export function impulseResponseLength(options: ImpulseResponseOptions): number {
  const sr = options.sampleRate;
  const preDelay = Math.round((clamp(options.preDelayMs, 0, 500) / 1000) * sr);
  const decay = clamp(options.decayS, 0.05, 20);
  return preDelay + Math.ceil(((decay * IR_TRIM_DB) / 60) * sr);
}

/**
 * A seeded stereo reverb impulse response [left, right]: decorrelated white noise split at
 * IR_DAMPING_CROSSOVER by a one-pole filter, the low band decaying exponentially to −60 dB at `decayS`
 * and the high band faster by `damping`, after `preDelayMs` of leading zeros. The tail stops at −80 dB
 * (IR_TRIM_DB) with a 5 ms fade, so the convolution stays short. Normalised to unit energy: the mean of
 * Σh² over both channels is 1, so steady white noise sent at X dB RMS returns at about X dB RMS per side.
 * Same rng seed and options, same IR.
 */
export function generateImpulseResponse(
  rng: Rng,
  options: ImpulseResponseOptions,
): [Float32Array, Float32Array] {
  const sr = options.sampleRate;
  const decay = clamp(options.decayS, 0.05, 20);
  const damping = clamp(options.damping, 0, 1);
  const width = clamp(options.stereoWidth, 0, 1);
  const length = impulseResponseLength(options);
  const start = length - Math.ceil(((decay * IR_TRIM_DB) / 60) * sr);
  const left = new Float32Array(length);
  const right = new Float32Array(length);

  const highDecay = decay * (1 - (1 - IR_MIN_HIGH_DECAY_RATIO) * damping);
  // Per-sample amplitude factors, so the envelopes are running products rather than exp() per sample.
  const lowStep = Math.exp(-LN_1000 / (decay * sr));
  const highStep = Math.exp(-LN_1000 / (highDecay * sr));
  const alpha = 1 - Math.exp((-2 * Math.PI * IR_DAMPING_CROSSOVER) / sr);
  // Mid/side mix of two independent noises: correlation between the sides is cos(width·π/2).
  const theta = (width * Math.PI) / 4;
  const mid = Math.cos(theta);
  const side = Math.sin(theta);
  const fadeLength = Math.min(length - start, Math.round(FADE_OUT_S * sr));

  let lowL = 0;
  let lowR = 0;
  let envLow = 1;
  let envHigh = 1;
  let energy = 0;
  for (let i = start; i < length; i++) {
    const a = rng.next() * 2 - 1;
    const b = rng.next() * 2 - 1;
    const xl = mid * a + side * b;
    const xr = mid * a - side * b;
    lowL += alpha * (xl - lowL);
    lowR += alpha * (xr - lowR);
    const fromEnd = length - i;
    const fade = fromEnd <= fadeLength ? (fromEnd - 1) / fadeLength : 1;
    const l = (envLow * lowL + envHigh * (xl - lowL)) * fade;
    const r = (envLow * lowR + envHigh * (xr - lowR)) * fade;
    left[i] = l;
    right[i] = r;
    energy += l * l + r * r;
    envLow *= lowStep;
    envHigh *= highStep;
  }
  const scale = energy > 0 ? 1 / Math.sqrt(energy / 2) : 0;
  for (let i = start; i < length; i++) {
    left[i] = left[i]! * scale;
    right[i] = right[i]! * scale;
  }
  return [left, right];
}
