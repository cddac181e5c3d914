/** Saturation drills, played: a part (or the rough mix) through the strip's saturation, clean against driven. */
import { CLEAN_DRIVE_DB } from '../../dsp/saturation';
import type { Decibels } from '../../dsp/units';
import {
  excerptTrack,
  loadExcerpt,
  MEASURE_RATE_WIDE,
  mixdown,
  monoTrack,
  peakDb,
  SOLO_FADER_DB,
} from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { driveLabel, PEAK_IN_DB } from './generate';
import type { SaturationAnswer, SaturationQuestion } from './meta';

/** Where the clean part peaks after the fader, dBFS (a solo stem at SOLO_FADER_DB peaks about here). */
const CLEAN_PEAK_DB: Decibels = SOLO_FADER_DB - 3;

/**
 * Plays a saturation question. Both sides pass the same saturation stage (the clean one at CLEAN_DRIVE_DB,
 * transparent, so both have its delay); the trim puts the part's peak at PEAK_IN_DB into the curve and the
 * fader brings the clean peak to CLEAN_PEAK_DB. The level match then evens out what the curve took off the peaks.
 */
export const play: KindPlay<SaturationQuestion, SaturationAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const track = q.source.track ? excerptTrack(excerpt, q.source.track) : null;
    const samples = track ? track.samples : mixdown(excerpt);
    const trimDb = PEAK_IN_DB - peakDb(samples);
    const side = (driveDb: Decibels): SideSpec => ({
      tracks: [
        monoTrack(track?.name ?? 'Mix', samples, {
          trimDb,
          faderDb: CLEAN_PEAK_DB - PEAK_IN_DB,
          saturation: { enabled: true, driveDb },
        }),
      ],
      bpm: excerpt.bpm,
    });
    const clean = side(CLEAN_DRIVE_DB);
    const driven = side(q.driveDb);
    const which = q.subtype === 'which';
    const aDriven = which && q.distortedSide === 'A';
    const question = {
      a: aDriven ? driven : clean,
      b: aDriven ? clean : driven,
      labels: which ? { a: 'A', b: 'B' } : { a: 'A: clean', b: 'B: driven' },
    };
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question,
      review(answer) {
        if (which)
          return {
            ...question,
            labels: aDriven
              ? { a: `A: ${driveLabel(q.driveDb)}`, b: 'B: clean' }
              : { a: 'A: clean', b: `B: ${driveLabel(q.driveDb)}` },
          };
        const yours = Number(answer?.choice);
        return {
          a: driven,
          b: side(Number.isFinite(yours) ? yours : CLEAN_DRIVE_DB),
          labels: {
            a: `A: right answer, ${driveLabel(q.driveDb)}`,
            b: `B: your answer${Number.isFinite(yours) ? `, ${driveLabel(yours)}` : ''}`,
          },
        };
      },
      levelMatch: { allowed: true },
      // Distortion adds harmonics up high: measure the loudness on a wide band.
      measureRate: Math.min(excerpt.sampleRate, MEASURE_RATE_WIDE),
    };
  },
};
