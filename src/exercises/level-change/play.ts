/** What changed level, played: A is the rough mix, B the same mix with one fader moved. */
import type { TrackId } from '../../production/types';
import { mixSide } from '../shared/play-mix';
import { loadExcerpt, MEASURE_RATE } from '../shared/play-sources';
import type { KindPlay } from '../shared/play-types';
import type { LevelChangeAnswer, LevelChangeQuestion } from './meta';

/** Plays a level-change question; the review moves the track the learner named by the amount they said. */
export const play: KindPlay<LevelChangeQuestion, LevelChangeAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const ids = q.tracks.map((t) => t.id);
    const moved = (index: number, db: number) => {
      const id = ids[index] as TrackId | undefined;
      return mixSide(excerpt, ids, id ? { [id]: { faderOffsetDb: db } } : {});
    };
    const changed = moved(q.changedIndex, q.changeDb);
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a: moved(-1, 0), b: changed, labels: { a: 'A: before', b: 'B: after' } },
      review(answer) {
        const size = answer.amountDb ?? Math.abs(q.changeDb);
        return {
          a: changed,
          b: moved(answer.trackIndex, answer.direction === 'down' ? -size : size),
          labels: { a: 'A: right answer', b: 'B: your answer' },
        };
      },
      levelMatch: {
        allowed: false,
        reason: 'The level change is the answer, so A and B keep their own levels.',
      },
      measureRate: Math.min(excerpt.sampleRate, MEASURE_RATE),
    };
  },
};
