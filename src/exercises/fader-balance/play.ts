/** Balance the faders, played: A is the reference balance, B the learner's faders (live). */
import type { Decibels } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { mixSide } from '../shared/play-mix';
import { loadExcerpt } from '../shared/play-sources';
import type { KindPlay } from '../shared/play-types';
import type { FaderBalanceAnswer, FaderBalanceQuestion } from './meta';

/** Plays a fader-balance question; only the question's tracks sound. */
export const play: KindPlay<FaderBalanceQuestion, FaderBalanceAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const ids = q.tracks.map((t) => t.id);
    const side = (offsets: readonly Decibels[]) =>
      mixSide(
        excerpt,
        ids,
        Object.fromEntries(ids.map((id: TrackId, i) => [id, { faderOffsetDb: offsets[i] ?? 0 }])),
      );
    const reference = side(q.referenceDb);
    const labels = { a: 'A: reference', b: 'B: yours' };
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a: reference, b: side(q.startDb), labels },
      withAnswer: (answer) => side(q.startDb.map((s, i) => answer.fadersDb[i] ?? s)),
      review: (answer) => ({
        a: reference,
        b: side(q.startDb.map((s, i) => answer.fadersDb[i] ?? s)),
        labels,
      }),
      levelMatch: { allowed: true },
      measureRate: excerpt.sampleRate,
    };
  },
};
