/** Mix to the reference: a song, its reference mix and the desk as the learner finds it (the usual mix), per level. */
import { createRng, type Rng } from '../../dsp/random';
import { clampLevel, levelSpec } from '../shared/levels';
import { gradeMix } from '../shared/mix-grade';
import { copyTrackMix, type MixDimension, type TrackMix, untouchedTrack } from '../shared/mix-spec';
import { generateSongSource } from '../shared/sources';
import { trackRef } from '../shared/tracks';
import { gradedDimensions, measuresFor } from './check';
import { type MixMatchQuestion, meta } from './meta';
import { usualMix, variedMix } from './reference-mix';

/** `base` with `from`'s settings in `dimensions` (track by track; neither is changed). */
export function withDimensions(
  base: readonly TrackMix[],
  from: readonly TrackMix[],
  dimensions: readonly MixDimension[],
): TrackMix[] {
  return base.map((b, i) => {
    const f = from[i] as TrackMix;
    const t = copyTrackMix(b);
    if (dimensions.includes('balance')) t.faderDb = f.faderDb;
    if (dimensions.includes('pan')) t.pan = f.pan;
    if (dimensions.includes('tone')) t.eq = copyTrackMix(f).eq;
    if (dimensions.includes('dynamics')) t.comp = { ...f.comp };
    if (dimensions.includes('space')) {
      t.reverbDb = f.reverbDb;
      t.delayDb = f.delayDb;
    }
    return t;
  });
}

/** Fewest just-noticeable steps between the desk as found and the reference (summed over every cell). */
export const MIN_START_STEPS = 6;

/**
 * Draws after which a reference too close to the desk as found is accepted anyway. 20 was reached on 3 of 100
 * level-5 questions (sends only: a draw is often within reach of the desk); 200 was not in 1,000 seeds per level.
 */
const MAX_DRAWS = 200;

/**
 * A question for (seed, level): deterministic, plain JSON. The song depends on the seed alone. The desk as
 * found is the usual mix (usualMix: how engineers commonly set these tracks up) in the graded dimensions; the
 * reference is drawn widely and symmetrically around it (variedMix), so every control is as likely to go up
 * as down and only listening says which: setting the usual mix scores 0. In the dimensions not graded both
 * are the untouched desk. A reference that the desk as found already nearly matches (under MIN_START_STEPS
 * just-noticeable steps in all, or no track more than two steps off) is redrawn on the same song.
 */
export function generate(seed: number, level: number): MixMatchQuestion {
  const lvl = clampLevel(meta, level);
  let q = draw(seed, lvl, createRng(seed));
  for (let k = 1; k < MAX_DRAWS && !farEnough(q); k++)
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`));
  return q;
}

/**
 * Whether the desk as found is clearly off the reference. Faders, pan and sends need no audio; EQ and compression are
 * judged on the song's own stems (rendered once and cached, as check needs them anyway), EQ on an imported
 * song on the part spectra the question carries.
 */
export function farEnough(q: MixMatchQuestion): boolean {
  const g = gradeMix(
    {
      names: [],
      reference: q.reference,
      start: q.start,
      dimensions: gradedDimensions(q),
      measures: measuresFor(q),
    },
    q.start,
  );
  return g.startTotal >= MIN_START_STEPS && g.cells.some((c) => c.steps > 1);
}

function draw(seed: number, lvl: number, rng: Rng): MixMatchQuestion {
  const p = levelSpec(meta, lvl).params;
  const tracks = [...p.tracks];
  const dimensions = [...p.dimensions];
  const side = rng.fork('side').chance(0.5) ? 1 : -1;
  const untouched = tracks.map(() => untouchedTrack());
  const reference = withDimensions(untouched, variedMix(rng.fork('reference'), tracks, side), dimensions);
  const start = withDimensions(untouched, usualMix(tracks, side), dimensions);
  return {
    kind: 'mix-match',
    seed,
    level: lvl,
    tracks: tracks.map(trackRef),
    dimensions,
    reference,
    start,
    // The song stays the same through redraws (one render per question).
    source: generateSongSource(createRng(seed).fork('source')),
  };
}
