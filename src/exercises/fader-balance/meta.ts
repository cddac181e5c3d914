/** Balance the faders: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels } from '../../dsp/units';
import type { TrackRef } from '../shared/tracks';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface FaderBalanceLevel {
  /** Fewest and most tracks. */
  tracks: [number, number];
  /** How far (±dB) each reference fader may be from the rough mix, where the faders start. */
  scrambleDb: Decibels;
}

/**
 * A question: a reference balance and faders that start at the rough mix; move them until your mix matches.
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
  /** A generated song's loop, or an imported song's (its tracks keyed by file hash; faders start at 0 dB, the stems as exported). */
  source: SongSource | ImportedSongSource;
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
    'Your faders start at the rough mix, every part equally loud. Switch between your mix and the reference and move the faders until the balance matches.',
  scoring:
    'Only the balance counts, not the overall volume. You score the share of the difference you close from where the faders start; a balance within about 1 dB of the reference is 100.',
  scoringRule:
    "e = your fader − the reference fader for each track (both floored at −60 dB); E = the root mean square of (e − the average e), so turning everything up or down changes nothing. Score = 100 × (E₀ − E) / (E₀ − 1), clamped to 0–100, where E₀ is the start's E (always 4 dB or more); E ≤ 1 dB is 100. Right when E ≤ 2 dB.",
  levels: [
    {
      name: 'Three tracks',
      description: 'Three tracks; the reference moves faders by up to 6 dB.',
      params: { tracks: [3, 3], scrambleDb: 6 },
    },
    {
      name: 'Four or five',
      description: 'Four or five tracks; the reference moves faders by up to 8 dB.',
      params: { tracks: [4, 5], scrambleDb: 8 },
    },
    {
      name: 'Six or seven',
      description: 'Six or seven tracks; the reference moves faders by up to 10 dB.',
      params: { tracks: [6, 7], scrambleDb: 10 },
    },
    {
      name: 'Full band',
      description: 'Eight tracks; the reference moves faders by up to 12 dB.',
      params: { tracks: [8, 8], scrambleDb: 12 },
    },
  ],
  adaptive: false,
  adaptiveNote:
    'The score already measures how close your balance is, so there is no single variable to step.',
};
