import type { Decibels, Gain } from './units';

/**
 * dB ↔ linear for the per-sample loops (the compressor's detector and gain): small tables instead of calls
 * to Math.exp and Math.log, each well inside 1e-6 dB of the exact value. tableDbToGain: gain = WHOLE[whole
 * dB] × (FRACTION[1/256 dB] interpolated linearly), within 3e-7 dB (linear interpolation over 1/256 dB errs
 * by 2.5e-8 of the gain).
 */

/** Lowest and highest levels the table covers, dB; levels outside are clamped (−255 dB is 2e-13). */
export const TABLE_MIN_DB: Decibels = -255;
export const TABLE_MAX_DB: Decibels = 63;
const STEPS = 256; // per dB
const WHOLE = Float64Array.from(
  { length: TABLE_MAX_DB - TABLE_MIN_DB + 2 },
  (_, i) => 10 ** ((i + TABLE_MIN_DB) / 20),
);
const FRACTION = Float64Array.from({ length: STEPS + 1 }, (_, i) => 10 ** (i / STEPS / 20));

/** The linear gain of `db` (clamped to TABLE_MIN_DB … TABLE_MAX_DB), within 3e-7 dB of 10^(dB/20). */
export function tableDbToGain(db: Decibels): Gain {
  const clamped = db < TABLE_MIN_DB ? TABLE_MIN_DB : db > TABLE_MAX_DB ? TABLE_MAX_DB : db;
  const x = (clamped - TABLE_MIN_DB) * STEPS; // ≥ 0, so truncation is the floor
  const i = x | 0;
  const frac = x - i;
  const r = i & (STEPS - 1);
  const low = FRACTION[r] as number;
  return (WHOLE[i >> 8] as number) * (low + frac * ((FRACTION[r + 1] as number) - low));
}

/** ln(1 + i/LN_STEPS) for i = 0 … LN_STEPS: the mantissa's log, interpolated linearly (error < 8e-9). */
const LN_STEPS = 4096;
const LN_MANTISSA = Float64Array.from({ length: LN_STEPS + 1 }, (_, i) => Math.log(1 + i / LN_STEPS));
/** 2^(30 − k) for k = 0 … 31: scales x·2^30 with its top bit at k back to [1, 2). */
const MANTISSA_SCALE = Float64Array.from({ length: 32 }, (_, k) => 2 ** (30 - k));
/** Below this (and from 1 up) tableLn falls back to Math.log. */
const TABLE_LN_MIN = 2 ** -29;

/**
 * ln(x) for x > 0 from a table (for the per-sample loops: the compressor's level detector), within 1e-8
 * of Math.log (1e-7 dB as 20·log10). x in [2^−29, 1) — every sample level below full scale — takes the
 * table: its power of two from Math.clz32 of x·2^30, the mantissa's log interpolated; other x take Math.log.
 */
export function tableLn(x: number): number {
  if (x >= 1 || x < TABLE_LN_MIN) return Math.log(x);
  const top = 31 - Math.clz32((x * 1073741824) | 0); // floor(log2(x·2^30)), 1 … 29
  const y = (x * (MANTISSA_SCALE[top] as number) - 1) * LN_STEPS;
  const j = y | 0;
  const low = LN_MANTISSA[j] as number;
  return (top - 30) * Math.LN2 + low + (y - j) * ((LN_MANTISSA[j + 1] as number) - low);
}
