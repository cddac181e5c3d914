/** Spot the EQ boost, played: A is the source flat, B the same source through one peaking band. */
import { exactCentre } from '../../dsp/bands';
import type { Decibels, Hz } from '../../dsp/units';
import type { EqBandSettings } from '../../engine';
import { loadMonoSource } from '../shared/play-source-track';
import { monoTrack } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { EqBoostAnswer, EqBoostQuestion } from './meta';

/** The strip's second band (a peaking band) set to a boost or cut at `hz`. */
export function peakingBand(hz: Hz, gainDb: Decibels, q: number): Partial<EqBandSettings> {
  return { enabled: true, type: 'peaking', frequency: exactCentre(hz), gainDb, q };
}

/** Plays an eq-boost question; the review puts the same boost on the band the learner chose. */
export const play: KindPlay<EqBoostQuestion, EqBoostAnswer> = {
  async prepare(q, env) {
    const src = await loadMonoSource(q.source, q.seed, env);
    const side = (bandHz: Hz | null, gainDb: Decibels): SideSpec => ({
      tracks: [
        monoTrack(src.name, src.samples, {
          faderDb: src.faderDb,
          eq: bandHz === null ? [] : [{}, peakingBand(bandHz, gainDb, q.q)],
        }),
      ],
    });
    const flat = side(null, 0);
    const processed = side(q.targetHz, q.gainDb);
    return {
      sampleRate: src.sampleRate,
      durationS: src.durationS,
      question: { a: flat, b: processed, labels: { a: 'A: flat', b: 'B: processed' } },
      review(answer) {
        const sign =
          q.askDirection && answer.direction ? (answer.direction === 'cut' ? -1 : 1) : Math.sign(q.gainDb);
        return {
          a: processed,
          b: side(answer.bandHz, sign * Math.abs(q.gainDb)),
          labels: { a: 'A: right answer', b: 'B: your answer' },
        };
      },
      levelMatch: { allowed: true },
      measureRate: src.sampleRate,
    };
  },
};
