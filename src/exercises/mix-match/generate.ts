/** Mix to the reference: a song, its reference mix and the untouched desk, per level. */
import { createRng, type Rng } from '../../dsp/random';
import { clampLevel, levelSpec } from '../shared/levels';
import { gradeMix } from '../shared/mix-grade';
import { copyTrackMix, type MixDimension, type TrackMix, untouchedTrack } from '../shared/mix-spec';
import { generateSongSource } from '../shared/sources';
import { trackRef } from '../shared/tracks';
import { gradedDimensions, measuresFor } from './check';
import { type MixMatchQuestion, meta } from './meta';
import { referenceMix } from './reference-mix';

/** The desk as the learner finds it: untouched in every graded dimension, the reference's in the others. */
export function startMix(reference: readonly TrackMix[], dimensions: readonly MixDimension[]): TrackMix[] {
  return reference.map((ref) => {
    const blank = untouchedTrack();
    const t = copyTrackMix(ref);
    if (dimensions.includes('balance')) t.faderDb = blank.faderDb;
    if (dimensions.includes('pan')) t.pan = blank.pan;
    if (dimensions.includes('tone')) t.eq = blank.eq;
    if (dimensions.includes('dynamics')) t.comp = blank.comp;
    if (dimensions.includes('space')) {
      t.reverbDb = blank.reverbDb;
      t.delayDb = blank.delayDb;
    }
    return t;
  });
}

/** Fewest just-noticeable steps between the untouched desk and the reference (summed over every cell). */
export const MIN_START_STEPS = 6;

/** Draws after which a reference too close to the untouched desk is accepted anyway (not reached in tests). */
const MAX_DRAWS = 20;

/**
 * A question for (seed, level): deterministic, plain JSON. The song depends on the seed alone; the reference
 * varies with it, and the start is the untouched desk. A reference that the untouched desk already nearly
 * matches (under MIN_START_STEPS just-noticeable steps in all, or no track more than two steps off) is
 * redrawn on the same song.
 */
export function generate(seed: number, level: number): MixMatchQuestion {
  const lvl = clampLevel(meta, level);
  let q = draw(seed, lvl, createRng(seed));
  for (let k = 1; k < MAX_DRAWS && !farEnough(q); k++)
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`));
  return q;
}

/**
 * Whether the untouched desk is clearly off. Faders, pan and sends need no audio; EQ and compression are
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
  const full = referenceMix(rng.fork('reference'), tracks);
  // Only the graded dimensions differ from the untouched desk: the reference keeps the rest untouched too.
  const reference = startMix(
    full,
    ['balance', 'pan', 'tone', 'dynamics', 'space'].filter(
      (d) => !dimensions.includes(d as MixDimension),
    ) as MixDimension[],
  );
  return {
    kind: 'mix-match',
    seed,
    level: lvl,
    tracks: tracks.map(trackRef),
    dimensions,
    reference,
    start: startMix(reference, dimensions),
    // The song stays the same through redraws (one render per question).
    source: generateSongSource(createRng(seed).fork('source')),
  };
}
