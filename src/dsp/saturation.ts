/**
 * Saturation: a tanh curve driven by an input gain, y = tanh(g·x) / g with g = 10^(drive/20), so small
 * signals pass at unity and peaks round off (odd harmonics). At −40 dB of drive it is transparent (a peak of
 * 0.7 makes a third harmonic near −108 dB); at 0 dB a full-scale peak is squashed to 0.76.
 *
 * Alias-free: the curve runs at 4× the sample rate. Up- and down-sampling use one 257-tap linear-phase
 * low-pass (Kaiser window, β 8: about 80 dB down from 0.46 of the base sample rate on), so harmonics
 * above the base band are removed before they can fold back; the whole stage delays by SATURATION_LATENCY
 * samples at the base rate. The same streaming code runs in the engine's worklet and in the pure renderer,
 * sample for sample (block sizes do not matter).
 */
import type { Decibels } from './units';

/** Oversampling factor of the curve. */
export const OVERSAMPLE = 4;
/** Taps of the interpolation / decimation low-pass (odd: linear phase with an integer delay). */
export const SATURATION_TAPS = 257;
/** Delay of the whole stage at the base rate, samples (two filters of (TAPS − 1) / 2 taps at 4×). */
export const SATURATION_LATENCY = (SATURATION_TAPS - 1) / OVERSAMPLE;
/** Drive at and below which the stage is treated as transparent by the drills. */
export const CLEAN_DRIVE_DB: Decibels = -40;
/** Range of the drive control, dB. */
export const DRIVE_RANGE_DB: readonly [Decibels, Decibels] = [-40, 30];

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

/**
 * The low-pass at the 4× rate, unity gain at DC: −6 dB at 0.42 of the base sample rate (passband to about
 * 0.38, stopband from about 0.46: 18 and 22 kHz at 48 kHz).
 */
function designLowPass(): Float64Array {
  const n = SATURATION_TAPS;
  const mid = (n - 1) / 2;
  const fc = 0.42 / OVERSAMPLE;
  const beta = 8;
  const h = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = i - mid;
    const sinc = t === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
    const r = t / mid;
    const w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
    h[i] = sinc * w;
    sum += h[i] as number;
  }
  for (let i = 0; i < n; i++) h[i] = (h[i] as number) / sum;
  return h;
}

/** The shared filter taps (computed once). */
export const SATURATION_FIR: Float64Array = designLowPass();

/** One channel's running state: the last base-rate inputs and the last up-rate curve outputs. */
export interface SaturationState {
  /** Base-rate input history (ring, PHASE_TAPS long). */
  readonly input: Float64Array;
  /** Up-rate output history of the curve (ring, SATURATION_TAPS + OVERSAMPLE long). */
  readonly shaped: Float64Array;
  inPos: number;
  outPos: number;
}

/** Taps per polyphase branch of the interpolator. */
const PHASE_TAPS = Math.ceil(SATURATION_TAPS / OVERSAMPLE);
/** Length of the curve's output ring: the filter's taps plus the up-samples of one base sample. */
const RING = SATURATION_TAPS + OVERSAMPLE;

/** A fresh (silent) state for one channel. */
export function createSaturationState(): SaturationState {
  return {
    input: new Float64Array(PHASE_TAPS),
    shaped: new Float64Array(RING),
    inPos: 0,
    outPos: 0,
  };
}

/** The curve itself at drive gain g: tanh(g·x) / g. */
export function saturationCurve(x: number, gain: number): number {
  return Math.tanh(gain * x) / gain;
}

/**
 * Processes `length` samples of one channel from `input` into `output` (may be the same array), at `driveDb`.
 * Up-sample ×4 (polyphase, gain 4), the curve at 4×, low-pass and keep every 4th sample.
 */
export function processSaturation(
  state: SaturationState,
  input: ArrayLike<number>,
  output: Float32Array | Float64Array,
  length: number,
  driveDb: Decibels,
): void {
  const gain = 10 ** (Math.max(DRIVE_RANGE_DB[0], Math.min(DRIVE_RANGE_DB[1], driveDb)) / 20);
  const h = SATURATION_FIR;
  const hist = state.input;
  const shaped = state.shaped;
  for (let n = 0; n < length; n++) {
    hist[state.inPos] = input[n] as number;
    // Interpolate: up-sample p (0 … 3) of this input sample = 4·Σ_k h[p + 4k]·x[n − k].
    for (let p = 0; p < OVERSAMPLE; p++) {
      let acc = 0;
      let idx = state.inPos;
      for (let tap = p; tap < SATURATION_TAPS; tap += OVERSAMPLE) {
        acc += (h[tap] as number) * (hist[idx] as number);
        idx = idx === 0 ? PHASE_TAPS - 1 : idx - 1;
      }
      shaped[state.outPos] = saturationCurve(OVERSAMPLE * acc, gain);
      state.outPos = state.outPos + 1 === RING ? 0 : state.outPos + 1;
    }
    state.inPos = state.inPos + 1 === PHASE_TAPS ? 0 : state.inPos + 1;
    // Decimate: the low-pass over TAPS up-rate samples ending at this base sample's phase 0 (so the delay is
    // a whole number of base samples), once per base sample.
    let acc = 0;
    let idx = (state.outPos - OVERSAMPLE + RING) % RING;
    for (let j = 0; j < SATURATION_TAPS; j++) {
      acc += (h[j] as number) * (shaped[idx] as number);
      idx = idx === 0 ? RING - 1 : idx - 1;
    }
    output[n] = acc;
  }
}

/** A whole signal through a fresh saturation stage (what the pure renderer and the drills use). */
export function renderSaturation(x: Float32Array, driveDb: Decibels): Float32Array {
  const out = new Float32Array(x.length);
  processSaturation(createSaturationState(), x, out, x.length, driveDb);
  return out;
}

/**
 * Harmonic distortion of a saturated signal against the clean one (the same stage at CLEAN_DRIVE_DB, so the
 * delay matches): the energy of what the curve added, after taking out the best gain match, over the clean
 * signal's energy, dB. −Infinity for a silent signal.
 */
export function distortionDb(clean: ArrayLike<number>, saturated: ArrayLike<number>): Decibels {
  let cc = 0;
  let cs = 0;
  const n = Math.min(clean.length, saturated.length);
  for (let i = 0; i < n; i++) {
    cc += (clean[i] as number) ** 2;
    cs += (clean[i] as number) * (saturated[i] as number);
  }
  if (cc === 0) return Number.NEGATIVE_INFINITY;
  const k = cs / cc;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += ((saturated[i] as number) - k * (clean[i] as number)) ** 2;
  return 10 * Math.log10(residual / (k * k * cc));
}
