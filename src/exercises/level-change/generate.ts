/** What changed level? Seeded questions per level, and at a given size of change for adaptive mode. */
import type { Rng } from '../../dsp/random';
import {
  ACTIVE_SHARE,
  type Audibility,
  drawAudible,
  inaudible,
  JND_DB,
  KEEP_SHARE,
  largestBandChangeDb,
  sumBands,
} from '../shared/audibility';
import {
  type ImportedSongSummary,
  importedLoopAnalysis,
  importedLoopPick,
  loopOf,
  pickImportedTracks,
} from '../shared/imported-song';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { roundTo } from '../shared/scoring';
import { analyseSongLoop, type SongAnalysis, trackProfile } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import { pickTracks } from '../shared/tracks';
import { type LevelChangeQuestion, meta } from './meta';

/**
 * One question: on Headroom's song (`song` absent) up to the level's count of its parts; on an imported song
 * the loop where at least two parts play, and up to that many of its parts that play there.
 */
function build(
  rng: Rng,
  seed: number,
  level: number,
  sizeDb: number | null,
  song?: ImportedSongSummary,
): LevelChangeQuestion {
  const p = levelSpec(meta, level).params;
  // Forks do not move `rng`, so the source may be drawn first on both paths.
  const imported = song ? importedLoopPick(rng.fork('loop'), song, 2) : null;
  const tracks = imported ? pickImportedTracks(rng, p.tracks, imported.pool) : pickTracks(rng, p.tracks);
  const changedIndex = rng.int(0, tracks.length - 1);
  const up = rng.chance(0.5);
  const amounts = [...p.amountsDb];
  const size = sizeDb ?? rng.pick(amounts);
  const question: LevelChangeQuestion = {
    kind: 'level-change',
    seed,
    level,
    tracks,
    changedIndex,
    changeDb: up ? size : -size,
    askAmount: sizeDb === null,
    amountsDb: sizeDb === null ? amounts : [],
    stepDb: amounts.length > 1 ? (amounts[1] as number) - (amounts[0] as number) : (amounts[0] ?? 1),
    source: imported ? imported.source : generateSongSource(rng.fork('source')),
  };
  if (sizeDb !== null) question.adaptiveValue = sizeDb;
  return question;
}

/**
 * The planted difference: the largest third-octave change of the question's mix when the fader moves (A and B
 * keep their levels), which must keep half the move (at least JND_DB on fixed levels); the moved part must
 * play in three quarters of the loop.
 */
export function audibility(q: LevelChangeQuestion): Audibility {
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  return audibilityOn(q, analyseSongLoop(q.source));
}

/** audibility on an imported song, read from its summary. */
export function importedAudibility(q: LevelChangeQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  return loop ? audibilityOn(q, importedLoopAnalysis(song, loop)) : inaudible('not a loop of this song');
}

function audibilityOn(q: LevelChangeQuestion, analysis: SongAnalysis): Audibility {
  const changed = q.tracks[q.changedIndex]?.id;
  if (!changed) return inaudible('no changed track');
  const size = Math.abs(q.changeDb);
  const required = q.adaptiveValue === undefined ? Math.max(KEEP_SHARE * size, JND_DB) : KEEP_SHARE * size;
  const target = trackProfile(analysis, changed);
  if (target.activity < ACTIVE_SHARE) return inaudible(`the ${changed} plays ${target.activity} of the loop`);
  const parts = q.tracks.map((t) => trackProfile(analysis, t.id));
  const a = sumBands(parts);
  const b = sumBands(
    parts.map((t) => ({ bands: t.bands, powerGain: t.id === changed ? 10 ** (q.changeDb / 10) : 1 })),
  );
  return { planted: largestBandChangeDb(a, b, false), required };
}

/** A question for (seed, level): deterministic, plain JSON, audible (see audibility). */
export function generate(seed: number, level: number): LevelChangeQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl, null), audibility);
}

/** Adaptive mode: a change of `valueDb` (clamped to 0.5 … 12 dB) on the base level; the amount is not asked. */
export function generateAt(seed: number, valueDb: number): LevelChangeQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.01);
  return drawAudible(seed, (rng) => build(rng, seed, mv.baseLevel, value), audibility);
}

/** A question on an imported song (read from its summary): deterministic, plain JSON, audible. */
export function generateImported(
  seed: number,
  level: number,
  song: ImportedSongSummary,
): LevelChangeQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, null, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: a change of `valueDb` (clamped) on the base level. */
export function generateImportedAt(
  seed: number,
  valueDb: number,
  song: ImportedSongSummary,
): LevelChangeQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.01);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, mv.baseLevel, value, song),
    (q) => importedAudibility(q, song),
  );
}
