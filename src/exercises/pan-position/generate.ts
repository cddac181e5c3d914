/** Where is it panned? Seeded questions per level, and at a given number of positions for adaptive mode. */
import { createRng } from '../../dsp/random';
import type { Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { generateSongSource } from '../shared/sources';
import { meta, type PanPositionQuestion } from './meta';

/** Tracks that make good panning targets (sustained or busy, clearly located). */
const PAN_TRACKS: readonly TrackId[] = ['hats', 'perc', 'chords', 'keys', 'lead', 'vocal'];

/** `count` evenly spaced positions from −1 to 1 (count ≥ 2), rounded to 1e-6. */
export function panPositions(count: number): Pan[] {
  return Array.from({ length: count }, (_, i) => Math.round((-1 + (2 * i) / (count - 1)) * 1e6) / 1e6);
}

/** The nearest odd count in [5, 13] to `value` (adaptive values may be fractional). */
export function positionsFor(value: number): number {
  const mv = meta.mainVariable!;
  const v = clampValue(value, mv.min, mv.max);
  return Math.min(mv.max, Math.max(mv.min, 2 * Math.round((v - 1) / 2) + 1));
}

function build(seed: number, level: number, positions: number, inMix: boolean): PanPositionQuestion {
  const rng = createRng(seed);
  const positionsPan = panPositions(positions);
  const targetIndex = rng.int(0, positions - 1);
  const track = rng.pick(PAN_TRACKS);
  return {
    kind: 'pan-position',
    seed,
    level,
    positionsPan,
    targetIndex,
    inMix,
    source: { ...generateSongSource(rng.fork('source')), track },
  };
}

/** A question for (seed, level): deterministic, plain JSON. */
export function generate(seed: number, level: number): PanPositionQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  return build(seed, lvl, p.positions, p.inMix);
}

/** Adaptive mode: `value` positions (rounded to an odd count in 5 … 13) with the base level's setting. */
export function generateAt(seed: number, value: number): PanPositionQuestion {
  const mv = meta.mainVariable!;
  const positions = positionsFor(value);
  const question = build(seed, mv.baseLevel, positions, levelSpec(meta, mv.baseLevel).params.inMix);
  question.adaptiveValue = positions;
  return question;
}
