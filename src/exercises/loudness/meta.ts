/** Which is louder? What the kind is, its levels, and its question/answer shapes. */
import type { Decibels } from '../../dsp/units';
import type { ExerciseMeta, ImportedSongSource, PinkSource, QuestionBase, SongSource } from '../types';

/** One of the two sides. */
export type AbChoice = 'A' | 'B';

/** What changes from level to level. */
export interface LoudnessLevel {
  /** The level difference between A and B, dB (fixed levels), or the amounts offered when `askAmount`. */
  differencesDb: readonly Decibels[];
  /** The learner also says by how much (one of `differencesDb`, an ordered choice). */
  askAmount: boolean;
  /** Pink noise or a song's rough mix. */
  source: 'pink' | 'song';
}

/**
 * A question: A and B are the same sound with the same spectrum (the same samples through the same flat
 * strip); one plays `differenceDb` louder than the other. Loudness matching is off: the level is the answer.
 */
export interface LoudnessQuestion extends QuestionBase<'loudness'> {
  /** Pink noise, a generated song's loop, or an imported song's loop (all its tracks as exported). */
  source: PinkSource | SongSource | ImportedSongSource;
  /** The side that plays louder. */
  louderSide: AbChoice;
  /** How much louder, dB (> 0). */
  differenceDb: Decibels;
  /** Whether the learner must also say how much. */
  askAmount: boolean;
  /** The amounts offered, ascending (empty unless `askAmount`). */
  amountsDb: Decibels[];
}

/** The learner's answer. */
export interface LoudnessAnswer {
  /** The side heard as louder. */
  side: AbChoice;
  /** How much louder (one of the question's amounts), when asked. */
  amountDb?: Decibels;
}

/** Which is louder? */
export const meta: ExerciseMeta<LoudnessLevel> = {
  id: 'loudness',
  title: 'Which is louder?',
  skill: 'faders',
  description:
    'A and B are the same sound with the same tone; one is a little louder. Say which (and on the last levels, by how much). The basis of every fair comparison.',
  scoring:
    'Right side 100, wrong 0. When you also say how much: the side is worth 50 and the amount 50 (the amount next to the right one earns a third), and the amount only counts on the right side.',
  scoringRule:
    'Side only: 100 if the louder side is right, else 0. Side and amount: right side ? round(50 + 50·credit) : 0, credit = 1 for the right amount, ⅓ for the neighbouring amount in the list, 0 further off.',
  levels: [
    {
      name: 'Obvious (6 dB)',
      description: 'Pink noise; one side is 6 dB louder. Which?',
      params: { differencesDb: [6], askAmount: false, source: 'pink' },
    },
    {
      name: 'Clear (3 dB)',
      description: 'A song; one side is 3 dB louder. Which?',
      params: { differencesDb: [3], askAmount: false, source: 'song' },
    },
    {
      name: 'Small (2 dB)',
      description: 'A song; one side is 2 dB louder. Which?',
      params: { differencesDb: [2], askAmount: false, source: 'song' },
    },
    {
      name: 'One decibel',
      description: 'A song; one side is 1 dB louder, about the smallest step most people hear on music.',
      params: { differencesDb: [1], askAmount: false, source: 'song' },
    },
    {
      name: 'How much louder?',
      description: 'A song; one side is 1, 2, 3, 4 or 6 dB louder. Which, and by how much?',
      params: { differencesDb: [1, 2, 3, 4, 6], askAmount: true, source: 'song' },
    },
    {
      name: 'Half a decibel (expert)',
      description: 'Steady pink noise; one side is 0.5 dB louder: the finest level step a trained ear hears.',
      params: { differencesDb: [0.5], askAmount: false, source: 'pink' },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'level difference',
    unit: 'dB',
    easier: 'larger',
    start: 3,
    min: 0.2,
    max: 8,
    baseLevel: 4,
    // One of two sides by luck.
    chance: 1 / 2,
  },
};
