/**
 * Set B to the same loudness, played: A the sound at its own fader, B the same sound (through the question's
 * shelf) at the learner's fader offset, live. Loudness matching is off: the level is the answer.
 */
import type { Decibels } from '../../dsp/units';
import { loadMonoSource } from '../shared/play-source-track';
import { MEASURE_RATE, monoTrack } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { LoudnessMatchAnswer, LoudnessMatchQuestion } from './meta';

/** B at its start sits this far under the source's own fader at most, dB (its fader turns 12 up from there). */
const HEADROOM_DB: Decibels = 8;

/** Plays a loudness-match question; the review puts B at the matching offset (A) against the learner's (B). */
export const play: KindPlay<LoudnessMatchQuestion, LoudnessMatchAnswer> = {
  async prepare(q, env) {
    const src = await loadMonoSource(q.source, q.seed, env);
    // B starts at most HEADROOM_DB under the source's own fader, so B turned all the way up (12 dB) stays within
    // 4 dB of the source's level and clear of the master's limiter; A sits startDb under (or over) B's start.
    const base = src.faderDb - HEADROOM_DB - Math.max(0, q.startDb);
    const a: SideSpec = { tracks: [monoTrack(src.name, src.samples, { faderDb: base })] };
    // B's shelf on the strip's fourth band (a shelf's Q is ignored: slope 1, as the check's curve).
    const tone = q.tone;
    const b = (offsetDb: Decibels): SideSpec => ({
      tracks: [
        monoTrack(src.name, src.samples, {
          faderDb: base + q.startDb + offsetDb,
          ...(tone ? { eq: [{}, {}, {}, { enabled: true, ...tone }] } : {}),
        }),
      ],
    });
    const offset = (answer: LoudnessMatchAnswer | undefined) =>
      typeof answer?.offsetDb === 'number' && Number.isFinite(answer.offsetDb) ? answer.offsetDb : 0;
    return {
      sampleRate: src.sampleRate,
      durationS: src.durationS,
      question: { a, b: b(0), labels: { a: 'A: reference', b: 'B: yours' } },
      withAnswer: (answer) => b(offset(answer)),
      review: (answer) => ({
        a: b(q.referenceDb),
        b: b(offset(answer)),
        labels: { a: 'A: B at the same loudness', b: 'B: yours' },
      }),
      levelMatch: {
        allowed: false,
        reason: 'Setting the same loudness is the task, so A and B keep their own levels.',
      },
      measureRate: Math.min(src.sampleRate, MEASURE_RATE),
    };
  },
};
