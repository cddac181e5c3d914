/** Where is it panned? What the kind is, its levels, and its question/answer shapes. */
import type { Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { ExerciseMeta, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface PanPositionLevel {
  /** Number of positions from hard left to hard right (odd: centre is one of them). */
  positions: number;
  /** The rest of the rough mix plays (centred) around the panned track. */
  inMix: boolean;
}

/** A question: one track is panned to one of `positionsPan`; which? */
export interface PanPositionQuestion extends QuestionBase<'pan-position'> {
  /** The positions offered, hard left (−1) to hard right (1), evenly spaced. */
  positionsPan: Pan[];
  /** Index into positionsPan of the track's position. */
  targetIndex: number;
  /** Whether the rest of the mix plays too (centred). */
  inMix: boolean;
  /** The panned track is source.track. */
  source: SongSource & { track: TrackId };
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
  scoring: '100 minus 50 for every position you are off; never below 0.',
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
  mainVariable: {
    name: 'positions',
    unit: 'positions',
    easier: 'smaller',
    start: 5,
    step: 2,
    min: 5,
    max: 13,
    baseLevel: 3,
  },
};
