/** Two EQ moves at once, played: A is the source flat, B the source through a boost and a cut. */
import type { Hz } from '../../dsp/units';
import { peakingBand } from '../eq-boost/play';
import { loadMonoSource } from '../shared/play-source-track';
import { monoTrack } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { EqTwoBandsAnswer, EqTwoBandsQuestion } from './meta';

/** Plays an eq-two-bands question; the review puts the same boost and cut on the bands the learner chose. */
export const play: KindPlay<EqTwoBandsQuestion, EqTwoBandsAnswer> = {
  async prepare(q, env) {
    const src = await loadMonoSource(q.source, q.seed, env);
    // The strip's two peaking bands (eq[1] and eq[2]) carry the boost and the cut.
    const side = (boostHz: Hz | null, cutHz: Hz | null): SideSpec => ({
      tracks: [
        monoTrack(src.name, src.samples, {
          faderDb: src.faderDb,
          eq:
            boostHz === null || cutHz === null
              ? []
              : [{}, peakingBand(boostHz, q.gainDb, q.q), peakingBand(cutHz, -q.gainDb, q.q)],
        }),
      ],
    });
    const processed = side(q.boostHz, q.cutHz);
    return {
      sampleRate: src.sampleRate,
      durationS: src.durationS,
      question: { a: side(null, null), b: processed, labels: { a: 'A: flat', b: 'B: processed' } },
      review: (answer) => ({
        a: processed,
        b: side(answer.boostHz, answer.cutHz),
        labels: { a: 'A: right answer', b: 'B: your answer' },
      }),
      levelMatch: { allowed: true },
      measureRate: src.sampleRate,
    };
  },
};
