/** Where is it panned? Seeded questions per level, and at a given spacing of positions for adaptive mode. */
import { createRng, type Rng } from '../../dsp/random';
import type { Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { ADAPTIVE_POSITIONS, meta, type PanPositionQuestion } from './meta';

/** Tracks that make good panning targets (sustained or busy, clearly located). */
const PAN_TRACKS: readonly TrackId[] = ['hats', 'perc', 'chords', 'keys', 'lead', 'vocal'];

/** `count` evenly spaced positions from −1 to 1 (count ≥ 2), rounded to 1e-6. */
export function panPositions(count: number): Pan[] {
  return Array.from({ length: count }, (_, i) => Math.round((-1 + (2 * i) / (count - 1)) * 1e6) / 1e6);
}

/**
 * The adaptive positions: seven neighbours on a grid centred on the middle, `spacingPct` % of the stereo width
 * apart (the width is hard left to hard right, 2 in pan units; the spacing is capped so seven fit), placed
 * at random inside hard left … hard right. Returns the positions (ascending, rounded to 1e-6).
 */
export function adaptivePositions(spacingPct: number, rng: Rng): Pan[] {
  const step = Math.min((2 * spacingPct) / 100, 2 / (ADAPTIVE_POSITIONS - 1));
  const reach = Math.floor(1 / step + 1e-9);
  const first = rng.int(-reach, reach - (ADAPTIVE_POSITIONS - 1));
  return Array.from({ length: ADAPTIVE_POSITIONS }, (_, i) => Math.round((first + i) * step * 1e6) / 1e6 + 0);
}

function build(
  seed: number,
  level: number,
  positions: number | { spacingPct: number },
  inMix: boolean,
): PanPositionQuestion {
  const rng = createRng(seed);
  const positionsPan =
    typeof positions === 'number'
      ? panPositions(positions)
      : adaptivePositions(positions.spacingPct, rng.fork('positions'));
  const targetIndex = rng.int(0, positionsPan.length - 1);
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

/**
 * Adaptive mode: seven neighbouring positions `spacingPct` % of the stereo width apart (clamped to the main
 * variable's range, rounded to 0.01), with the base level's setting (in the mix).
 */
export function generateAt(seed: number, spacingPct: number): PanPositionQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(spacingPct, mv.min, mv.max), 0.01);
  const question = build(
    seed,
    mv.baseLevel,
    { spacingPct: value },
    levelSpec(meta, mv.baseLevel).params.inMix,
  );
  question.adaptiveValue = value;
  return question;
}
