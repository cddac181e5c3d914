/** Which delay time, played: A is the track dry, B with its send into a delay at the question's note value. */
import type { NoteValue } from '../../dsp/delay';
import { mixSide } from '../shared/play-mix';
import { loadExcerpt, MEASURE_RATE_WIDE } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { DelayTimeAnswer, DelayTimeQuestion } from './meta';

/** Plays a delay-time question; the review swaps in the note value the learner chose. */
export const play: KindPlay<DelayTimeQuestion, DelayTimeAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const track = q.source.track;
    const side = (note: NoteValue | null): SideSpec => ({
      ...mixSide(
        excerpt,
        [track],
        { [track]: { settings: { sends: { delay: { enabled: note !== null, levelDb: q.sendDb } } } } },
        { delay: { note: note ?? q.note, feedback: q.feedback, returnDb: 0 } },
      ),
      bpm: q.bpm,
    });
    const wet = side(q.note);
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a: side(null), b: wet, labels: { a: 'A: dry', b: 'B: with delay' } },
      review: (answer) => ({
        a: wet,
        b: side(answer.note),
        labels: { a: 'A: right answer', b: 'B: your answer' },
      }),
      levelMatch: { allowed: true },
      measureRate: Math.min(excerpt.sampleRate, MEASURE_RATE_WIDE),
    };
  },
};
