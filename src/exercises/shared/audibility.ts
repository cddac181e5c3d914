/**
 * Every question audible, by construction: the measure of a planted A/B difference, the amount it must
 * reach, and the seeded re-draw that keeps a question's first draw whenever it is audible.
 *
 * The measure is the largest third-octave band change between A and B (after loudness matching when the
 * kind matches loudness), counted only in bands the listener hears: within HEARD_BELOW_DB of the loudest band
 * of the loop. Band powers add (parts are uncorrelated), loudness is the K-weighted sum of band powers.
 */
import { exactCentre } from '../../dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../dsp/biquad';
import { createRng, type Rng } from '../../dsp/random';
import type { Decibels, Hz } from '../../dsp/units';
import { ANALYSIS_CENTRES } from './song-analysis';

/** The smallest band change that counts as audible on a fixed level, dB (a level step is heard from about here). */
export const JND_DB: Decibels = 0.5;
/** A planted change must keep at least this share of its nominal size in the mix (masking may cost at most half). */
export const KEEP_SHARE = 0.5;
/** The target part must sound in at least this share of the loop's half-bars. */
export const ACTIVE_SHARE = 0.75;
/** Bands further than this below the loop's loudest band are not heard, dB. */
export const HEARD_BELOW_DB: Decibels = 30;
/** An EQ target must lie where the programme has energy: within this of its loudest band, dB. */
export const EQ_ENERGY_BELOW_DB: Decibels = 20;
/** How many re-draws a generator tries before keeping the most audible draw. */
export const MAX_REDRAWS = 24;

/** A question's planted difference and the amount it must reach (audible when planted ≥ required). */
export interface Audibility {
  /** The measured (predicted) difference, in the kind's unit (dB for band changes). */
  planted: number;
  /** What it must reach. */
  required: number;
  /** A plain reason when it fails for another cause (a part that barely plays, an empty band). */
  reason?: string;
}

/** Whether an audibility passes. */
export function isAudible(a: Audibility): boolean {
  return a.reason === undefined && a.planted >= a.required;
}

/** An audibility that fails for a reason other than its size. */
export function inaudible(reason: string, planted = 0, required = 1): Audibility {
  return { planted, required, reason };
}

/** How far a draw passes (≥ 1) or misses (< 1); a failed reason counts half. */
function margin(a: Audibility): number {
  const ratio = a.required > 0 ? a.planted / a.required : a.planted > 0 ? 1 : 0;
  return a.reason === undefined ? ratio : ratio / 2;
}

/** What drawAudible did since the last reset (read by the audibility test's report). */
export const drawStats = { questions: 0, firstDrawInaudible: 0, redraws: 0, gaveUp: 0 };

/** Zeroes drawStats. */
export function resetDrawStats(): void {
  Object.assign(drawStats, { questions: 0, firstDrawInaudible: 0, redraws: 0, gaveUp: 0 });
}

/**
 * The first audible draw: draw 0 uses createRng(seed) (so a question that was audible stays as it was), draw
 * k the fork `redraw-k`. When none of MAX_REDRAWS passes, the draw closest to passing.
 */
export function drawAudible<Q>(seed: number, draw: (rng: Rng) => Q, judge: (q: Q) => Audibility): Q {
  let best: Q | undefined;
  let bestMargin = Number.NEGATIVE_INFINITY;
  drawStats.questions++;
  for (let k = 0; k <= MAX_REDRAWS; k++) {
    const q = draw(k === 0 ? createRng(seed) : createRng(seed).fork(`redraw-${k}`));
    const a = judge(q);
    if (isAudible(a)) return q;
    if (k === 0) drawStats.firstDrawInaudible++;
    drawStats.redraws++;
    const m = margin(a);
    if (m > bestMargin) {
      bestMargin = m;
      best = q;
    }
  }
  drawStats.gaveUp++;
  return best as Q;
}

/** Power weight of the K-weighting (BS.1770) at `f`: a +4 dB shelf above ~1.5 kHz and a low cut below ~60 Hz. */
export function kWeightPower(f: Hz): number {
  const shelfDb = 4 / (1 + (1500 / f) ** 2);
  const f4 = f ** 4;
  return 10 ** (shelfDb / 10) * (f4 / (f4 + 60 ** 4));
}

/** Loudness-proportional power of band powers at ANALYSIS_CENTRES. */
export function weightedPower(bands: readonly number[]): number {
  return bands.reduce((sum, p, i) => sum + p * kWeightPower(ANALYSIS_CENTRES[i] as number), 0);
}

/** Adds band powers (uncorrelated parts), each scaled by a power gain. */
export function sumBands(parts: readonly { bands: readonly number[]; powerGain?: number }[]): number[] {
  const out = ANALYSIS_CENTRES.map(() => 0);
  for (const p of parts) {
    const g = p.powerGain ?? 1;
    p.bands.forEach((v, i) => {
      out[i] = (out[i] as number) + v * g;
    });
  }
  return out;
}

/**
 * Largest band change from `a` to `b`, dB, in the bands heard (within HEARD_BELOW_DB of the loudest band of
 * either); `matched` takes the loudness difference out first (what a level-matched A/B leaves).
 */
export function largestBandChangeDb(a: readonly number[], b: readonly number[], matched: boolean): Decibels {
  const loudest = Math.max(...a, ...b);
  if (!(loudest > 0)) return 0;
  const floor = loudest * 10 ** (-HEARD_BELOW_DB / 10);
  const offset = matched ? 10 * Math.log10(weightedPower(b) / weightedPower(a)) : 0;
  let largest = 0;
  a.forEach((pa, i) => {
    const pb = b[i] as number;
    if (Math.max(pa, pb) < floor || pa <= 0 || pb <= 0) return;
    largest = Math.max(largest, Math.abs(10 * Math.log10(pb / pa) - offset));
  });
  return largest;
}

/** Power gain per ANALYSIS_CENTRES band of one peaking band (the strip's EQ maths, at 48 kHz). */
export function peakingPowerGains(frequency: Hz, gainDb: Decibels, q: number): number[] {
  const c = biquadCoefficients('peaking', frequency, q, gainDb, 48000);
  return ANALYSIS_CENTRES.map((f) => 10 ** (biquadMagnitudeDb(c, exactCentre(f), 48000) / 10));
}

/** Level of band `hz` (its nearest analysed centre) below the loudest band of `bands`, dB (≤ 0). */
export function bandBelowLoudestDb(bands: readonly number[], hz: Hz): Decibels {
  let index = 0;
  ANALYSIS_CENTRES.forEach((f, i) => {
    if (Math.abs(Math.log(f / hz)) < Math.abs(Math.log((ANALYSIS_CENTRES[index] as number) / hz))) index = i;
  });
  const loudest = Math.max(...bands);
  const p = bands[index] as number;
  return p > 0 && loudest > 0 ? 10 * Math.log10(p / loudest) : Number.NEGATIVE_INFINITY;
}

/** Level of the octave band around `hz` (three third-octaves summed) below the loudest octave, dB (≤ 0). */
export function octaveBelowLoudestDb(bands: readonly number[], hz: Hz): Decibels {
  const octave = (i: number) => (bands[i - 1] ?? 0) + (bands[i] ?? 0) + (bands[i + 1] ?? 0);
  let index = 0;
  ANALYSIS_CENTRES.forEach((f, i) => {
    if (Math.abs(Math.log(f / hz)) < Math.abs(Math.log((ANALYSIS_CENTRES[index] as number) / hz))) index = i;
  });
  const loudest = Math.max(...bands.map((_, i) => octave(i)));
  const p = octave(index);
  return p > 0 && loudest > 0 ? 10 * Math.log10(p / loudest) : Number.NEGATIVE_INFINITY;
}

/** Share of `notes` (beats, sorted) after whose end the part stays silent for at least `gapBeats` (room for a tail). */
export function roomAfterShare(
  notes: readonly (readonly [number, number])[],
  gapBeats: number,
  loopBeats: number,
): number {
  if (notes.length === 0) return 0;
  let roomy = 0;
  for (const [, end] of notes) {
    const wrapEnd = end + gapBeats;
    const busy = notes.some(([s, e]) => {
      for (const shift of [0, loopBeats]) if (s + shift < wrapEnd && e + shift > end + 1e-6) return true;
      return false;
    });
    if (!busy) roomy++;
  }
  return roomy / notes.length;
}

/**
 * Share of `notes`' onsets whose echo `delayBeats` later lands where the part is silent (no note sounding and
 * no onset within a 32nd note of it), in a loop of `loopBeats`.
 */
export function freeEchoShare(
  notes: readonly (readonly [number, number])[],
  delayBeats: number,
  loopBeats: number,
): number {
  const onsets = [...new Set(notes.map(([s]) => Math.round(s * 1000) / 1000))];
  if (onsets.length === 0) return 0;
  const margin = 0.125;
  let free = 0;
  for (const t of onsets) {
    const echo = (t + delayBeats) % loopBeats;
    const masked = notes.some(([s, e]) =>
      [0, loopBeats, -loopBeats].some((shift) => s + shift - margin < echo && e + shift > echo),
    );
    if (!masked) free++;
  }
  return free / onsets.length;
}
