/**
 * Match the compressor on an imported song (summary version 3): a part and one of the loops its summary keeps
 * (where it plays most in the song's body), the reference drawn as for a generated stem with its threshold as
 * far below the loop's peak as a generated question's is below a generated solo stem's peak, and the loop's
 * peak envelope carried in the question so `check` scores from the question alone, by the same rule.
 */
import { createRng } from '../../dsp/random';
import type { Decibels } from '../../dsp/units';
import {
  type CompLoop,
  compLoopsProblem,
  type ImportedSongSummary,
  type ImportedTrackSummary,
  importedSource,
  importedTrackId,
  LOOP_SEGMENTS,
  segmentCount,
} from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { askAudibly } from './generate';
import { type CompMatchQuestion, meta } from './meta';
import { envelopePeakDb } from './stem-envelope';

/** The peak a generated solo stem reaches, dBFS: imported thresholds keep the same distance below the loop's. */
export const GENERATED_STEM_PEAK_DB: Decibels = -3;
/** The lowest threshold the knob offers, dBFS: a loop too quiet for MIN_REACH_DB of the drawn thresholds is skipped. */
export const LOWEST_THRESHOLD_DB: Decibels = -60;
/** How wide a loop's range of reference thresholds must be, dB: a quieter loop is skipped. */
const MIN_REACH_DB: Decibels = 18;

interface Candidate {
  track: ImportedTrackSummary;
  loop: CompLoop;
  peakDb: Decibels;
}

/**
 * The reference thresholds on a loop peaking at `peakDb`: the level's range (set for a generated solo stem) as
 * far below this loop's peak, within the knob and leaving the start as much room above as on a generated stem.
 */
export function thresholdRangeOn(
  peakDb: Decibels,
  range: readonly [Decibels, Decibels],
): [Decibels, Decibels] {
  const onLoop = (drawn: Decibels) => Math.round(peakDb + (drawn - GENERATED_STEM_PEAK_DB));
  const top = Math.min(0, onLoop(0));
  // A generated stem's range leaves the knob range[0] + 60 dB below it and −range[1] dB above it.
  return [Math.max(onLoop(range[0]), range[0]), Math.min(onLoop(range[1]), top + range[1])];
}

/** A kept loop's peak, dBFS, or NaN when its envelope's data is damaged. */
function peakOf(loop: CompLoop): Decibels {
  try {
    return envelopePeakDb(loop.envelope);
  } catch {
    return Number.NaN;
  }
}

/** The parts and loops a level can use: kept loops loud enough for every threshold, parts of the level's roles first. */
function candidates(
  song: ImportedSongSummary,
  roles: readonly string[],
  range: readonly [Decibels, Decibels],
): Candidate[] {
  const all = song.tracks.flatMap((track) =>
    (track.compLoops ?? []).map((loop) => ({ track, loop, peakDb: peakOf(loop) })),
  );
  const loud = all.filter((c) => {
    const [low, high] = thresholdRangeOn(c.peakDb, range);
    return high - low >= MIN_REACH_DB;
  });
  const ofRole = loud.filter((c) => roles.includes(c.track.role));
  return ofRole.length > 0 ? ofRole : loud;
}

/** Why this song cannot carry comp-match (plain words), or null when it can. */
export function importedCompMatchProblem(song: ImportedSongSummary): string | null {
  const missing = compLoopsProblem(song);
  if (missing) return missing;
  if (song.tracks.some((t) => (t.compLoops ?? []).some((l) => Number.isNaN(peakOf(l)))))
    return `“${song.name}” cannot be used: its measurements for drills are damaged: import its stems again.`;
  return meta.levels.some((l) => candidates(song, [], l.params.thresholdDb).length > 0)
    ? null
    : `Every part of “${song.name}” that plays through ${LOOP_SEGMENTS * 4} seconds is too quiet for the compressor’s threshold to reach below it.`;
}

/**
 * A question on an imported song, from its summary alone: deterministic, plain JSON. The part, its loop and the
 * reference are drawn once; a start that already sounds like the reference (under MIN_START_JNDS
 * just-noticeable amounts) is drawn again.
 */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): CompMatchQuestion {
  const problem = compLoopsProblem(song);
  if (problem) throw new Error(problem);
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const pool = candidates(song, p.tracks, p.thresholdDb);
  if (pool.length === 0) throw new Error(importedCompMatchProblem(song) ?? 'No part of this song fits.');
  const { track, loop, peakDb } = createRng(seed).fork('stem').pick(pool);
  // Thresholds keep their distance from the loop's peak that a generated question's keep from a generated
  // solo stem's, in whole dB on the knob's scale (a quiet loop draws only those the knob reaches); the start
  // goes no higher than just over the loop's peak.
  const onLoop = (drawn: Decibels) => Math.round(peakDb + (drawn - GENERATED_STEM_PEAK_DB));
  const range = thresholdRangeOn(peakDb, p.thresholdDb);
  const segments = Math.min(LOOP_SEGMENTS, segmentCount(song));
  const stem = {
    ...importedSource(song, { firstSegment: loop.firstSegment, segments }),
    track: importedTrackId(track),
    envelope: loop.envelope,
  };
  return askAudibly(seed, lvl, p, stem, range, onLoop(0));
}
