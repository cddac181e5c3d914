/**
 * The loops of an imported song comp-match can use, chosen and measured at import (summary version 3): per
 * track, up to COMP_LOOPS loops of the song's body where the part plays in ACTIVE_SHARE of the windows or
 * more (most active first, then loudest; loops that share no segment first), each with the peak envelope of
 * the loop exactly as the player makes it (its head crossfaded from what follows its end). Pure.
 */
import type { SampleRate } from '../../dsp/units';
import { ACTIVE_SHARE } from '../shared/audibility';
import { loopHead } from '../shared/imported-reduction';
import {
  bodyLoops,
  COMP_LOOPS,
  type CompLoop,
  type ImportedLoop,
  type ImportedSongSummary,
  type ImportedTrackSummary,
  loopActivity,
  SEGMENT_S,
  WINDOW_S,
} from '../shared/imported-song';
import { encodePeakEnvelope } from './stem-envelope';

/** A track's mean level over a loop's windows (power mean), dB. */
function loopLevelDb(track: ImportedTrackSummary, loop: ImportedLoop): number {
  const per = Math.round(SEGMENT_S / WINDOW_S);
  let sum = 0;
  for (let w = loop.firstSegment * per; w < (loop.firstSegment + loop.segments) * per; w++)
    sum += 10 ** ((track.levelsDb[w] ?? -200) / 10);
  return 10 * Math.log10(sum / (loop.segments * per) + 1e-30);
}

const overlaps = (a: ImportedLoop, b: ImportedLoop) =>
  a.firstSegment < b.firstSegment + b.segments && b.firstSegment < a.firstSegment + a.segments;

/**
 * Per track key, the loops comp-match keeps for it: body loops where it plays in ACTIVE_SHARE or more of the
 * windows, most active first, then loudest, then earliest; loops overlapping one already kept only to fill.
 * Reads only the summary's levels and spectra, so it is the same before and after the envelopes are added.
 */
export function compLoopPlan(summary: ImportedSongSummary): Map<string, ImportedLoop[]> {
  const body = bodyLoops(summary);
  const plan = new Map<string, ImportedLoop[]>();
  for (const t of summary.tracks) {
    const ranked = body
      .map((loop) => ({ loop, activity: loopActivity(t, loop), level: loopLevelDb(t, loop) }))
      .filter((r) => r.activity >= ACTIVE_SHARE)
      .sort(
        (a, b) => b.activity - a.activity || b.level - a.level || a.loop.firstSegment - b.loop.firstSegment,
      )
      .map((r) => r.loop);
    const kept: ImportedLoop[] = [];
    for (const loop of ranked)
      if (kept.length < COMP_LOOPS && !kept.some((k) => overlaps(k, loop))) kept.push(loop);
    for (const loop of ranked) if (kept.length < COMP_LOOPS && !kept.includes(loop)) kept.push(loop);
    plan.set(t.key, kept);
  }
  return plan;
}

/** The loop of a track's mono sum as the player makes it: its samples, the head crossfaded (zeros past the end). */
export function playedLoop(x: Float32Array, sampleRate: SampleRate, loop: ImportedLoop): Float32Array {
  const per = Math.round(SEGMENT_S * sampleRate);
  const start = loop.firstSegment * per;
  const length = loop.segments * per;
  const out = new Float32Array(length);
  out.set(x.subarray(Math.min(x.length, start), Math.min(x.length, start + length)));
  out.set(loopHead(x, start, length, sampleRate).subarray(0, length));
  return out;
}

/** The envelopes of a track's planned loops, from its mono sum. */
export function measureCompLoops(
  x: Float32Array,
  sampleRate: SampleRate,
  loops: readonly ImportedLoop[],
): CompLoop[] {
  return loops.map((loop) => ({
    firstSegment: loop.firstSegment,
    envelope: encodePeakEnvelope([playedLoop(x, sampleRate, loop)], sampleRate),
  }));
}
