/**
 * Compression on an imported track, from its summary. At import (measureReductions) the REDUCTION_SHAPE
 * compressor runs through the track's mono sum once per REDUCTION_BELOW_PEAK_DB, its threshold that far below
 * each segment's own sample peak (the detector carried on from segment to segment), and keeps each segment's
 * largest gain reduction. A question (predictedReductionDb) sets its threshold below the loop's peak, as the
 * player does; in each segment of the loop that is a threshold some dB below the segment's peak, whose
 * reduction is read off the measured curve (linear between the measured points), and the loop's is the
 * largest, the loop's crossfaded head (measureLoopHeads) included. Pure.
 */
import { createCompressorState, processCompressorBlock } from '../../dsp/compressor';
import type { Decibels, SampleRate, Seconds } from '../../dsp/units';
import {
  type ImportedLoop,
  type ImportedTrackSummary,
  REDUCTION_BELOW_PEAK_DB,
  REDUCTION_SHAPE,
  SILENT_DB,
} from './imported-song';

/** Floor of a stored peak, dBFS. */
export const PEAK_FLOOR_DB: Decibels = SILENT_DB - 40;

const tenth = (x: number) => Math.round(x * 10) / 10;

/** Sample peak of each `segmentS` segment of `x`, dBFS in 0.1 dB steps (PEAK_FLOOR_DB when silent). */
export function segmentPeaksDb(
  x: Float32Array,
  sampleRate: SampleRate,
  segmentS: Seconds,
  segments: number,
): number[] {
  const per = Math.round(segmentS * sampleRate);
  return Array.from({ length: segments }, (_, s) => {
    let peak = 0;
    const end = Math.min(x.length, (s + 1) * per);
    for (let i = s * per; i < end; i++) peak = Math.max(peak, Math.abs(x[i] as number));
    return peak > 0 ? Math.max(PEAK_FLOOR_DB, tenth(20 * Math.log10(peak))) : PEAK_FLOOR_DB;
  });
}

/**
 * Per segment, the largest gain reduction of REDUCTION_SHAPE at each REDUCTION_BELOW_PEAK_DB below the
 * segment's peak (`peaksDb`), dB in 0.1 dB steps: one pass through the track per threshold.
 */
export function measureReductions(
  x: Float32Array,
  sampleRate: SampleRate,
  segmentS: Seconds,
  peaksDb: readonly number[],
): number[][] {
  const per = Math.round(segmentS * sampleRate);
  const out = peaksDb.map(() => REDUCTION_BELOW_PEAK_DB.map(() => 0));
  const gain = new Float32Array(per);
  REDUCTION_BELOW_PEAK_DB.forEach((below, k) => {
    const state = createCompressorState();
    peaksDb.forEach((peak, s) => {
      const block = x.subarray(Math.min(x.length, s * per), Math.min(x.length, (s + 1) * per));
      if (block.length === 0 || peak <= PEAK_FLOOR_DB) {
        state.reductionDb = 0;
        return;
      }
      const g = gain.subarray(0, block.length);
      processCompressorBlock(
        state,
        [block],
        sampleRate,
        { ...REDUCTION_SHAPE, thresholdDb: peak - below },
        g,
      );
      let least = 0;
      for (let i = 0; i < g.length; i++) least = Math.min(least, g[i] as number);
      (out[s] as number[])[k] = least < 0 ? tenth(-least) : 0;
    });
  });
  return out;
}

/** Length of the crossfade that closes a played loop, s (LOOP_FADE_S of play-sources.ts). */
export const HEAD_FADE_S: Seconds = 0.01;

/**
 * The head of the loop of `length` samples from `start` as the player makes it (seamlessLoop in
 * play-sources.ts): its first samples crossfade (equal power) from what follows the loop's end into its start.
 * Empty when nothing follows the end.
 */
export function loopHead(
  x: Float32Array,
  start: number,
  length: number,
  sampleRate: SampleRate,
): Float32Array {
  const f = Math.min(Math.round(HEAD_FADE_S * sampleRate), length, Math.max(0, x.length - (start + length)));
  const out = new Float32Array(Math.max(0, f));
  for (let i = 0; i < f; i++) {
    const t = (i + 0.5) / f;
    const tail = x[start + length + i] as number;
    out[i] = (x[start + i] as number) * Math.sin((t * Math.PI) / 2) + tail * Math.cos((t * Math.PI) / 2);
  }
  return out;
}

/**
 * Per segment, the head of the loop of `loopSegments` segments starting there (or none past the song's end):
 * its sample peak (dBFS, 0.1 dB steps) and, from a fresh compressor (the player's first pass), its largest
 * reduction at each REDUCTION_BELOW_PEAK_DB below the segment's peak. The crossfade can peak above both
 * sides (up to 3 dB on a part that repeats exactly), and the player sets its threshold from the loop's peak.
 */
export function measureLoopHeads(
  x: Float32Array,
  sampleRate: SampleRate,
  segmentS: Seconds,
  loopSegments: number,
  peaksDb: readonly number[],
): { headPeaksDb: number[]; headReductionDb: number[][] } {
  const per = Math.round(segmentS * sampleRate);
  const headPeaksDb: number[] = [];
  const headReductionDb: number[][] = [];
  peaksDb.forEach((peak, s) => {
    const head =
      s + loopSegments <= peaksDb.length ? loopHead(x, s * per, loopSegments * per, sampleRate) : null;
    let most = 0;
    for (const v of head ?? []) most = Math.max(most, Math.abs(v));
    headPeaksDb.push(most > 0 ? Math.max(PEAK_FLOOR_DB, tenth(20 * Math.log10(most))) : PEAK_FLOOR_DB);
    const gain = new Float32Array(head?.length ?? 0);
    headReductionDb.push(
      REDUCTION_BELOW_PEAK_DB.map((below) => {
        if (!head || head.length === 0 || peak <= PEAK_FLOOR_DB) return 0;
        processCompressorBlock(
          createCompressorState(),
          [head],
          sampleRate,
          { ...REDUCTION_SHAPE, thresholdDb: peak - below },
          gain,
        );
        let least = 0;
        for (let i = 0; i < gain.length; i++) least = Math.min(least, gain[i] as number);
        return least < 0 ? tenth(-least) : 0;
      }),
    );
  });
  return { headPeaksDb, headReductionDb };
}

/**
 * The loop's sample peak, dBFS: the largest of its segments' and its crossfaded head's (what the player
 * measures on the excerpt).
 */
export function loopPeakDb(track: ImportedTrackSummary, loop: ImportedLoop): Decibels {
  const head = track.headPeaksDb[loop.firstSegment] ?? PEAK_FLOOR_DB;
  return Math.max(head, ...track.peaksDb.slice(loop.firstSegment, loop.firstSegment + loop.segments));
}

/** One segment's measured reduction at `below` dB under its own peak (0 a knee's half-width above it). */
function reductionAt(curve: readonly number[], below: number): Decibels {
  const xs = REDUCTION_BELOW_PEAK_DB;
  const half = REDUCTION_SHAPE.kneeDb / 2;
  if (below <= -half) return 0;
  if (below <= (xs[0] as number)) return ((curve[0] as number) * (below + half)) / ((xs[0] as number) + half);
  for (let k = 1; k < xs.length; k++) {
    const x1 = xs[k] as number;
    if (below <= x1) {
      const x0 = xs[k - 1] as number;
      const y0 = curve[k - 1] as number;
      return y0 + (((curve[k] as number) - y0) * (below - x0)) / (x1 - x0);
    }
  }
  return Number.NaN; // deeper than measured
}

/** Deepest threshold below the loop's peak a question may use, dB (the last one measured). */
export const DEEPEST_BELOW_PEAK_DB: Decibels = REDUCTION_BELOW_PEAK_DB[
  REDUCTION_BELOW_PEAK_DB.length - 1
] as number;

/**
 * The largest gain reduction of REDUCTION_SHAPE with its threshold `belowPeakDb` under the loop's peak, dB
 * (NaN past DEEPEST_BELOW_PEAK_DB).
 */
export function predictedReductionDb(
  track: ImportedTrackSummary,
  loop: ImportedLoop,
  belowPeakDb: Decibels,
): Decibels {
  if (!(belowPeakDb <= DEEPEST_BELOW_PEAK_DB)) return Number.NaN;
  const peak = loopPeakDb(track, loop);
  let most = 0;
  for (let s = loop.firstSegment; s < loop.firstSegment + loop.segments; s++) {
    const segPeak = track.peaksDb[s] as number;
    if (segPeak <= PEAK_FLOOR_DB) continue;
    most = Math.max(most, reductionAt(track.reductionDb[s] as number[], belowPeakDb - (peak - segPeak)));
  }
  // The crossfaded head, measured against its segment's peak.
  const first = track.peaksDb[loop.firstSegment] as number;
  const head = track.headReductionDb[loop.firstSegment];
  if (head && first > PEAK_FLOOR_DB) most = Math.max(most, reductionAt(head, belowPeakDb - (peak - first)));
  return Math.round(most * 100) / 100;
}

/**
 * The threshold below the loop's peak (0.1 dB steps) at which REDUCTION_SHAPE takes `reductionDb` off the
 * loop's peaks, or null when even the deepest measured threshold falls short.
 */
export function importedThresholdBelowPeak(
  track: ImportedTrackSummary,
  loop: ImportedLoop,
  reductionDb: Decibels,
): Decibels | null {
  if (!(predictedReductionDb(track, loop, DEEPEST_BELOW_PEAK_DB) >= reductionDb)) return null;
  let lo = -REDUCTION_SHAPE.kneeDb / 2;
  let hi = DEEPEST_BELOW_PEAK_DB;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (predictedReductionDb(track, loop, mid) < reductionDb) lo = mid;
    else hi = mid;
  }
  return tenth(hi);
}
