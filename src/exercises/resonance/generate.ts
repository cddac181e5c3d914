/** Find and cut a resonance: seeded rings per level. */
import type { Rng } from '../../dsp/random';
import { createRng } from '../../dsp/random';
import { clampLevel, levelSpec } from '../shared/levels';
import { isFarEnough } from '../shared/match-score';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { JND_DB, leftoverDb, resonanceWeights } from './distance';
import { meta, type ResonanceQuestion } from './meta';

/** Where the learner's cut starts when its frequency is free: 1 kHz. */
export const START_HZ = 1000;

/** Draws after which a ring whose start is still too close is kept anyway (never reached in tests). */
const MAX_DRAWS = 20;

function draw(seed: number, level: number, rng: Rng): ResonanceQuestion {
  const p = levelSpec(meta, level).params;
  const [lowHz, highHz] = p.frequencyHz;
  let frequencyHz = Number((lowHz * (highHz / lowHz) ** rng.next()).toPrecision(3));
  // A ring right at the start frequency would leave nothing to sweep: move it at least a third of an octave.
  if (Math.abs(Math.log2(frequencyHz / START_HZ)) < 1 / 3)
    frequencyHz = Number((frequencyHz * 1.6).toPrecision(3));
  const ring = {
    frequencyHz,
    gainDb: roundTo(rng.range(p.gainDb[0], p.gainDb[1]), 0.5),
    q: roundTo(rng.range(p.q[0], p.q[1]), 0.5),
  };
  const depthFree = p.controls.includes('depth');
  return {
    kind: 'resonance',
    seed,
    level,
    ring,
    start: { frequencyHz: START_HZ, gainDb: depthFree ? 0 : -ring.gainDb, q: ring.q },
    controls: [...p.controls],
    source: p.source === 'pink' ? { type: 'pink' } : generateSongSource(rng.fork('source')),
  };
}

/**
 * A question for (seed, level): deterministic, plain JSON. A ring whose untouched cut is less than
 * MIN_START_JNDS just-noticeable amounts from clean (e.g. where the song has little energy) is redrawn.
 */
export function generate(seed: number, level: number): ResonanceQuestion {
  const lvl = clampLevel(meta, level);
  let q = draw(seed, lvl, createRng(seed));
  for (
    let k = 1;
    k < MAX_DRAWS && !isFarEnough(leftoverDb(q.ring, q.start, resonanceWeights(q)), JND_DB);
    k++
  )
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`));
  return q;
}
