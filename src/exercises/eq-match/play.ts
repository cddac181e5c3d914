/** Match the EQ, played: A is the source through the reference band, B through the learner's band (live). */
import type { DeepPartial, StripSettings } from '../../engine';
import { loadMonoSource } from '../shared/play-source-track';
import { monoTrack } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { EqBandSettings, EqMatchAnswer, EqMatchQuestion, EqMatchType } from './meta';

/** Which of the strip's four bands (low shelf, peak, peak, high shelf) carries a band of this type. */
export function stripBandIndex(type: EqMatchType): 0 | 1 | 3 {
  return type === 'lowshelf' ? 0 : type === 'highshelf' ? 3 : 1;
}

/** The strip EQ patch that puts `band` (of `type`) on its slot. */
export function eqPatch(type: EqMatchType, band: EqBandSettings): DeepPartial<StripSettings>['eq'] {
  const patch: NonNullable<DeepPartial<StripSettings>['eq']> = [];
  patch[stripBandIndex(type)] = {
    enabled: true,
    type,
    frequency: band.frequencyHz,
    gainDb: band.gainDb,
    q: band.q,
  };
  return patch;
}

/** Plays an eq-match question; the learner's knobs move B as they turn. */
export const play: KindPlay<EqMatchQuestion, EqMatchAnswer> = {
  async prepare(q, env) {
    const src = await loadMonoSource(q.source, q.seed, env);
    const type = q.reference.type;
    const side = (band: EqBandSettings): SideSpec => ({
      tracks: [monoTrack(src.name, src.samples, { faderDb: src.faderDb, eq: eqPatch(type, band) })],
    });
    const reference = side(q.reference);
    return {
      sampleRate: src.sampleRate,
      durationS: src.durationS,
      question: { a: reference, b: side(q.start), labels: { a: 'A: reference', b: 'B: yours' } },
      withAnswer: (answer) => side(answer),
      review: (answer) => ({ a: reference, b: side(answer), labels: { a: 'A: reference', b: 'B: yours' } }),
      levelMatch: { allowed: true },
      measureRate: src.sampleRate,
    };
  },
};
