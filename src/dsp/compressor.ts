import { tableDbToGain, tableLn } from './db-table';
import type { Decibels, Milliseconds, SampleRate } from './units';

/**
 * Feed-forward compressor maths after Giannoulis, Massberg & Reiss, "Digital Dynamic Range Compressor
 * Design — A Tutorial and Analysis" (JAES 2012): level detection in dB, static gain computer with a
 * soft knee, then the smooth branching peak detector applied to the gain reduction in the log domain.
 *
 * Level detection is PEAK per sample: x_L = 20·log10(max_ch |x|), floored at LEVEL_FLOOR_DB. A sine
 * therefore produces a rippling gain (the detector attacks on each crest and releases towards each zero
 * crossing); a constant or a square wave produces the exact static value once settled.
 *
 * The same code runs in the AudioWorklet (block by block) and in Node (`renderCompressorGain`), so what
 * the learner hears is what the scorer measures.
 */

/** Everything that shapes the compressor's behaviour. */
export interface CompressorSettings {
  /** Level where compression starts (centre of the knee), dBFS. */
  thresholdDb: Decibels;
  /** Input dB above threshold per output dB above threshold (1 = no compression, ≥ 1). */
  ratio: number;
  /** Full width of the soft knee in dB (0 = hard knee). */
  kneeDb: Decibels;
  /** Time constant of the gain reduction rising (1 − 1/e of a step after this long). */
  attackMs: Milliseconds;
  /** Time constant of the gain reduction falling back. */
  releaseMs: Milliseconds;
  /** Gain added after compression. */
  makeupDb: Decibels;
}

/** The compressor's defaults: −20 dB threshold, 4:1, 6 dB knee, 10 ms attack, 100 ms release, no makeup. */
export const DEFAULT_COMPRESSOR: Readonly<CompressorSettings> = {
  thresholdDb: -20,
  ratio: 4,
  kneeDb: 6,
  attackMs: 10,
  releaseMs: 100,
  makeupDb: 0,
};

/** The static curve's parameters (the gain computer). */
export type CompressorCurve = Pick<CompressorSettings, 'thresholdDb' | 'ratio' | 'kneeDb'>;

/** Lowest level the detector reports, dBFS (digital silence maps here instead of −Infinity). */
export const LEVEL_FLOOR_DB: Decibels = -120;

/** Running state of the compressor's detector, carried from block to block. */
export interface CompressorState {
  /** Smoothed gain reduction y_L in dB (≥ 0: how far the gain is pulled down). */
  reductionDb: number;
}

/**
 * Static gain change (≤ 0 dB) for an input level, per Giannoulis et al. eq. (4):
 * below T − W/2 → 0; above T + W/2 → (T + (x − T)/R) − x; inside the knee
 * → (1/R − 1)·(x − T + W/2)² / (2W). W = 0 is a hard knee.
 */
export function compressorGainDb(inputDb: Decibels, curve: CompressorCurve): Decibels {
  const { thresholdDb: t, kneeDb: w } = curve;
  const slope = 1 / Math.max(curve.ratio, 1) - 1; // ≤ 0
  const over = inputDb - t;
  if (2 * over < -w) return 0;
  if (2 * over > w || w <= 0) return over > 0 ? slope * over : 0;
  const into = over + w / 2;
  return (slope * into * into) / (2 * w);
}

/** A fresh detector state (no gain reduction). */
export function createCompressorState(): CompressorState {
  return { reductionDb: 0 };
}

/** One-pole coefficient exp(−1/(τ·fs)) for a time constant in ms; 0 (instant) for τ ≤ 0. */
export function onePoleCoefficient(timeMs: Milliseconds, sampleRate: SampleRate): number {
  const samples = (timeMs / 1000) * sampleRate;
  return samples > 0 ? Math.exp(-1 / samples) : 0;
}

/** dB → natural-log factor: 10^(dB/20) = exp(dB · DB_TO_NEPER). Math.exp is far cheaper than `10 **`. */
const DB_TO_NEPER = Math.LN10 / 20;
/** Natural log → dB: 20·log10(x) = ln(x) · NEPER_TO_DB. */
const NEPER_TO_DB = 20 / Math.LN10;
/**
 * A release heading for no reduction snaps to exactly none once within this of it, dB (a gain change of
 * 1e-7 dB, inaudible and below a float32 gain's resolution): from then on a quiet signal costs no maths.
 */
const SNAP_DB = 1e-7;

/** The detector's floor as a linear peak: 10^(LEVEL_FLOOR_DB/20), computed once. */
const FLOOR_GAIN = 10 ** (LEVEL_FLOOR_DB / 20);

/** Scratch for blockPeaks, grown as needed (a worklet's blocks are 128 samples). */
let peakScratch = new Float32Array(128);

/**
 * max_ch |x_ch[n]| for n < length (channels shorter than that count as silence), in a scratch array that
 * the next call overwrites. One tight loop per channel.
 */
function blockPeaks(channels: readonly Float32Array[], length: number): Float32Array {
  if (peakScratch.length < length) peakScratch = new Float32Array(length);
  const peaks = peakScratch;
  const first = channels[0];
  const firstLength = first ? Math.min(first.length, length) : 0;
  for (let n = 0; n < firstLength; n++) {
    const v = (first as Float32Array)[n] as number;
    peaks[n] = v < 0 ? -v : v;
  }
  peaks.fill(0, firstLength, length);
  for (let ch = 1; ch < channels.length; ch++) {
    const data = channels[ch] as Float32Array;
    const end = Math.min(data.length, length);
    for (let n = 0; n < end; n++) {
      const v = data[n] as number;
      const a = v < 0 ? -v : v;
      if (a > (peaks[n] as number)) peaks[n] = a;
    }
  }
  return peaks;
}

/** Whether the first `length` values are all ≤ `limit`. */
function allAtMost(values: Float32Array, length: number, limit: number): boolean {
  for (let n = 0; n < length; n++) if ((values[n] as number) > limit) return false;
  return true;
}

/**
 * The detector loop shared by both block functions. Writes the gain per sample into `out`, in dB or (when
 * `linear`) as the factor 10^(dB/20), and returns the block's largest smoothed reduction y_L (≥ 0).
 * `makeup` per sample, when given, replaces settings.makeupDb (a moving makeup). Written for speed: the log
 * only above the knee's lower edge, the curve inlined, the level's log and the linear gain from tables
 * (tableLn, tableDbToGain in dsp/db-table.ts: within 1e-6 dB of Math.log / Math.exp), the peaks
 * found first channel by channel, and no maths at all while there is no reduction and the makeup holds still.
 */
function runDetector(
  state: CompressorState,
  channels: readonly Float32Array[],
  sampleRate: SampleRate,
  settings: CompressorSettings,
  out: Float32Array,
  linear: boolean,
  makeup: Float32Array | undefined,
): number {
  const alphaA = onePoleCoefficient(settings.attackMs, sampleRate);
  const alphaR = onePoleCoefficient(settings.releaseMs, sampleRate);
  const betaA = 1 - alphaA;
  const betaR = 1 - alphaR;
  const { thresholdDb: t, makeupDb } = settings;
  const w = Math.max(settings.kneeDb, 0);
  const halfW = w / 2;
  const slope = 1 / Math.max(settings.ratio, 1) - 1; // ≤ 0, as in compressorGainDb
  const kneeScale = w > 0 ? -slope / (2 * w) : 0;
  // Below the knee's lower edge the target reduction is 0: skip the log for those samples.
  const quietBelow = 10 ** ((t - halfW) / 20);
  // The gain while there is no reduction and the makeup is steady.
  const restGain = linear ? tableDbToGain(makeupDb) : makeupDb;
  const length = out.length;
  const peaks = blockPeaks(channels, length);
  let y = state.reductionDb;
  // A quiet block with no reduction to release and a steady makeup: every sample's gain is restGain
  // (what the loop below would write, sample for sample), so skip the loop.
  if (y === 0 && makeup === undefined && allAtMost(peaks, length, quietBelow)) {
    out.fill(restGain);
    return 0;
  }
  let most = 0;
  for (let n = 0; n < length; n++) {
    const peak = peaks[n] as number;
    let target = 0;
    if (peak > quietBelow) {
      // −compressorGainDb(x_L), inlined (Giannoulis et al. eq. 4).
      const over = NEPER_TO_DB * tableLn(peak > FLOOR_GAIN ? peak : FLOOR_GAIN) - t;
      if (2 * over > w || w <= 0) target = over > 0 ? -slope * over : 0;
      else if (2 * over >= -w) {
        const into = over + halfW;
        target = kneeScale * into * into;
      }
    }
    if (target > y) y = alphaA * y + betaA * target;
    else if (y !== 0) {
      y = alphaR * y + betaR * target;
      if (target === 0 && y < SNAP_DB) y = 0;
    }
    if (y > most) most = y;
    if (makeup === undefined) {
      if (y === 0) out[n] = restGain;
      else out[n] = linear ? tableDbToGain(makeupDb - y) : makeupDb - y;
    } else {
      const db = ((makeup[n] ?? makeupDb) as number) - y;
      out[n] = linear ? tableDbToGain(db) : db;
    }
  }
  state.reductionDb = y;
  return most;
}

/**
 * Processes one block: writes the gain in dB (≤ makeupDb) applied at each sample into `out`
 * (out.length samples; channels shorter than that count as silence). Updates `state`, so
 * consecutive blocks of any size give bit-for-bit the same gains as one pass.
 *
 * Per sample n (x_L input level, x_G − y_G target reduction ≥ 0, y_L smoothed reduction):
 *   x_L = 20·log10(max_ch |x_ch[n]|)                  (floored)
 *   c   = −compressorGainDb(x_L)                      (target reduction, ≥ 0)
 *   y_L = α_A·y_L + (1 − α_A)·c   if c > y_L          (attack, α_A = exp(−1/(attack·fs)))
 *   y_L = α_R·y_L + (1 − α_R)·c   otherwise           (release, α_R = exp(−1/(release·fs)))
 *   gain = makeup − y_L
 */
export function processCompressorBlock(
  state: CompressorState,
  channels: readonly Float32Array[],
  sampleRate: SampleRate,
  settings: CompressorSettings,
  out: Float32Array,
): void {
  runDetector(state, channels, sampleRate, settings, out, false, undefined);
}

/**
 * The same block as processCompressorBlock, but `out` receives the linear gain 10^(gain/20) a VCA multiplies
 * by (what the worklet outputs). `makeupDb`, when given per sample, replaces settings.makeupDb (a moving
 * makeup). Returns the block's largest gain reduction in dB (≥ 0, makeup not included), for meters.
 */
export function processCompressorBlockLinear(
  state: CompressorState,
  channels: readonly Float32Array[],
  sampleRate: SampleRate,
  settings: CompressorSettings,
  out: Float32Array,
  makeupDb?: Float32Array,
): number {
  return runDetector(state, channels, sampleRate, settings, out, true, makeupDb);
}

/** Renders the gain in dB the compressor applies at each sample of a (mono or multichannel) signal. */
export function renderCompressorGain(
  channels: readonly Float32Array[],
  sampleRate: SampleRate,
  settings: CompressorSettings,
): Float32Array {
  const length = channels.reduce((max, ch) => Math.max(max, ch.length), 0);
  const out = new Float32Array(length);
  processCompressorBlock(createCompressorState(), channels, sampleRate, settings, out);
  return out;
}

/** Applies a gain-in-dB curve to a signal, sample by sample, into new arrays (what the worklet does). */
export function applyGainDb(channels: readonly Float32Array[], gainDb: Float32Array): Float32Array[] {
  return channels.map((ch) => {
    const out = new Float32Array(ch.length);
    for (let n = 0; n < ch.length; n++) out[n] = (ch[n] as number) * Math.exp((gainDb[n] ?? 0) * DB_TO_NEPER);
    return out;
  });
}
