/** Balance the faders: seeded reference and scrambled start per level. */
import { createRng } from '../../dsp/random';
import { clampLevel, levelSpec } from '../shared/levels';
import { MIN_START_JNDS } from '../shared/match-score';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { pickTracks } from '../shared/tracks';
import { balanceError } from './balance';
import { JND_DB } from './check';
import { type FaderBalanceQuestion, meta } from './meta';

/**
 * A question for (seed, level): deterministic, plain JSON. The faders start at the rough mix (every part at
 * its normalised level, offset 0) and the reference is a balance of its own, each fader up to ±scrambleDb
 * away, whose balance error from the start is at least MIN_START_JNDS just-noticeable amounts (4 dB) and a
 * third of the scramble. So the untouched faders, or faders reset to 0, score nothing.
 */
export function generate(seed: number, level: number): FaderBalanceQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const tracks = pickTracks(rng, rng.int(p.tracks[0], p.tracks[1]));
  const startDb = tracks.map(() => 0);
  const least = Math.max(MIN_START_JNDS * JND_DB, p.scrambleDb / 3);
  let referenceDb = startDb;
  for (let attempt = 0; attempt < 500; attempt++) {
    referenceDb = tracks.map(() => roundTo(rng.range(-p.scrambleDb, p.scrambleDb), 0.5));
    if (balanceError(startDb, referenceDb).errorDb >= least) break;
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
