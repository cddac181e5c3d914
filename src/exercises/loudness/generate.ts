/** Which is louder? Seeded questions per level, and at a given level difference for adaptive mode. */
import type { Rng } from '../../dsp/random';
import { type Audibility, drawAudible, inaudible, JND_DB, KEEP_SHARE } from '../shared/audibility';
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
): LoudnessQuestion {
  const differenceDb = adaptiveValue ?? rng.pick(p.differencesDb);
  const question: LoudnessQuestion = {
    kind: 'loudness',
    seed,
    level,
    source: p.source === 'pink' ? { type: 'pink' } : generateSongSource(rng.fork('source')),
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
