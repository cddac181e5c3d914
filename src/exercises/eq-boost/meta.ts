/** Spot the EQ boost: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels, Hz } from '../../dsp/units';
import type { ExerciseMeta, ImportedSongSource, PinkSource, QuestionBase, SongSource } from '../types';

/** Band spacing of the choices: whole octaves or ISO 266 third-octaves. */
export type EqResolution = 'octave' | 'third';

/** Boost or cut. */
export type EqDirection = 'boost' | 'cut';

/** What changes from level to level. */
export interface EqBoostLevel {
  resolution: EqResolution;
  /** How many bands to choose from. */
  choices: number;
  /** Steps on the band list between neighbouring choices (3 = choices three octaves apart). */
  spacing: number;
  /** Lowest index on the band list a choice may take (skips the deepest bands on easy levels). */
  lowestIndex: number;
  /** Highest index on the band list a choice may take. */
  highestIndex: number;
  /** Range of the boost/cut size in dB (magnitude). */
  gainDb: [Decibels, Decibels];
  /** Peaking filter Q (linear). */
  q: number;
  /** Cuts appear too, and the learner must say which it is. */
  cuts: boolean;
  /** Pink noise or a song's rough mix. */
  source: 'pink' | 'song';
}

/** A question: one peaking band on the source; which band is it? */
export interface EqBoostQuestion extends QuestionBase<'eq-boost'> {
  /** The bands offered, ascending (nominal ISO 266 centres). */
  bandsHz: Hz[];
  resolution: EqResolution;
  /** The band that is boosted or cut (one of bandsHz); play at exactCentre(targetHz). */
  targetHz: Hz;
  direction: EqDirection;
  /** Whether the learner must also say boost or cut. */
  askDirection: boolean;
  /** The peaking filter's gain, signed: negative for a cut. */
  gainDb: Decibels;
  /** The peaking filter's Q (linear). */
  q: number;
  /** Pink noise, a generated song's loop, or an imported song's loop (all its tracks as exported). */
  source: PinkSource | SongSource | ImportedSongSource;
}

/** The learner's answer. */
export interface EqBoostAnswer {
  bandHz: Hz;
  /** Needed when the question asks for the direction. */
  direction?: EqDirection;
}

/** Spot the EQ boost. */
export const meta: ExerciseMeta<EqBoostLevel> = {
  id: 'eq-boost',
  title: 'Spot the EQ boost',
  skill: 'eq',
  description:
    'One frequency band has been boosted (or cut). Listen against the flat version and pick the band.',
  scoring:
    '100 for the right band; every octave away costs 50 (a third of an octave costs about 17), and mixing up a boost and a cut costs 25.',
  scoringRule:
    'max(0, round(100 − 50·d − (asked boost-or-cut and wrong ? 25 : 0))), d = the number of octaves between your band and the right one on the full band list (a third-octave step counts ⅓).',
  levels: [
    {
      name: 'Three bands',
      description: 'Three octave bands far apart, a big +12 dB wide boost on pink noise.',
      params: {
        resolution: 'octave',
        choices: 3,
        spacing: 3,
        lowestIndex: 1,
        highestIndex: 9,
        gainDb: [12, 12],
        q: 0.7,
        cuts: false,
        source: 'pink',
      },
    },
    {
      name: 'Five bands',
      description: 'Every other octave band, a +10 dB boost on pink noise.',
      params: {
        resolution: 'octave',
        choices: 5,
        spacing: 2,
        lowestIndex: 0,
        highestIndex: 9,
        gainDb: [10, 10],
        q: 1,
        cuts: false,
        source: 'pink',
      },
    },
    {
      name: 'Ten octaves',
      description: 'All ten octave bands from 31.5 Hz to 16 kHz, a +9 dB boost on pink noise.',
      params: {
        resolution: 'octave',
        choices: 10,
        spacing: 1,
        lowestIndex: 0,
        highestIndex: 9,
        gainDb: [9, 9],
        q: 1.4,
        cuts: false,
        source: 'pink',
      },
    },
    {
      name: 'Boosts and cuts',
      description: 'Ten octave bands, 9 dB up or down: say which band and whether it is a boost or a cut.',
      params: {
        resolution: 'octave',
        choices: 10,
        spacing: 1,
        lowestIndex: 0,
        highestIndex: 9,
        gainDb: [9, 9],
        q: 1.4,
        cuts: true,
        source: 'pink',
      },
    },
    {
      name: 'Octaves on music',
      description: 'Ten octave bands, 6 to 9 dB up or down, on a song.',
      params: {
        resolution: 'octave',
        choices: 10,
        spacing: 1,
        lowestIndex: 0,
        highestIndex: 9,
        gainDb: [6, 9],
        q: 1.4,
        cuts: true,
        source: 'song',
      },
    },
    {
      name: 'Third-octaves on music',
      description: 'Third-octave bands from 31.5 Hz to 16 kHz, 3 to 6 dB up or down, on a song.',
      params: {
        resolution: 'third',
        choices: 28,
        spacing: 1,
        lowestIndex: 1,
        highestIndex: 28,
        gainDb: [3, 6],
        q: 3,
        cuts: true,
        source: 'song',
      },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'boost',
    unit: 'dB',
    easier: 'larger',
    start: 12,
    min: 0.5,
    max: 18,
    baseLevel: 3,
    // One of the base level's ten bands by luck.
    chance: 1 / 10,
  },
};
