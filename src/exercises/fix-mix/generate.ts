/**
 * Fix this mix: the desk as found (B) drawn first, then one to three faults planted by undoing them from B to
 * make the good mix (A = B − fault), per level (pure, seeded). See found-desk.ts for why.
 */
import { createRng } from '../../dsp/random';
import type { TrackId } from '../../production/types';
import { clampLevel, levelSpec } from '../shared/levels';
import { copyTrackMix } from '../shared/mix-spec';
import { generateSongSource } from '../shared/sources';
import { trackRef } from '../shared/tracks';
import { drawFoundDesk } from './found-desk';
import { type FaultName, type FixMixQuestion, meta, type PlantedFault } from './meta';
import { FAULT_DIMENSION, faultFits, plantMixFault } from './mix-faults';
import { plantProductionFault } from './production-fault';

/** A question for (seed, level): deterministic, plain JSON. Every question has at least one fault. */
export function generate(seed: number, level: number): FixMixQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const ids = [...p.tracks];
  const dimensions = [...p.dimensions];
  const offered = p.faults.filter((f) => dimensions.includes(FAULT_DIMENSION[f]));
  const found = drawFoundDesk(rng.fork('desk'), ids, dimensions, offered);
  const base = generateSongSource(rng.fork('source'));
  const count = rng.fork('count').int(p.count[0], p.count[1]);
  const prod = rng.fork('production').chance(p.productionChance)
    ? plantProductionFault(rng.fork('production-fault'), base, ids)
    : null;
  const start = found.desk.map(copyTrackMix);
  const reference = found.desk.map(copyTrackMix);
  // Mixing faults stay off the parts a production fault changes or leaves out.
  const taken = new Set<TrackId>([...(prod?.absentInA ?? []), ...(prod?.swap.tracks ?? [])]);
  const faults: PlantedFault[] = [];
  const pool = rng.fork('faults').shuffle(offered.filter((f) => faultFits(f, ids, found)));
  const plantRng = rng.fork('plant');
  for (const fault of pool) {
    if (faults.length >= count - (prod ? 1 : 0)) break;
    const planted = plantMixFault(plantRng.fork(fault), fault, ids, found, reference, taken);
    if (planted) faults.push(planted);
  }
  if (prod) faults.push(prod.fault);
  if (faults.length === 0) throw new Error(`fix-mix level ${lvl}: no fault fits this desk.`);
  const order: FaultName[] = [...p.faults, 'production'];
  faults.sort((a, b) => order.indexOf(a.fault) - order.indexOf(b.fault));
  const choices: FaultName[] = p.productionChance > 0 ? [...p.faults, 'production'] : [...p.faults];
  return {
    kind: 'fix-mix',
    seed,
    level: lvl,
    tracks: ids.map(trackRef),
    dimensions,
    choices,
    reference,
    start,
    faults,
    source: prod?.source ?? base,
    production: prod?.swap ?? null,
  };
}
