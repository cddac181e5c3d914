/** Which delay time? Seeded questions per level. */
import { createRng } from '../../dsp/random';
import type { TrackId } from '../../production/types';
import { clampLevel, levelSpec } from '../shared/levels';
import { generateSongSource, sourceBpm } from '../shared/sources';
import { type DelayTimeQuestion, meta } from './meta';

/** Parts with clear, separated notes, so the echoes are easy to follow. */
const DELAY_TRACKS: readonly TrackId[] = ['snare', 'keys', 'lead', 'vocal'];

/** A question for (seed, level): deterministic, plain JSON. */
export function generate(seed: number, level: number): DelayTimeQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const note = rng.pick(p.notes);
  const track = rng.pick(DELAY_TRACKS);
  const source = { ...generateSongSource(rng.fork('source')), track };
  return {
    kind: 'delay-time',
    seed,
    level: lvl,
    bpm: sourceBpm(source),
    noteChoices: [...p.notes],
    note,
    feedback: 0.35,
    sendDb: -6,
    source,
  };
}
