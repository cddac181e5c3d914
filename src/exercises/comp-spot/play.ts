/** Compression drills, played: a dry and a compressed version of a stem or the rough mix. */
import type { CompressorSettings } from '../../dsp/compressor';
import { excerptTrack, loadExcerpt, mixdown, monoTrack, peakDb, SOLO_FADER_DB } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { resolveCompressor } from '../shared/relative-compressor';
import { compressorForChoice } from './choice-compressor';
import type { CompSpotAnswer, CompSpotQuestion } from './meta';

/** Plays a comp-spot question; the review plays the right setting against the one chosen. */
export const play: KindPlay<CompSpotQuestion, CompSpotAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const track = q.source.track ? excerptTrack(excerpt, q.source.track) : null;
    const samples = track ? track.samples : mixdown(excerpt);
    const faderDb = track ? SOLO_FADER_DB : 0;
    const peak = peakDb(samples);
    const side = (compressor: CompressorSettings | null): SideSpec => ({
      tracks: [
        monoTrack(track?.name ?? 'Mix', samples, {
          faderDb,
          compressor: compressor ? { ...compressor, enabled: true } : { enabled: false },
        }),
      ],
    });
    const dry = side(null);
    const wet = side(resolveCompressor(q.compressor, peak));
    const which = q.subtype === 'which';
    const question =
      which && q.compressedSide === 'A'
        ? { a: wet, b: dry, labels: { a: 'A', b: 'B' } }
        : which
          ? { a: dry, b: wet, labels: { a: 'A', b: 'B' } }
          : { a: dry, b: wet, labels: { a: 'A: dry', b: 'B: compressed' } };
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question,
      review(answer: CompSpotAnswer) {
        if (which) {
          const aWet = q.compressedSide === 'A';
          return {
            a: question.a,
            b: question.b,
            labels: { a: aWet ? 'A: compressed' : 'A: dry', b: aWet ? 'B: dry' : 'B: compressed' },
          };
        }
        return {
          a: wet,
          b: side(resolveCompressor(compressorForChoice(q, answer.choice), peak)),
          labels: { a: 'A: right answer', b: 'B: your answer' },
        };
      },
      levelMatch: { allowed: true },
      measureRate: excerpt.sampleRate,
    };
  },
};
