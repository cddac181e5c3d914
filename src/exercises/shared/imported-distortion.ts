/**
 * Saturation on an imported track, from its summary. At import each segment's samples (and the loop head
 * starting there) are counted in bins of |x| below their own peak (AMPLITUDE_EDGES_DB). The distortion of a
 * memoryless odd curve depends only on how often each amplitude occurs, so a question predicts it
 * (predictedDistortionsDb) as saturation's distortionDb does on the samples — the energy the curve adds after
 * the best gain match, over the clean energy — with every sample at its bin's middle and the loop's peak put at
 * `peakInDb` first. Pure.
 */
import { dbToGain } from '../../dsp/db';
import { saturationCurve } from '../../dsp/saturation';
import type { Decibels, SampleRate, Seconds } from '../../dsp/units';
import { loopHead, loopPeakDb, PEAK_FLOOR_DB } from './imported-reduction';
import {
  AMPLITUDE_BINS,
  AMPLITUDE_EDGES_DB,
  type ImportedLoop,
  type ImportedTrackSummary,
} from './imported-song';

/** The bin of a sample `belowDb` under the peak (AMPLITUDE_BINS when below the last edge). */
function binOf(belowDb: number): number {
  if (belowDb < 12) return Math.max(0, Math.floor(belowDb * 2));
  return Math.min(AMPLITUDE_BINS, 24 + Math.floor(belowDb - 12));
}

/** Middle of bin `b`, dB below the peak. */
function middleOf(b: number): Decibels {
  const upper = b === 0 ? 0 : (AMPLITUDE_EDGES_DB[b - 1] as number);
  return (upper + (AMPLITUDE_EDGES_DB[b] as number)) / 2;
}

/** How many of `x` fall in each bin below their own peak (all zero when silent). */
export function countAmplitudes(x: Float32Array): number[] {
  const counts = new Array<number>(AMPLITUDE_BINS).fill(0);
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  if (peak === 0) return counts;
  for (const v of x) {
    const a = Math.abs(v) / peak;
    if (a <= 0) continue;
    const bin = binOf(-20 * Math.log10(a));
    if (bin < AMPLITUDE_BINS) counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

/** Per `segmentS` segment, its amplitude counts, and those of the head of the `loopSegments` loop starting there. */
export function amplitudeCounts(
  x: Float32Array,
  sampleRate: SampleRate,
  segmentS: Seconds,
  segments: number,
  loopSegments: number,
): { amplitudeCounts: number[][]; headAmplitudeCounts: number[][] } {
  const per = Math.round(segmentS * sampleRate);
  const counts: number[][] = [];
  const heads: number[][] = [];
  for (let s = 0; s < segments; s++) {
    counts.push(countAmplitudes(x.subarray(Math.min(x.length, s * per), Math.min(x.length, (s + 1) * per))));
    const hasLoop = s + loopSegments <= segments;
    heads.push(
      countAmplitudes(hasLoop ? loopHead(x, s * per, loopSegments * per, sampleRate) : new Float32Array(0)),
    );
  }
  return { amplitudeCounts: counts, headAmplitudeCounts: heads };
}

/**
 * The distortion (dB against the signal) saturation's curve at each drive adds to the track over the loop (its
 * segments and crossfaded head), its peak set to `peakInDb` first (−Infinity when nothing distorts), to 0.1 dB.
 */
export function predictedDistortionsDb(
  track: ImportedTrackSummary,
  loop: ImportedLoop,
  drivesDb: readonly Decibels[],
  peakInDb: Decibels,
): number[] {
  const peak = loopPeakDb(track, loop);
  const levels: [number, number][] = [];
  const add = (ownPeak: number, counts: readonly number[] | undefined) => {
    if (ownPeak <= PEAK_FLOOR_DB) return;
    (counts ?? []).forEach((n, b) => {
      if (n > 0) levels.push([dbToGain(peakInDb + ownPeak - peak - middleOf(b)), n]);
    });
  };
  for (let s = loop.firstSegment; s < loop.firstSegment + loop.segments; s++)
    add(track.peaksDb[s] as number, track.amplitudeCounts[s]);
  add(track.headPeaksDb[loop.firstSegment] as number, track.headAmplitudeCounts[loop.firstSegment]);
  return drivesDb.map((drive) => {
    const g = dbToGain(drive);
    let cc = 0;
    let cs = 0;
    let ss = 0;
    for (const [a, n] of levels) {
      const y = saturationCurve(a, g);
      cc += n * a * a;
      cs += n * a * y;
      ss += n * y * y;
    }
    if (cc === 0) return Number.NEGATIVE_INFINITY;
    const k = cs / cc;
    const residual = Math.max(0, ss - (cs * cs) / cc);
    return residual > 0
      ? Math.round(10 * Math.log10(residual / (k * k * cc)) * 10) / 10
      : Number.NEGATIVE_INFINITY;
  });
}
