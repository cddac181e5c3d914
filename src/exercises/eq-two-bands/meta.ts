/** Two EQ moves at once: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels, Hz } from '../../dsp/units';
import type { ExerciseMeta, ImportedSongSource, PinkSource, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface EqTwoBandsLevel {
  /** How many octave bands to choose from (consecutive ISO 266 octave centres). */
  choices: number;
  /** Steps on the octave list between neighbouring choices. */
  spacing: number;
  /** Lowest index on the octave list a choice may take. */
  lowestIndex: number;
  /** Range of both moves' size in dB (magnitude; the boost and the cut are the same size). */
  gainDb: [Decibels, Decibels];
  /** Peaking filter Q of both bands. */
  q: number;
  /** Pink noise or a song's rough mix. */
  source: 'pink' | 'song';
}

/** A question: one band boosted and another cut on the source; which is which? */
export interface EqTwoBandsQuestion extends QuestionBase<'eq-two-bands'> {
  /** The bands offered, ascending (nominal octave centres). */
  bandsHz: Hz[];
  /** The boosted band (one of bandsHz); played at exactCentre. */
  boostHz: Hz;
  /** The cut band (one of bandsHz, at least two octaves from the boost). */
  cutHz: Hz;
  /** Size of both moves, dB (> 0): +gainDb at boostHz, −gainDb at cutHz. */
  gainDb: Decibels;
  /** Peaking filter Q of both bands. */
  q: number;
  /** Pink noise, a generated song's loop, or an imported song's loop (all its tracks as exported). */
  source: PinkSource | SongSource | ImportedSongSource;
}

/** The learner's answer: the band heard boosted and the band heard cut. */
export interface EqTwoBandsAnswer {
  boostHz: Hz;
  cutHz: Hz;
}

/** Two bands at once. */
export const meta: ExerciseMeta<EqTwoBandsLevel> = {
  id: 'eq-two-bands',
  title: 'Two EQ moves at once',
  skill: 'eq',
  description:
    'One band has been boosted and another cut, both at once. Listen against the flat version and pick the boosted band and the cut band.',
  scoring:
    'The boost and the cut are worth 50 each: the right band earns 50, every octave away costs 25 of it.',
  scoringRule:
    'round(max(0, 50 − 25·dBoost) + max(0, 50 − 25·dCut)), d = octaves between your band and the right one on the octave list. Right when both bands are exact.',
  levels: [
    {
      name: 'Far apart, big moves',
      description: 'Five octave bands two octaves apart, ±12 dB wide moves on pink noise.',
      params: { choices: 5, spacing: 2, lowestIndex: 0, gainDb: [12, 12], q: 0.7, source: 'pink' },
    },
    {
      name: 'Ten octaves',
      description: 'All ten octave bands from 31.5 Hz to 16 kHz, ±9 dB on pink noise.',
      params: { choices: 10, spacing: 1, lowestIndex: 0, gainDb: [9, 9], q: 1.4, source: 'pink' },
    },
    {
      name: 'On music',
      description: 'Ten octave bands, ±8 dB, on a song.',
      params: { choices: 10, spacing: 1, lowestIndex: 0, gainDb: [8, 8], q: 1.4, source: 'song' },
    },
    {
      name: 'Smaller moves on music',
      description: 'Ten octave bands, ±5 to 7 dB, on a song.',
      params: { choices: 10, spacing: 1, lowestIndex: 0, gainDb: [5, 7], q: 1.4, source: 'song' },
    },
    {
      name: 'Narrow and small (expert)',
      description: 'Ten octave bands, ±4 dB with narrower bands (Q 2), on a song.',
      params: { choices: 10, spacing: 1, lowestIndex: 0, gainDb: [4, 4], q: 2, source: 'song' },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'size of both moves',
    unit: 'dB',
    easier: 'larger',
    start: 10,
    min: 1,
    max: 18,
    baseLevel: 2,
    // Both bands right by luck: one of ten for the boost, then one of the seven at least two octaves away.
    chance: 1 / 70,
  },
};
