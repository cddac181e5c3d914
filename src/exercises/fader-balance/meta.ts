/** Balance the faders: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels } from '../../dsp/units';
import type { TrackRef } from '../shared/tracks';
import type { ExerciseMeta, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface FaderBalanceLevel {
  /** Fewest and most tracks. */
  tracks: [number, number];
  /** How far (±dB) the start faders are scrambled from the reference. */
  scrambleDb: Decibels;
  /** How far (±dB) the reference departs from the rough mix. */
  flavourDb: Decibels;
}

/**
 * A question: a reference mix and a scrambled start; move the faders until your mix matches.
 * Fader values are offsets in dB from each stem's rough-mix fader (StemTrack.defaultFaderDb), so 0 is
 * the rough-mix level and the question does not depend on how the stems render.
 */
export interface FaderBalanceQuestion extends QuestionBase<'fader-balance'> {
  /** The tracks that play (everything else is muted), in mixer order. */
  tracks: TrackRef[];
  /** Target fader offsets, one per track. */
  referenceDb: Decibels[];
  /** Where the learner's faders start, one per track. */
  startDb: Decibels[];
  source: SongSource;
}

/** The learner's fader offsets, one per track. */
export interface FaderBalanceAnswer {
  fadersDb: Decibels[];
}

/** Balance the faders. */
export const meta: ExerciseMeta<FaderBalanceLevel> = {
  id: 'fader-balance',
  title: 'Balance the faders',
  skill: 'faders',
  description:
    'The faders have been scrambled. Switch between your mix and the reference and move the faders until they match.',
  scoring:
    'Only the balance counts, not the overall volume: we take how far each fader is from the reference, remove the average, and score 100 if the rest is within 1 dB (RMS), 0 at 6 dB or more, in proportion between.',
  levels: [
    {
      name: 'Three tracks',
      description: 'Three tracks, faders off by up to 6 dB.',
      params: { tracks: [3, 3], scrambleDb: 6, flavourDb: 2 },
    },
    {
      name: 'Four or five',
      description: 'Four or five tracks, faders off by up to 8 dB.',
      params: { tracks: [4, 5], scrambleDb: 8, flavourDb: 3 },
    },
    {
      name: 'Six or seven',
      description: 'Six or seven tracks, faders off by up to 10 dB.',
      params: { tracks: [6, 7], scrambleDb: 10, flavourDb: 4 },
    },
    {
      name: 'Full band',
      description: 'Eight tracks, faders off by up to 12 dB.',
      params: { tracks: [8, 8], scrambleDb: 12, flavourDb: 4 },
    },
  ],
  adaptive: false,
  adaptiveNote:
    'The score already measures how close your balance is, so there is no single variable to step.',
};
