/**
 * Where a stem is loud enough for a compressor's gain change to be heard: comp-match weighs the difference
 * between two gain traces by these weights, so the silence between hits does not water a difference down.
 */
import { levelWeight } from '../shared/programme-spectrum';
import type { StemSamples } from './stem-cache';

/** Release of the level follower the weights are read from, ms (a hit's tail stays "loud" as it decays). */
export const FOLLOWER_RELEASE_MS = 30;

/**
 * One weight per sample, 0 … 1: 1 where the stem's peak-following level is within 12 dB of its loudest,
 * falling to 0 at 30 dB below (the same ramp EQ matching uses across frequency).
 */
export function loudnessWeights(stem: StemSamples): Float32Array {
  const length = stem.channels.reduce((max, ch) => Math.max(max, ch.length), 0);
  const level = new Float32Array(length);
  const fall = Math.exp(-1 / ((FOLLOWER_RELEASE_MS / 1000) * stem.sampleRate));
  let env = 0;
  let loudest = 0;
  for (let n = 0; n < length; n++) {
    let x = 0;
    for (const ch of stem.channels) x = Math.max(x, Math.abs(ch[n] ?? 0));
    env = Math.max(x, env * fall);
    level[n] = env;
    if (env > loudest) loudest = env;
  }
  const weights = new Float32Array(length);
  if (loudest === 0) return weights;
  for (let n = 0; n < length; n++) {
    const v = level[n] as number;
    weights[n] = v > 0 ? levelWeight(20 * Math.log10(v / loudest)) : 0;
  }
  return weights;
}

/** Weighted RMS of (a − b) over the shorter trace: √(Σ wₙ(aₙ − bₙ)² / Σ wₙ); 0 when nothing is loud. */
export function weightedTraceDistanceDb(a: Float32Array, b: Float32Array, weights: Float32Array): number {
  const n = Math.min(a.length, b.length, weights.length);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const d = (a[i] as number) - (b[i] as number);
    sum += w * d * d;
    total += w;
  }
  return total > 0 ? Math.sqrt(sum / total) : 0;
}
