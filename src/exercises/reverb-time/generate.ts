/** How long is the reverb? Seeded questions per level. */
import { createRng } from '../../dsp/random';
import type { TrackId } from '../../production/types';
import { clampLevel, levelSpec } from '../shared/levels';
import { generateSongSource } from '../shared/sources';
import { meta, type ReverbTimeQuestion } from './meta';

/** Sparse, dry parts whose tails are easy to hear. */
const REVERB_TRACKS: readonly TrackId[] = ['snare', 'keys', 'lead', 'vocal'];
/** Pre-delay used when it is not asked, ms. */
const DEFAULT_PRE_DELAY_MS = 10;

/** A question for (seed, level): deterministic, plain JSON. */
export function generate(seed: number, level: number): ReverbTimeQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const decayS = rng.pick(p.decaysS);
  const askPreDelay = p.preDelaysMs.length > 0;
  const preDelayMs = askPreDelay ? rng.pick(p.preDelaysMs) : DEFAULT_PRE_DELAY_MS;
  const track = rng.pick(REVERB_TRACKS);
  return {
    kind: 'reverb-time',
    seed,
    level: lvl,
    decayChoicesS: [...p.decaysS],
    preDelayChoicesMs: [...p.preDelaysMs],
    askPreDelay,
    reverb: { decayS, preDelayMs, damping: 0.4, stereoWidth: 1, seed: rng.int(1, 999_999) },
    sendDb: -6,
    source: { ...generateSongSource(rng.fork('source')), track },
  };
}
