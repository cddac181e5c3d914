/**
 * Which is louder, played: A and B are the same samples through the same flat strip (so the spectrum is the
 * same), the quieter side's fader `differenceDb` lower. Loudness matching is off: the level is the answer.
 */
import { loadMonoSource } from '../shared/play-source-track';
import { MEASURE_RATE, monoTrack } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { dbWords } from './check';
import type { LoudnessAnswer, LoudnessQuestion } from './meta';

/** Plays a loudness question; the review plays the same pair, labelled with which was louder and by how much. */
export const play: KindPlay<LoudnessQuestion, LoudnessAnswer> = {
  async prepare(q, env) {
    const src = await loadMonoSource(q.source, q.seed, env);
    // The louder side stays at the source's own fader and the quieter one goes down, so nothing nears the
    // master's safety limiter, which would shrink the difference.
    const side = (louder: boolean): SideSpec => ({
      tracks: [monoTrack(src.name, src.samples, { faderDb: src.faderDb - (louder ? 0 : q.differenceDb) })],
    });
    const a = side(q.louderSide === 'A');
    const b = side(q.louderSide === 'B');
    const say = (s: 'A' | 'B') =>
      s === q.louderSide ? `${s}: louder by ${dbWords(q.differenceDb)}` : `${s}: quieter`;
    return {
      sampleRate: src.sampleRate,
      durationS: src.durationS,
      question: { a, b, labels: { a: 'A', b: 'B' } },
      review: () => ({ a, b, labels: { a: say('A'), b: say('B') } }),
      // Practice: the sound at its own level against the same sound the chosen amount quieter.
      practice: (answer) => ({
        a: side(true),
        b: {
          tracks: [
            monoTrack(src.name, src.samples, { faderDb: src.faderDb - (answer.amountDb ?? q.differenceDb) }),
          ],
        },
        labels: { a: 'A: reference', b: 'B: this choice' },
      }),
      levelMatch: {
        allowed: false,
        reason: 'Which side is louder is the answer, so A and B keep their own levels.',
      },
      measureRate: Math.min(src.sampleRate, MEASURE_RATE),
    };
  },
};
