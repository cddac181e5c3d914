/**
 * Find and cut a resonance, played: A is the source clean; B the source with the ring (the strip's first
 * peaking band) and the learner's cut (the second), live as the knobs turn.
 */
import type { DeepPartial, StripSettings } from '../../engine';
import { loadMonoSource } from '../shared/play-source-track';
import { monoTrack } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { scoredCut } from './check';
import type { NarrowBand, ResonanceAnswer, ResonanceQuestion } from './meta';

function peaking(band: NarrowBand) {
  return {
    enabled: true,
    type: 'peaking' as const,
    frequency: band.frequencyHz,
    gainDb: band.gainDb,
    q: band.q,
  };
}

/** Plays a resonance question; the review keeps A clean and B as the learner left it. */
export const play: KindPlay<ResonanceQuestion, ResonanceAnswer> = {
  async prepare(q, env) {
    const src = await loadMonoSource(q.source, q.seed, env);
    const side = (cut: NarrowBand | null): SideSpec => {
      const eq: NonNullable<DeepPartial<StripSettings>['eq']> =
        cut === null ? [] : [{}, peaking(q.ring), peaking(cut)];
      return { tracks: [monoTrack(src.name, src.samples, { faderDb: src.faderDb, eq })] };
    };
    const clean = side(null);
    const labels = { a: 'A: without the ring', b: 'B: ring + your cut' };
    return {
      sampleRate: src.sampleRate,
      durationS: src.durationS,
      question: { a: clean, b: side(q.start), labels },
      withAnswer: (answer) => side(scoredCut(q, answer)),
      review: (answer) => ({ a: clean, b: side(scoredCut(q, answer)), labels }),
      levelMatch: { allowed: true },
      measureRate: src.sampleRate,
    };
  },
};
