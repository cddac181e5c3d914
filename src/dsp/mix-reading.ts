/**
 * What a meter bridge shows of a rendered stereo mix, in one pass: integrated loudness (BS.1770), a
 * third-octave spectrum and the stereo picture (width and left/right correlation). Pure; the review of a
 * graded mix reads the reference and the learner's mix with it, off the main thread.
 */
import { bandLevels, exactCentre, THIRD_OCTAVE_CENTRES } from './bands';
import { integratedLoudness } from './loudness';
import { measureCorrelation } from './measure';
import type { Decibels, Hz, Lufs, SampleRate } from './units';

/** A share in percent. */
export type Percent = number;

/** The readings of one mix. */
export interface MixReading {
  /** Integrated loudness, LUFS (−Infinity when silent). */
  lufs: Lufs;
  /** Nominal third-octave centres measured (those below the Nyquist frequency). */
  centresHz: Hz[];
  /** Mean-square level per band (a full-scale sine in its band reads −3 dB); −Infinity when empty. */
  bandsDb: Decibels[];
  /**
   * Stereo width: the side signal's level against the middle's, 100 × rms(L − R) / rms(L + R). 0 % is mono,
   * 100 % two unrelated channels, above 100 % more difference than sum (out of phase).
   */
  widthPercent: Percent;
  /** Left/right correlation: +1 mono, 0 unrelated, −1 one side inverted. */
  correlation: number;
}

/** Lowest band a reading shows: below it a short excerpt holds too few cycles to read. */
export const READING_LOWEST_HZ: Hz = 31.5;

function rms(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) ** 2;
  return x.length > 0 ? Math.sqrt(s / x.length) : 0;
}

/**
 * Reads a mix given as one or two channels at `sampleRate` (one channel counts as the same signal on both
 * sides). Throws on an empty or mismatched input.
 */
export function readMix(channels: readonly Float32Array[], sampleRate: SampleRate): MixReading {
  const left = channels[0];
  if (!left || left.length === 0) throw new Error('There is no audio to measure.');
  const right = channels[1] ?? left;
  if (right.length !== left.length) throw new Error('The two channels of a mix must be the same length.');
  if (!(sampleRate > 0)) throw new Error(`A sample rate must be above 0 (got ${sampleRate}).`);
  const nyquist = sampleRate / 2;
  const centresHz = THIRD_OCTAVE_CENTRES.filter(
    (c) => c >= READING_LOWEST_HZ && exactCentre(c) * 2 ** (1 / 6) < nyquist,
  );
  const mid = new Float32Array(left.length);
  const side = new Float32Array(left.length);
  for (let i = 0; i < left.length; i++) {
    const l = left[i] as number;
    const r = right[i] as number;
    mid[i] = 0.5 * (l + r);
    side[i] = 0.5 * (l - r);
  }
  // The spectrum of what both speakers play together: the mean of the two channels' band powers.
  const bl = bandLevels(left, sampleRate, centresHz.map(exactCentre));
  const br = right === left ? bl : bandLevels(right, sampleRate, centresHz.map(exactCentre));
  const bandsDb = bl.map((l, i) => {
    const p = (10 ** (l / 10) + 10 ** ((br[i] as number) / 10)) / 2;
    return p > 0 ? 10 * Math.log10(p) : Number.NEGATIVE_INFINITY;
  });
  const m = rms(mid);
  const s = rms(side);
  return {
    lufs: integratedLoudness(channels[1] ? [left, right] : [left, left], sampleRate),
    centresHz,
    bandsDb,
    widthPercent: m > 0 ? (100 * s) / m : s > 0 ? Number.POSITIVE_INFINITY : 0,
    correlation: right === left ? 1 : measureCorrelation(left, right),
  };
}

/** Where two readings' spectra differ most once their loudness is matched. */
export interface SpectrumDifference {
  /** Nominal centre of the band. */
  centreHz: Hz;
  /** `b` minus `a` in that band after the loudness difference is taken out, dB. */
  differenceDb: Decibels;
}

/**
 * The band where `b` differs most from `a` at equal loudness (b's bands shifted by a.lufs − b.lufs), among
 * bands within 40 dB of either reading's loudest; null when the readings share no such band.
 */
export function largestSpectrumDifference(a: MixReading, b: MixReading): SpectrumDifference | null {
  const shift = Number.isFinite(a.lufs) && Number.isFinite(b.lufs) ? a.lufs - b.lufs : 0;
  const maxA = Math.max(...a.bandsDb);
  const maxB = Math.max(...b.bandsDb);
  let best: SpectrumDifference | null = null;
  a.centresHz.forEach((centreHz, i) => {
    const x = a.bandsDb[i] as number;
    const k = b.centresHz.indexOf(centreHz);
    const y = k >= 0 ? (b.bandsDb[k] as number) + shift : Number.NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < maxA - 40 && y - shift < maxB - 40) return;
    const d = y - x;
    if (!best || Math.abs(d) > Math.abs(best.differenceDb)) best = { centreHz, differenceDb: d };
  });
  return best;
}
