/** Mix to the reference, played: A is the reference mix, B the learner's desk (live), both on the full engine. */
import type { DeepPartial, StripSettings } from '../../engine';
import type { TrackId } from '../../production/types';
import { MIX_COMP_KNEE_DB, MIX_EQ_TYPES, type TrackMix } from '../shared/mix-spec';
import { mixSide, type TrackMove } from '../shared/play-mix';
import { loadExcerpt, MEASURE_RATE_WIDE } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { MixMatchAnswer, MixMatchQuestion } from './meta';

/** A TrackMix as the channel strip takes it (fader offset separate: mixSide adds it to the rough-mix fader). */
export function trackMove(t: TrackMix): TrackMove {
  const settings: DeepPartial<StripSettings> = {
    pan: t.pan,
    eq: t.eq.map((band, i) => ({
      enabled: true,
      type: MIX_EQ_TYPES[i],
      frequency: band.frequencyHz,
      gainDb: band.gainDb,
      q: band.q,
    })) as DeepPartial<StripSettings>['eq'],
    compressor: { ...t.comp, kneeDb: MIX_COMP_KNEE_DB },
    sends: {
      reverb: { enabled: t.reverbDb !== null, levelDb: t.reverbDb ?? -60 },
      delay: { enabled: t.delayDb !== null, levelDb: t.delayDb ?? -60 },
    },
  };
  return { faderOffsetDb: t.faderDb, settings };
}

/** Plays a mix-match question; B follows every control the learner turns. */
export const play: KindPlay<MixMatchQuestion, MixMatchAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const ids = q.tracks.map((t) => t.id);
    const side = (mix: readonly TrackMix[]): SideSpec =>
      mixSide(
        excerpt,
        ids,
        Object.fromEntries(ids.map((id: TrackId, i) => [id, trackMove((mix[i] ?? q.start[i]) as TrackMix)])),
        {
          reverb: { decayS: 1.6, preDelayMs: 20, returnDb: 0 },
          delay: { note: '1/4', feedback: 0.3, returnDb: 0 },
          // An imported loop's own tempo (found from its notes) sets the delay's quarter note.
          ...(q.bpm ? { bpm: q.bpm } : {}),
        },
      );
    const reference = side(q.reference);
    const labels = { a: 'A: reference', b: 'B: yours' };
    const yours = (answer: MixMatchAnswer) => side(q.start.map((s, i) => answer.tracks?.[i] ?? s));
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a: reference, b: side(q.start), labels },
      withAnswer: yours,
      review: (answer) => ({ a: reference, b: yours(answer), labels }),
      levelMatch: { allowed: true },
      measureRate: Math.min(excerpt.sampleRate, MEASURE_RATE_WIDE),
    };
  },
};
