/** Which is louder? Seeded questions per level, and at a given level difference for adaptive mode. */
import type { Rng } from '../../dsp/random';
import { type Audibility, drawAudible, inaudible, JND_DB, KEEP_SHARE } from '../shared/audibility';
import { type ImportedSongSummary, importedLoopPick, loopOf } from '../shared/imported-song';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { type LoudnessLevel, type LoudnessQuestion, meta } from './meta';

function build(
  rng: Rng,
  seed: number,
  level: number,
  p: LoudnessLevel,
  adaptiveValue?: number,
  song?: ImportedSongSummary,
): LoudnessQuestion {
  const differenceDb = adaptiveValue ?? rng.pick(p.differencesDb);
  const question: LoudnessQuestion = {
    kind: 'loudness',
    seed,
    level,
    source: song
      ? importedLoopPick(rng.fork('loop'), song).source
      : p.source === 'pink'
        ? { type: 'pink' }
        : generateSongSource(rng.fork('source')),
    louderSide: rng.chance(0.5) ? 'A' : 'B',
    differenceDb,
    askAmount: p.askAmount,
    amountsDb: p.askAmount ? [...p.differencesDb] : [],
  };
  if (adaptiveValue !== undefined) question.adaptiveValue = adaptiveValue;
  return question;
}

/**
 * The planted difference: a level change moves every band of the programme by the same amount, so it is the
 * difference itself, which must reach the level step a listener hears (JND_DB) on fixed levels and half the
 * asked value in adaptive mode (which must go below the threshold to find it).
 */
export function audibility(q: LoudnessQuestion): Audibility {
  if (!(q.differenceDb > 0)) return inaudible('no level difference');
  const required = q.adaptiveValue === undefined ? JND_DB : KEEP_SHARE * q.differenceDb;
  return { planted: q.differenceDb, required };
}

/** A question for (seed, level): deterministic, plain JSON, audible. */
export function generate(seed: number, level: number): LoudnessQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl, levelSpec(meta, lvl).params), audibility);
}

/** Adaptive mode: a "which is louder?" question on the base level at `valueDb` (clamped, 0.05 dB steps). */
export function generateAt(seed: number, valueDb: number): LoudnessQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.05);
  const p = levelSpec(meta, mv.baseLevel).params;
  return drawAudible(seed, (rng) => build(rng, seed, mv.baseLevel, p, value), audibility);
}

/**
 * On an imported song every level plays the song (a loop in its body, where the programme is loudest): the
 * planted difference is the level difference as on a generated song, and the loop must be one of the song's.
 */
export function importedAudibility(q: LoudnessQuestion, song: ImportedSongSummary): Audibility {
  if (q.source.type !== 'imported-song' || !loopOf(song, q.source))
    return inaudible('not a loop of this song');
  return audibility(q);
}

/** A question on an imported song (read from its summary): deterministic, plain JSON, audible. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): LoudnessQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, p, undefined, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: "which is louder?" at `valueDb` (clamped). */
export function generateImportedAt(
  seed: number,
  valueDb: number,
  song: ImportedSongSummary,
): LoudnessQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.05);
  const p = levelSpec(meta, mv.baseLevel).params;
  return drawAudible(
    seed,
    (rng) => build(rng, seed, mv.baseLevel, p, value, song),
    (q) => importedAudibility(q, song),
  );
}
