/** Measures of a reverb's impulse response (ISO 3382 style): decay time, clarity, and when the space answers. */
import type { Decibels, SampleRate, Seconds } from './units';

/** Energy per sample of one or more channels summed (l² + r² …). */
export function energyOf(channels: readonly Float32Array[]): Float64Array {
  const n = Math.max(0, ...channels.map((c) => c.length));
  const e = new Float64Array(n);
  for (const c of channels)
    for (let i = 0; i < c.length; i++) e[i] = (e[i] as number) + (c[i] as number) ** 2;
  return e;
}

/**
 * Decay time T30: the Schroeder backward integral's slope from −5 to −35 dB, extrapolated to 60 dB, in s
 * (`from`: the sample the response starts at). NaN when the response never falls 35 dB.
 */
export function decayT30(energy: Float64Array, sampleRate: SampleRate, from = 0): Seconds {
  let sum = 0;
  const back = new Float64Array(energy.length - from);
  for (let i = energy.length - 1; i >= from; i--) {
    sum += energy[i] as number;
    back[i - from] = sum;
  }
  const total = back[0] as number;
  if (!(total > 0)) return Number.NaN;
  const db = (i: number) => 10 * Math.log10((back[i] as number) / total);
  let i5 = 0;
  while (i5 < back.length && db(i5) > -5) i5++;
  let i35 = i5;
  while (i35 < back.length && db(i35) > -35) i35++;
  return i35 >= back.length ? Number.NaN : ((i35 - i5) / sampleRate) * 2;
}

/** Clarity C50: the energy in the first 50 ms after `from` against the rest, dB. */
export function clarityC50(energy: Float64Array, sampleRate: SampleRate, from = 0): Decibels {
  const split = from + Math.round(0.05 * sampleRate);
  let early = 0;
  let late = 0;
  for (let i = from; i < energy.length; i++) {
    if (i < split) early += energy[i] as number;
    else late += energy[i] as number;
  }
  return 10 * Math.log10(early / late);
}

/**
 * When the space answers: the time after `from` by which `share` of the energy of the first `windowS` has
 * arrived, s. A larger space of one kind answers later.
 */
export function arrivalTime(
  energy: Float64Array,
  sampleRate: SampleRate,
  from = 0,
  windowS: Seconds = 0.3,
  share = 0.05,
): Seconds {
  const end = Math.min(energy.length, from + Math.round(windowS * sampleRate));
  let total = 0;
  for (let i = from; i < end; i++) total += energy[i] as number;
  let e = 0;
  for (let i = from; i < end; i++) {
    e += energy[i] as number;
    if (e >= share * total) return (i - from) / sampleRate;
  }
  return windowS;
}
