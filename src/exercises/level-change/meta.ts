/** What changed level? What the kind is, its levels, and its question/answer shapes. */
import type { Decibels } from '../../dsp/units';
import type { TrackRef } from '../shared/tracks';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** Up (louder) or down (quieter). */
export type LevelDirection = 'up' | 'down';

/** What changes from level to level. */
export interface LevelChangeLevel {
  /** How many tracks play. */
  tracks: number;
  /** The sizes of change offered (magnitudes, dB, ascending): also the answer choices. */
  amountsDb: readonly Decibels[];
}

/** A question: A is the rough mix, B has one track's fader moved. Which, which way, how far? */
export interface LevelChangeQuestion extends QuestionBase<'level-change'> {
  /** The tracks that play (rough-mix faders), in mixer order. */
  tracks: TrackRef[];
  /** Index into `tracks` of the track whose fader moved in B. */
  changedIndex: number;
  /** The move, signed dB (positive = up). */
  changeDb: Decibels;
  /** Whether the learner is asked how far (adaptive questions only ask which track and which way). */
  askAmount: boolean;
  /** The amounts offered (magnitudes, dB, ascending); empty when the amount is not asked. */
  amountsDb: Decibels[];
  /** An amount counts as right when it is within half of this of the true size. */
  stepDb: Decibels;
  /** A generated song's loop, or an imported song's (its tracks keyed by file hash). */
  source: SongSource | ImportedSongSource;
}

/** The learner's answer. */
export interface LevelChangeAnswer {
  trackIndex: number;
  direction: LevelDirection;
  /** Magnitude in dB; needed when the amount is asked. */
  amountDb?: Decibels;
}

/** What changed level? */
export const meta: ExerciseMeta<LevelChangeLevel> = {
  id: 'level-change',
  title: 'What changed level?',
  skill: 'faders',
  description:
    'In B, one track’s fader has moved. Find the track, say whether it went up or down, and by how much.',
  scoring:
    'Find the track first: 50 points for the track, then 25 for which way it moved and 25 for how far, which only count on the right track.',
  scoringRule:
    'Points 50 (track), 25 (direction), 25 (amount, right when within half a step of the true size). Direction and amount earn nothing when the track is wrong. When the amount is not asked, the score is round(100 × points / 75).',
  levels: [
    {
      name: 'Big moves',
      description: 'Three tracks; one moves by 6 or 12 dB.',
      params: { tracks: 3, amountsDb: [6, 12] },
    },
    {
      name: '3 dB steps',
      description: 'Four tracks; one moves by 3, 6 or 9 dB.',
      params: { tracks: 4, amountsDb: [3, 6, 9] },
    },
    {
      name: '2 dB steps',
      description: 'Six tracks; one moves by 2, 4, 6 or 8 dB.',
      params: { tracks: 6, amountsDb: [2, 4, 6, 8] },
    },
    {
      name: '1 dB steps',
      description: 'Eight tracks; one moves by 1 to 6 dB.',
      params: { tracks: 8, amountsDb: [1, 2, 3, 4, 5, 6] },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'level change',
    unit: 'dB',
    easier: 'larger',
    start: 8,
    min: 0.5,
    max: 12,
    baseLevel: 3,
    // Right = the right one of the base level's six tracks and the right way (up or down): 1 in 12 by luck.
    chance: 1 / 12,
  },
};
