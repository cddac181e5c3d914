/** Set B to the same loudness: the first draw whose start is far enough from the match (seeded re-draws). */
import { createRng, type Rng } from '../../dsp/random';

/** Draw 0 from createRng(seed), then the forks `redraw-k`, until `ok`; at most 24 re-draws (then the last). */
export function drawMatch<Q>(seed: number, draw: (rng: Rng) => Q, ok: (q: Q) => boolean): Q {
  let q = draw(createRng(seed));
  for (let k = 1; k <= 24 && !ok(q); k++) q = draw(createRng(seed).fork(`redraw-${k}`));
  return q;
}
