import { dbToGain, gainToDb } from './db';
import { measurePeak, measureRms, measureRmsDb } from './meters';
import type { Decibels, SampleRate, Samples, Seconds } from './units';

/** RMS level in dBFS between two times (rounded to the nearest sample); an empty window gives −Infinity. */
export function measureRmsDbInWindow(
  samples: Samples,
  sampleRate: SampleRate,
  startS: Seconds,
  endS: Seconds,
): Decibels {
  return measureRmsDb(samples, Math.round(startS * sampleRate), Math.round(endS * sampleRate));
}

/** Index of the first sample whose magnitude is above `thresholdDb` (dBFS), or −1 if none is. */
export function findFirstSound(samples: Samples, thresholdDb: Decibels = -60): number {
  const threshold = dbToGain(thresholdDb);
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i] as number) > threshold) return i;
  }
  return -1;
}

/** True when no sample's magnitude is above `thresholdDb` (dBFS); an empty array is silent. */
export function isSilent(samples: Samples, thresholdDb: Decibels = -90): boolean {
  return measurePeak(samples) <= dbToGain(thresholdDb);
}

/**
 * The largest jump between neighbouring samples, max |x[n] − x[n−1]| for n in (start, end).
 * Proves a switch adds no click: compare it with the programme's own largest step.
 */
export function measureMaxStep(samples: Samples, start = 0, end: number = samples.length): number {
  const s = Math.max(0, Math.floor(start));
  const e = Math.min(samples.length, Math.floor(end));
  let max = 0;
  for (let i = s + 1; i < e; i++) {
    const step = Math.abs((samples[i] as number) - (samples[i - 1] as number));
    if (step > max) max = step;
  }
  return max;
}

/**
 * Normalised correlation Σab / √(Σa²·Σb²), as on a stereo correlation meter (no mean removal):
 * +1 identical shape (mono), 0 unrelated, −1 inverted. Uses the shorter length; 0 if either is silent.
 */
export function measureCorrelation(a: Samples, b: Samples): number {
  const n = Math.min(a.length, b.length);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  if (aa === 0 || bb === 0) return 0;
  return Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
}

/**
 * Right-versus-left balance, 20·log10(rmsR / rmsL): positive leans right, negative leans left.
 * Left silent gives +Infinity, right silent −Infinity, both silent 0 (no difference to report).
 */
export function measureChannelBalanceDb(left: Samples, right: Samples): Decibels {
  const l = measureRms(left);
  const r = measureRms(right);
  if (l === 0 && r === 0) return 0;
  if (l === 0) return Number.POSITIVE_INFINITY;
  return gainToDb(r / l);
}
