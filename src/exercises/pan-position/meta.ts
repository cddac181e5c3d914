/** Where is it panned? What the kind is, its levels, and its question/answer shapes. */
import type { Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface PanPositionLevel {
  /** Number of positions from hard left to hard right (odd: centre is one of them). */
  positions: number;
  /** The rest of the rough mix plays (centred) around the panned track. */
  inMix: boolean;
}

/** Positions offered in an adaptive question (neighbours on a grid of the adaptive spacing). */
export const ADAPTIVE_POSITIONS = 7;
/** The widest adaptive spacing, % of the width: seven positions from hard left to hard right (rounded). */
export const ADAPTIVE_MAX_SPACING = 16.67;
/** A pan answer this share of the stereo width (or more) away from the target scores 0. */
export const ZERO_SCORE_SHARE = 1 / 3;

/** A question: one track is panned to one of `positionsPan`; which? */
export interface PanPositionQuestion extends QuestionBase<'pan-position'> {
  /**
   * The positions offered, evenly spaced, ascending: hard left (−1) to hard right (1) on levels; on adaptive
   * questions seven neighbours on a grid of the adaptive spacing (`adaptiveValue`, % of the width).
   */
  positionsPan: Pan[];
  /** Index into positionsPan of the track's position. */
  targetIndex: number;
  /** Whether the rest of the mix plays too (centred). */
  inMix: boolean;
  /**
   * The panned track is source.track: a generated song's part, or an imported song's track (its key; the
   * stems play as their mono sums, so the question's pan is the only place the part sits).
   */
  source: (SongSource | ImportedSongSource) & { track: TrackId };
}

/** The learner's answer: a position index. */
export interface PanPositionAnswer {
  positionIndex: number;
}

/** Where is it panned? */
export const meta: ExerciseMeta<PanPositionLevel> = {
  id: 'pan-position',
  title: 'Where is it panned?',
  skill: 'pan',
  description: 'One instrument sits somewhere between hard left and hard right. Point to where.',
  scoring:
    'You lose 3 points for every 1 % of the stereo width (hard left to hard right) your answer is off: a third of the width off or more scores 0.',
  scoringRule:
    'max(0, round(100·(1 − off / ⅓))), off = |your pan − the right pan| / 2: the share of the stereo width (hard left to hard right = 1) between your position and the right one. One position off scores 25 at 5 positions, 50 at 7, 63 at 9, 70 at 11 and 75 at 13. Only the exact position counts as right.',
  levels: [
    {
      name: 'Five positions',
      description: 'Left, half left, centre, half right, right; the instrument alone.',
      params: { positions: 5, inMix: false },
    },
    {
      name: 'Seven positions',
      description: 'Seven positions; the instrument alone.',
      params: { positions: 7, inMix: false },
    },
    {
      name: 'Seven in the mix',
      description: 'Seven positions, with the rest of the band playing.',
      params: { positions: 7, inMix: true },
    },
    {
      name: 'Nine in the mix',
      description: 'Nine positions, with the band.',
      params: { positions: 9, inMix: true },
    },
    {
      name: 'Eleven in the mix',
      description: 'Eleven positions, with the band.',
      params: { positions: 11, inMix: true },
    },
    {
      name: 'Thirteen in the mix',
      description: 'Thirteen positions, with the band.',
      params: { positions: 13, inMix: true },
    },
  ],
  adaptive: true,
  // Adaptive: seven neighbouring positions (chance 1 in 7) whose spacing, in % of the stereo width, moves.
  mainVariable: {
    name: 'spacing between positions',
    unit: '% of the width',
    easier: 'larger',
    start: ADAPTIVE_MAX_SPACING,
    min: 2,
    max: ADAPTIVE_MAX_SPACING,
    baseLevel: 3,
    chance: 1 / ADAPTIVE_POSITIONS,
  },
};
