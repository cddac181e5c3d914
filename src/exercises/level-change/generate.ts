/** What changed level? Seeded questions per level, and at a given size of change for adaptive mode. */
import { createRng } from '../../dsp/random';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { pickTracks } from '../shared/tracks';
import { type LevelChangeQuestion, meta } from './meta';

function build(seed: number, level: number, sizeDb: number | null): LevelChangeQuestion {
  const p = levelSpec(meta, level).params;
  const rng = createRng(seed);
  const tracks = pickTracks(rng, p.tracks);
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
    source: generateSongSource(rng.fork('source')),
  };
  if (sizeDb !== null) question.adaptiveValue = sizeDb;
  return question;
}

/** A question for (seed, level): deterministic, plain JSON. */
export function generate(seed: number, level: number): LevelChangeQuestion {
  return build(seed, clampLevel(meta, level), null);
}

/** Adaptive mode: a change of `valueDb` (clamped to 0.5 … 12 dB) on the base level; the amount is not asked. */
export function generateAt(seed: number, valueDb: number): LevelChangeQuestion {
  const mv = meta.mainVariable!;
  return build(seed, mv.baseLevel, roundTo(clampValue(valueDb, mv.min, mv.max), 0.01));
}
