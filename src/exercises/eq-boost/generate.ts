/** Spot the EQ boost: seeded questions per level, and at a given boost size for adaptive mode. */
import { OCTAVE_CENTRES, THIRD_OCTAVE_CENTRES } from '../../dsp/bands';
import { createRng } from '../../dsp/random';
import type { Hz } from '../../dsp/units';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { type EqBoostLevel, type EqBoostQuestion, type EqResolution, meta } from './meta';

/** The full band list a resolution indexes into (ISO 266 nominal centres). */
export function bandList(resolution: EqResolution): readonly Hz[] {
  return resolution === 'octave' ? OCTAVE_CENTRES : THIRD_OCTAVE_CENTRES;
}

function build(seed: number, level: number, p: EqBoostLevel, adaptiveValue?: number): EqBoostQuestion {
  const rng = createRng(seed);
  const list = bandList(p.resolution);
  const span = p.spacing * (p.choices - 1);
  const start = rng.int(p.lowestIndex, Math.max(p.lowestIndex, p.highestIndex - span));
  const bandsHz = Array.from({ length: p.choices }, (_, k) => list[start + k * p.spacing] as Hz);
  const targetHz = rng.pick(bandsHz);
  const [low, high] = p.gainDb;
  const size = low === high ? low : roundTo(rng.range(low, high), 0.5);
  const direction = p.cuts && rng.chance(0.5) ? 'cut' : 'boost';
  const question: EqBoostQuestion = {
    kind: 'eq-boost',
    seed,
    level,
    bandsHz,
    resolution: p.resolution,
    targetHz,
    direction,
    askDirection: p.cuts,
    gainDb: direction === 'cut' ? -size : size,
    q: p.q,
    source: p.source === 'pink' ? { type: 'pink' } : generateSongSource(rng.fork('source')),
  };
  if (adaptiveValue !== undefined) question.adaptiveValue = adaptiveValue;
  return question;
}

/** A question for (seed, level): deterministic, plain JSON. */
export function generate(seed: number, level: number): EqBoostQuestion {
  const lvl = clampLevel(meta, level);
  return build(seed, lvl, levelSpec(meta, lvl).params);
}

/** Adaptive mode: a question on the base level with a boost of `valueDb` (clamped to 0.5 … 18 dB). */
export function generateAt(seed: number, valueDb: number): EqBoostQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.01);
  return build(
    seed,
    mv.baseLevel,
    { ...levelSpec(meta, mv.baseLevel).params, gainDb: [value, value] },
    value,
  );
}
