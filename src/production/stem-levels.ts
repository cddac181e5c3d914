/** Levelling rendered stems: peak normalisation, gated RMS, and the default faders of a rough mix. */
import { dbToGain, gainToDb, powerToDb } from '../dsp/db';
import type { Decibels, SampleRate } from '../dsp/units';

/** Every stem is normalised so its sample peak sits exactly here. */
export const STEM_PEAK_DB: Decibels = -3;
/** The default faders are set so the rough mix of all stems peaks here. */
export const MIX_PEAK_DB: Decibels = -6;

/** Peaks are kept per 10 ms slice (for the rough-mix peak search); powers per 100 ms block (10 slices). */
const SLICE_SECONDS = 0.01;
const SLICES_PER_BLOCK = 10;

/** Gated mean of block powers: blocks above −70 dBFS, then those within 20 dB of their mean. */
function gatedPower(powers: Float64Array, scale: number): number {
  let sum = 0;
  let count = 0;
  for (const p of powers) {
    if (p * scale <= 1e-7) continue;
    sum += p;
    count++;
  }
  if (count === 0) return 0;
  const threshold = (sum / count) * 0.01;
  let gated = 0;
  let kept = 0;
  for (const p of powers) {
    if (p * scale <= 1e-7 || p < threshold) continue;
    gated += p;
    kept++;
  }
  return (gated / kept) * scale;
}

/** Mean power of each 100 ms block, absolute peak of each 10 ms slice, and the overall peak. */
interface BlockStats {
  slice: number;
  powers: Float64Array;
  peaks: Float64Array;
  peak: number;
}

function blockStats(samples: Float32Array, sampleRate: SampleRate): BlockStats {
  const slice = Math.max(1, Math.round(SLICE_SECONDS * sampleRate));
  const peaks = new Float64Array(Math.ceil(samples.length / slice));
  const powers = new Float64Array(Math.ceil(peaks.length / SLICES_PER_BLOCK));
  let peak = 0;
  for (let b = 0; b < powers.length; b++) {
    let sum = 0;
    let count = 0;
    for (let c = b * SLICES_PER_BLOCK; c < Math.min(peaks.length, (b + 1) * SLICES_PER_BLOCK); c++) {
      const start = c * slice;
      const end = Math.min(samples.length, start + slice);
      // The plainest loop is the fastest in V8 (unrolling with Math.max/min was four times slower).
      let top = 0;
      for (let i = start; i < end; i++) {
        const x = samples[i] as number;
        const q = x * x;
        sum += q;
        if (q > top) top = q;
      }
      count += end - start;
      // Squares of float32 samples are exact in float64, so this is exactly the largest |x|.
      const slicePeak = Math.sqrt(top);
      peaks[c] = slicePeak;
      if (slicePeak > peak) peak = slicePeak;
    }
    powers[b] = sum / count;
  }
  return { slice, powers, peaks, peak };
}

/**
 * RMS level of the parts that play: mean power of 100 ms blocks above −70 dBFS, then again over the
 * blocks within 20 dB of that (so long rests do not drag a sparse part's level down). −∞ for silence.
 */
export function measureGatedRmsDb(samples: Float32Array, sampleRate: SampleRate): Decibels {
  return powerToDb(gatedPower(blockStats(samples, sampleRate).powers, 1));
}

/** Sums mono stems with per-stem gains (dB) into a new buffer. */
export function sumWithGains(
  channels: readonly Float32Array[],
  gainsDb: readonly Decibels[],
  length: number,
): Float32Array {
  const out = new Float32Array(length);
  channels.forEach((ch, k) => {
    const g = dbToGain(gainsDb[k] ?? 0);
    if (g === 0) return;
    const n = Math.min(length, ch.length);
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + (ch[i] as number) * g;
  });
  return out;
}

/** Levels of a set of stems after levelStems. */
export interface StemLevels {
  /** Gated RMS of each stem after normalisation (dBFS). */
  rmsDb: Decibels[];
  /** Fader settings for the rough mix (dB, rounded to 0.1). */
  faders: Decibels[];
}

/**
 * Exact peak of Σ fround(x·scale)·gain over the stems, searched slice by slice (10 ms) in order of an
 * upper bound (Σ scale·gain·slice peak), stopping once no remaining slice can beat the best found: only
 * the few slices where loud hits coincide are ever summed.
 */
function mixPeak(
  buffers: readonly Float32Array[],
  stats: readonly BlockStats[],
  scales: Float64Array,
  gains: Float64Array,
): number {
  const first = stats[0];
  if (!first) return 0;
  const slice = first.slice;
  const bound = new Float64Array(first.peaks.length);
  for (let k = 0; k < stats.length; k++) {
    const peaks = (stats[k] as BlockStats).peaks;
    const w = (scales[k] as number) * (gains[k] as number);
    for (let c = 0; c < bound.length; c++) bound[c] = (bound[c] as number) + w * (peaks[c] as number);
  }
  const order = Array.from(bound.keys()).sort((a, b) => (bound[b] as number) - (bound[a] as number));
  const acc = new Float64Array(slice);
  let best = 0;
  for (const c of order) {
    if ((bound[c] as number) <= best) break;
    acc.fill(0);
    const start = c * slice;
    for (let k = 0; k < buffers.length; k++) {
      const ch = buffers[k] as Float32Array;
      const scale = scales[k] as number;
      const g = gains[k] as number;
      const end = Math.min(ch.length, start + slice);
      for (let i = start, j = 0; i < end; i++, j++)
        acc[j] = (acc[j] as number) + Math.fround((ch[i] as number) * scale) * g;
    }
    for (let j = 0; j < slice; j++) {
      const a = Math.abs(acc[j] as number);
      if (a > best) best = a;
    }
  }
  return best;
}

/**
 * Multiplies `samples` by `scale` in place, skipping the 10 ms slices that are all zeros (their peak is 0):
 * scaling leaves a zero as it is, and a part's rests are often pages the renderer never wrote, which the
 * system maps to one shared page of zeros until something writes there.
 */
function scaleSounding(samples: Float32Array, scale: number, stats: BlockStats): void {
  const { slice, peaks } = stats;
  for (let c = 0; c < peaks.length; c++) {
    if (peaks[c] === 0) continue;
    const end = Math.min(samples.length, (c + 1) * slice);
    for (let i = c * slice; i < end; i++) samples[i] = (samples[i] as number) * scale;
  }
}

/**
 * Levels stems in place: one pass measures each stem (peak, 100 ms block powers and peaks), the rough
 * mix's exact peak is found from a few blocks (mixPeak), and one pass scales each stem to STEM_PEAK_DB.
 * Faders bring each stem to its balance target (gated RMS), then move together so the rough mix peaks
 * at MIX_PEAK_DB.
 */
export function levelStems(
  buffers: readonly Float32Array[],
  targetsDb: readonly Decibels[],
  sampleRate: SampleRate,
): StemLevels {
  const count = buffers.length;
  const scales = new Float64Array(count);
  const mixGains = new Float64Array(count);
  const rmsDb: Decibels[] = [];
  const raw: Decibels[] = [];
  const stats = buffers.map((samples, k) => {
    const st = blockStats(samples, sampleRate);
    const scale = st.peak > 0 ? Math.fround(dbToGain(STEM_PEAK_DB) / st.peak) : 0;
    const rms = powerToDb(gatedPower(st.powers, scale * scale));
    scales[k] = scale;
    rmsDb.push(rms);
    raw.push(Number.isFinite(rms) ? (targetsDb[k] ?? 0) - rms : 0);
    mixGains[k] = dbToGain(raw[k] as number);
    return st;
  });
  const peak = mixPeak(buffers, stats, scales, mixGains);
  for (let k = 0; k < count; k++)
    scaleSounding(buffers[k] as Float32Array, scales[k] as number, stats[k] as BlockStats);
  const offset = peak > 0 ? MIX_PEAK_DB - gainToDb(peak) : 0;
  return { rmsDb, faders: raw.map((db) => Math.round((db + offset) * 10) / 10) };
}
