/** Levelling rendered stems: peak normalisation, gated RMS, and the default faders of a rough mix. */
import { dbToGain, gainToDb, powerToDb } from '../dsp/db';
import type { Decibels, SampleRate } from '../dsp/units';

/** Every stem is normalised so its sample peak sits exactly here. */
export const STEM_PEAK_DB: Decibels = -3;
/** The default faders are set so the rough mix of all stems peaks here. */
export const MIX_PEAK_DB: Decibels = -6;

const BLOCK_SECONDS = 0.1;

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

function blockPowers(samples: Float32Array, sampleRate: SampleRate): { powers: Float64Array; peak: number } {
  const block = Math.max(1, Math.round(BLOCK_SECONDS * sampleRate));
  const powers = new Float64Array(Math.ceil(samples.length / block));
  let peak = 0;
  for (let b = 0; b < powers.length; b++) {
    const start = b * block;
    const end = Math.min(samples.length, start + block);
    // Four partial sums and two running extremes keep the loop free of long dependency chains.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let hi = 0;
    let lo = 0;
    let i = start;
    for (; i + 3 < end; i += 4) {
      const x0 = samples[i] as number;
      const x1 = samples[i + 1] as number;
      const x2 = samples[i + 2] as number;
      const x3 = samples[i + 3] as number;
      s0 += x0 * x0;
      s1 += x1 * x1;
      s2 += x2 * x2;
      s3 += x3 * x3;
      const mx = Math.max(x0, x1, x2, x3);
      const mn = Math.min(x0, x1, x2, x3);
      if (mx > hi) hi = mx;
      if (mn < lo) lo = mn;
    }
    for (; i < end; i++) {
      const x = samples[i] as number;
      s0 += x * x;
      if (x > hi) hi = x;
      if (x < lo) lo = x;
    }
    peak = Math.max(peak, hi, -lo);
    powers[b] = (s0 + s1 + s2 + s3) / (end - start);
  }
  return { powers, peak };
}

/**
 * RMS level of the parts that play: mean power of 100 ms blocks above −70 dBFS, then again over the
 * blocks within 20 dB of that (so long rests do not drag a sparse part's level down). −∞ for silence.
 */
export function measureGatedRmsDb(samples: Float32Array, sampleRate: SampleRate): Decibels {
  return powerToDb(gatedPower(blockPowers(samples, sampleRate).powers, 1));
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

const CHUNK = 4096;

/** Levels of a set of stems after levelStems. */
export interface StemLevels {
  /** Gated RMS of each stem after normalisation (dBFS). */
  rmsDb: Decibels[];
  /** Fader settings for the rough mix (dB, rounded to 0.1). */
  faders: Decibels[];
}

/**
 * Levels stems in place, in two passes over each: (1) peak and 100 ms block powers; (2) scaling to
 * STEM_PEAK_DB while summing the rough mix chunk by chunk (in cache, no full mix buffer) to find its
 * peak. Faders bring each stem to its balance target (gated RMS), then move together so the rough mix
 * peaks at MIX_PEAK_DB.
 */
export function levelStems(
  buffers: readonly Float32Array[],
  targetsDb: readonly Decibels[],
  sampleRate: SampleRate,
): StemLevels {
  const count = buffers.length;
  const length = buffers.reduce((n, b) => Math.max(n, b.length), 0);
  const scales = new Float64Array(count);
  const mixGains = new Float64Array(count);
  const rmsDb: Decibels[] = [];
  const raw: Decibels[] = [];
  buffers.forEach((samples, k) => {
    const { powers, peak } = blockPowers(samples, sampleRate);
    const scale = peak > 0 ? Math.fround(dbToGain(STEM_PEAK_DB) / peak) : 0;
    const rms = powerToDb(gatedPower(powers, scale * scale));
    scales[k] = scale;
    rmsDb.push(rms);
    raw.push(Number.isFinite(rms) ? (targetsDb[k] ?? 0) - rms : 0);
    mixGains[k] = dbToGain(raw[k] as number);
  });
  const acc = new Float64Array(CHUNK);
  let mixPeak = 0;
  for (let start = 0; start < length; start += CHUNK) {
    const end = Math.min(length, start + CHUNK);
    acc.fill(0);
    for (let k = 0; k < count; k++) {
      const ch = buffers[k] as Float32Array;
      const scale = scales[k] as number;
      const g = mixGains[k] as number;
      const stop = Math.min(end, ch.length);
      for (let i = start, j = 0; i < stop; i++, j++) {
        const y = Math.fround((ch[i] as number) * scale);
        ch[i] = y;
        acc[j] = (acc[j] as number) + y * g;
      }
    }
    for (let j = 0; j < end - start; j++) {
      const a = Math.abs(acc[j] as number);
      if (a > mixPeak) mixPeak = a;
    }
  }
  const offset = mixPeak > 0 ? MIX_PEAK_DB - gainToDb(mixPeak) : 0;
  return { rmsDb, faders: raw.map((db) => Math.round((db + offset) * 10) / 10) };
}
