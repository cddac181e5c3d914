/** How long is the reverb, played: A is the track dry, B with its send into the question's reverb. */
import type { Milliseconds, Seconds } from '../../dsp/units';
import { mixSide } from '../shared/play-mix';
import { loadExcerpt } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { ReverbTimeAnswer, ReverbTimeQuestion } from './meta';

/** Plays a reverb-time question; the review swaps in the decay (and pre-delay) the learner chose. */
export const play: KindPlay<ReverbTimeQuestion, ReverbTimeAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const track = q.source.track;
    const side = (room: { decayS: Seconds; preDelayMs: Milliseconds } | null): SideSpec =>
      mixSide(
        excerpt,
        [track],
        { [track]: { settings: { sends: { reverb: { enabled: room !== null, levelDb: q.sendDb } } } } },
        { reverb: { ...q.reverb, ...room, returnDb: 0 } },
      );
    const wet = side(q.reverb);
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a: side(null), b: wet, labels: { a: 'A: dry', b: 'B: with reverb' } },
      review: (answer) => ({
        a: wet,
        b: side({
          decayS: answer.decayS,
          preDelayMs: q.askPreDelay ? (answer.preDelayMs ?? q.reverb.preDelayMs) : q.reverb.preDelayMs,
        }),
        labels: { a: 'A: right answer', b: 'B: your answer' },
      }),
      levelMatch: { allowed: true },
      measureRate: excerpt.sampleRate,
    };
  },
};
