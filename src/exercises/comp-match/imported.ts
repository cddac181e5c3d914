/**
 * Match the compressor on an imported song (summary version 3): a part and one of the loops its summary keeps
 * (where it plays most in the song's body), the reference drawn as for a generated stem with its threshold as
 * far below the loop's peak as a generated question's is below a generated solo stem's peak, and the loop's
 * peak envelope carried in the question so `check` scores from the question alone, by the same rule.
 */
import { createRng, type Rng } from '../../dsp/random';
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
import { isFarEnough } from '../shared/match-score';
import { createTraceMeter, JND_DB } from './check';
import { drawSettings } from './generate';
import { type CompMatchQuestion, meta } from './meta';
import { envelopePeakDb } from './stem-envelope';

/** The peak a generated solo stem reaches, dBFS: imported thresholds keep the same distance below the loop's. */
export const GENERATED_STEM_PEAK_DB: Decibels = -3;
/** The lowest threshold the knob offers, dBFS: a loop too quiet to reach it with every drawn threshold is skipped. */
export const LOWEST_THRESHOLD_DB: Decibels = -60;
/** Draws before a question whose start still sounds too close is accepted anyway (not reached in tests). */
const MAX_DRAWS = 40;

interface Candidate {
  track: ImportedTrackSummary;
  loop: CompLoop;
  peakDb: Decibels;
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
  deepestBelow: Decibels,
): Candidate[] {
  const all = song.tracks.flatMap((track) =>
    (track.compLoops ?? []).map((loop) => ({ track, loop, peakDb: peakOf(loop) })),
  );
  const loud = all.filter((c) => c.peakDb - deepestBelow >= LOWEST_THRESHOLD_DB);
  const ofRole = loud.filter((c) => roles.includes(c.track.role));
  return ofRole.length > 0 ? ofRole : loud;
}

/** Why this song cannot carry comp-match (plain words), or null when it can. */
export function importedCompMatchProblem(song: ImportedSongSummary): string | null {
  const missing = compLoopsProblem(song);
  if (missing) return missing;
  if (song.tracks.some((t) => (t.compLoops ?? []).some((l) => Number.isNaN(peakOf(l)))))
    return `“${song.name}” cannot be used: its measurements for drills are damaged: import its stems again.`;
  const deepest = GENERATED_STEM_PEAK_DB - Math.min(...meta.levels.map((l) => l.params.thresholdDb[0]));
  return candidates(song, [], deepest).length > 0
    ? null
    : `Every part of “${song.name}” that plays through ${LOOP_SEGMENTS * 4} seconds is too quiet for the compressor’s threshold to reach below it.`;
}

function draw(
  seed: number,
  lvl: number,
  rng: Rng,
  song: ImportedSongSummary,
  pool: readonly Candidate[],
): CompMatchQuestion {
  const p = levelSpec(meta, lvl).params;
  const { track, loop, peakDb } = rng.fork('stem').pick(pool);
  // The reference's threshold and the untouched one (0 dBFS on a generated stem: just above its peak) keep
  // their distance from the loop's peak, in whole dB on the knob's scale.
  const settings = drawSettings(rng, p, (drawn) =>
    Math.min(0, Math.max(LOWEST_THRESHOLD_DB, Math.round(peakDb + (drawn - GENERATED_STEM_PEAK_DB)))),
  );
  const segments = Math.min(LOOP_SEGMENTS, segmentCount(song));
  return {
    kind: 'comp-match',
    seed,
    level: lvl,
    ...settings,
    stem: {
      ...importedSource(song, { firstSegment: loop.firstSegment, segments }),
      track: importedTrackId(track),
      envelope: loop.envelope,
    },
  };
}

/**
 * A question on an imported song, from its summary alone: deterministic, plain JSON. A draw whose untouched
 * compressor already sounds like the reference (under MIN_START_JNDS just-noticeable amounts) is redrawn.
 */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): CompMatchQuestion {
  const problem = compLoopsProblem(song);
  if (problem) throw new Error(problem);
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const pool = candidates(song, p.tracks, GENERATED_STEM_PEAK_DB - p.thresholdDb[0]);
  if (pool.length === 0) throw new Error(importedCompMatchProblem(song) ?? 'No part of this song fits.');
  let q = draw(seed, lvl, createRng(seed), song, pool);
  for (let k = 1; k < MAX_DRAWS && !isFarEnough(createTraceMeter(q)(q.start), JND_DB); k++)
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`), song, pool);
  return q;
}
