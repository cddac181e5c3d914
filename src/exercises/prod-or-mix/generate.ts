/** Production or mixing? Seeded questions per level: half production changes, half mixing changes. */
import type { Rng } from '../../dsp/random';
import { calibrateThresholdBelowPeak } from '../comp-spot/measured-reduction';
import { drawAudible } from '../shared/audibility';
import { clampLevel, levelSpec } from '../shared/levels';
import { analyseSongLoop, trackProfile } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import { audibility } from './audibility';
import {
  CHANGES,
  type ChangeCategory,
  type MixingChange,
  meta,
  type ProdOrMixQuestion,
  type ProductionChange,
} from './meta';
import { mixMove } from './mix-change';
import { productionPair } from './production-change';

/** A question for (seed, level): deterministic, plain JSON, audible (see ./audibility.ts). */
export function generate(seed: number, level: number): ProdOrMixQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl), audibility);
}

function build(rng: Rng, seed: number, lvl: number): ProdOrMixQuestion {
  const p = levelSpec(meta, lvl).params;
  const base = generateSongSource(rng.fork('source'));
  const category: ChangeCategory = rng.chance(0.5) ? 'production' : 'mixing';
  const common = { kind: 'prod-or-mix' as const, seed, level: lvl, category, askChange: p.askChange };
  if (category === 'production') {
    const change = rng.pick(CHANGES.production) as ProductionChange;
    const pair = productionPair(rng.fork('change'), base, change, p.subtle);
    return { ...common, change, mixChange: null, ...pair };
  }
  const change = rng.pick(CHANGES.mixing) as MixingChange;
  const move = mixMove(rng.fork('change'), change, p.subtle);
  const c = move.mixChange;
  if (c.type === 'compression') {
    // The amount the sentence says is the measured peak reduction on this excerpt, not a guess from the peak.
    const said = Number(/about (\d+(?:\.\d+)?) dB/.exec(move.description)?.[1]);
    const samples = trackProfile(analyseSongLoop(base), c.track).samples;
    const thresholdBelowPeakDb = calibrateThresholdBelowPeak(samples, c.compressor, said);
    c.compressor = { ...c.compressor, thresholdBelowPeakDb };
  }
  return { ...common, change, versionA: base, versionB: base, ...move };
}
