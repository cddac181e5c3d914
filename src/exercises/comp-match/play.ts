/** Match the compressor, played: A is the stem through the reference compressor, B through the learner's (live). */
import type { CompressorSettings } from '../../dsp/compressor';
import { excerptTrack, loadExcerpt, monoTrack, peakDb, SOLO_FADER_DB } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { GENERATED_STEM_PEAK_DB } from './imported';
import type { CompMatchAnswer, CompMatchQuestion } from './meta';

/** Plays a comp-match question. The compressor sits on the raw stem or imported part (as scored), the fader after it. */
export const play: KindPlay<CompMatchQuestion, CompMatchAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.stem);
    const stem = excerptTrack(excerpt, q.stem.track);
    // An imported part plays with its loop's peak where a generated solo stem's is (never louder than as
    // exported), so makeup gain never drives it into the output limiter; the fader is after the compressor.
    const faderDb =
      q.stem.type === 'imported-song'
        ? SOLO_FADER_DB + Math.min(0, GENERATED_STEM_PEAK_DB - peakDb(stem.samples))
        : SOLO_FADER_DB;
    const side = (compressor: CompressorSettings): SideSpec => ({
      tracks: [
        monoTrack(stem.name, stem.samples, {
          faderDb,
          compressor: { ...compressor, enabled: true },
        }),
      ],
    });
    const reference = side(q.reference);
    const labels = { a: 'A: reference', b: 'B: yours' };
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a: reference, b: side(q.start), labels },
      withAnswer: (answer) => side(answer),
      review: (answer) => ({ a: reference, b: side(answer), labels }),
      levelMatch: q.controls.includes('makeup')
        ? {
            allowed: false,
            reason: 'Makeup gain is part of what you match, so A and B keep their own levels.',
          }
        : { allowed: true },
      measureRate: excerpt.sampleRate,
    };
  },
};
