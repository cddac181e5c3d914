/** Balance the faders: seeded reference and scrambled start per level. */
import { createRng } from '../../dsp/random';
import { clampLevel, levelSpec } from '../shared/levels';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { pickTracks } from '../shared/tracks';
import { balanceError } from './balance';
import { type FaderBalanceQuestion, meta } from './meta';

/** A question for (seed, level): deterministic, plain JSON. The start is always clearly off (E ≥ ⅓ scramble). */
export function generate(seed: number, level: number): FaderBalanceQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const tracks = pickTracks(rng, rng.int(p.tracks[0], p.tracks[1]));
  const referenceDb = tracks.map(() => roundTo(rng.range(-p.flavourDb, p.flavourDb), 0.5));
  let startDb = referenceDb;
  for (let attempt = 0; attempt < 50; attempt++) {
    startDb = referenceDb.map((r) => roundTo(r + rng.range(-p.scrambleDb, p.scrambleDb), 0.5));
    if (balanceError(startDb, referenceDb).errorDb >= p.scrambleDb / 3) break;
  }
  return {
    kind: 'fader-balance',
    seed,
    level: lvl,
    tracks,
    referenceDb,
    startDb,
    source: generateSongSource(rng.fork('source')),
  };
}
