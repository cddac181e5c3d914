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
    let sum = 0;
    for (let i = start; i < end; i++) {
      const x = samples[i] as number;
      sum += x * x;
      const a = x < 0 ? -x : x;
      if (a > peak) peak = a;
    }
    powers[b] = sum / (end - start);
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

/**
 * Peak-normalises a stem in place to STEM_PEAK_DB and returns its gated RMS level afterwards, in two
 * passes over the samples (measure, scale).
 */
export function normaliseStem(samples: Float32Array, sampleRate: SampleRate): Decibels {
  const { powers, peak } = blockPowers(samples, sampleRate);
  if (peak === 0) return Number.NEGATIVE_INFINITY;
  const gain = Math.fround(dbToGain(STEM_PEAK_DB) / peak);
  for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] as number) * gain;
  return powerToDb(gatedPower(powers, gain * gain));
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

/** Peak of the weighted sum of channels, computed in small chunks (no full-length mix buffer). */
export function peakOfSum(
  channels: readonly Float32Array[],
  gains: readonly number[],
  length: number,
): number {
  const acc = new Float64Array(CHUNK);
  let peak = 0;
  for (let start = 0; start < length; start += CHUNK) {
    const n = Math.min(CHUNK, length - start);
    acc.fill(0);
    channels.forEach((ch, k) => {
      const g = gains[k] ?? 0;
      const m = Math.min(n, ch.length - start);
      for (let i = 0; i < m; i++) acc[i] = (acc[i] as number) + (ch[start + i] as number) * g;
    });
    for (let i = 0; i < n; i++) {
      const a = Math.abs(acc[i] as number);
      if (a > peak) peak = a;
    }
  }
  return peak;
}

/**
 * Default faders: each stem is brought to its style's balance target (gated RMS), then all faders move
 * together so the summed rough mix peaks at MIX_PEAK_DB. Rounded to 0.1 dB.
 */
export function computeDefaultFaders(
  stems: readonly { samples: Float32Array; rmsDb: Decibels; targetDb: Decibels }[],
  length: number,
): Decibels[] {
  const raw = stems.map((s) => (Number.isFinite(s.rmsDb) ? s.targetDb - s.rmsDb : 0));
  const peak = peakOfSum(
    stems.map((s) => s.samples),
    raw.map(dbToGain),
    length,
  );
  const offset = peak > 0 ? MIX_PEAK_DB - gainToDb(peak) : 0;
  return raw.map((db) => Math.round((db + offset) * 10) / 10);
}
