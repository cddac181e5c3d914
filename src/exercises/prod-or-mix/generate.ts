/** Production or mixing? Seeded questions per level: half production changes, half mixing changes. */
import { createRng } from '../../dsp/random';
import { clampLevel, levelSpec } from '../shared/levels';
import { generateSongSource } from '../shared/sources';
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

/** A question for (seed, level): deterministic, plain JSON. */
export function generate(seed: number, level: number): ProdOrMixQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
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
  return { ...common, change, versionA: base, versionB: base, ...move };
}
