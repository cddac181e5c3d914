/** Match the compressor, played: A is the stem through the reference compressor, B through the learner's (live). */
import type { CompressorSettings } from '../../dsp/compressor';
import { excerptTrack, loadExcerpt, monoTrack, SOLO_FADER_DB } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { CompMatchAnswer, CompMatchQuestion } from './meta';

/** Plays a comp-match question. The compressor sits on the raw stem (as scored), the fader after it. */
export const play: KindPlay<CompMatchQuestion, CompMatchAnswer> = {
  async prepare(q, env) {
    if (q.stem.type === 'imported') throw new Error('Imported stems cannot be played in drills yet.');
    const excerpt = await loadExcerpt(env, q.stem);
    const stem = excerptTrack(excerpt, q.stem.track);
    const side = (compressor: CompressorSettings): SideSpec => ({
      tracks: [
        monoTrack(stem.name, stem.samples, {
          faderDb: SOLO_FADER_DB,
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
