/** Compression drills: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels, Milliseconds } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { RelativeCompressor } from '../shared/relative-compressor';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** The four drills. */
export type CompSpotSubtype = 'which' | 'amount' | 'attack' | 'release';

/** What changes from level to level. */
export interface CompSpotLevel {
  /** Drills drawn from (one per question). */
  subtypes: readonly CompSpotSubtype[];
  /** Tracks to solo; 'mix' = the whole rough mix. */
  sources: readonly (TrackId | 'mix')[];
  /** Peak gain reduction of the compressed version (which/attack/release drills), dB. */
  reductionDb: Decibels;
  /** Amount drill: the reductions offered, dB. */
  amountsDb: readonly Decibels[];
  /** Attack drill: fast and slow attack, ms. */
  attacksMs: [Milliseconds, Milliseconds];
  /** Release drill: fast and slow release, ms. */
  releasesMs: [Milliseconds, Milliseconds];
}

/** A question: listen, then pick one of `choices`. */
export interface CompSpotQuestion extends QuestionBase<'comp-spot'> {
  subtype: CompSpotSubtype;
  /** What to ask, one sentence. */
  prompt: string;
  /** Choice ids, e.g. ['A', 'B'], ['3', '6', '10'], ['fast', 'slow']. */
  choices: string[];
  /** Labels shown for the choices (same order). */
  choiceLabels: string[];
  /** The right choice id. */
  correct: string;
  /** The compressor on the compressed version (threshold relative to the excerpt's peak). */
  compressor: RelativeCompressor;
  /** 'which' drill only: the side that carries the compressor; the other side is dry. */
  compressedSide?: 'A' | 'B';
  /**
   * 'amount' drill: the threshold below the peak (dB) of each choice (same order), each set so that the
   * measured peak gain reduction on this excerpt is the choice's amount. Older questions lack it.
   */
  thresholdsBelowPeakDb?: number[];
  /** A generated song's part or mix, or one part of an imported song (its summary key). */
  source: SongSource | CompSpotImportedSource;
}

/** One part of an imported song's loop, played alone. */
export type CompSpotImportedSource = ImportedSongSource & { track: TrackId };

/** The learner's answer: one choice id. */
export interface CompSpotAnswer {
  choice: string;
}

/** Compression drills. */
export const meta: ExerciseMeta<CompSpotLevel> = {
  id: 'comp-spot',
  title: 'Hear the compressor',
  skill: 'compression',
  description:
    'Quick dynamics drills: which version is compressed, how hard, and whether the attack and release are fast or slow.',
  scoring: 'Right answer 100, wrong 0. For “how much?”, the amount next to the right one earns 33.',
  scoringRule:
    'Which one, attack and release: exact choice, 100 or 0. How much: 100 for the right amount, 33 for the neighbouring amount in the list, 0 further off.',
  levels: [
    {
      name: 'Which one? (heavy)',
      description: 'A and B are level-matched; one is squashed by about 10 dB. Which?',
      params: {
        subtypes: ['which'],
        sources: ['kick', 'snare', 'mix'],
        reductionDb: 10,
        amountsDb: [],
        attacksMs: [1, 1],
        releasesMs: [80, 80],
      },
    },
    {
      name: 'Which one?',
      description: 'One of A and B has about 6 dB of gain reduction. Which?',
      params: {
        subtypes: ['which'],
        sources: ['kick', 'snare', 'bass', 'vocal', 'mix'],
        reductionDb: 6,
        amountsDb: [],
        attacksMs: [3, 3],
        releasesMs: [120, 120],
      },
    },
    {
      name: 'How much?',
      description: 'About 3, 6 or 10 dB of gain reduction?',
      params: {
        subtypes: ['amount'],
        sources: ['snare', 'bass', 'vocal', 'mix'],
        reductionDb: 6,
        amountsDb: [3, 6, 10],
        attacksMs: [3, 3],
        releasesMs: [120, 120],
      },
    },
    {
      name: 'Attack',
      description: 'Is the attack fast (transients squashed) or slow (transients poke through)?',
      params: {
        subtypes: ['attack'],
        sources: ['kick', 'snare', 'mix'],
        reductionDb: 10,
        amountsDb: [],
        attacksMs: [0.5, 40],
        releasesMs: [150, 150],
      },
    },
    {
      name: 'Release',
      description: 'Is the release fast (the level pumps back between hits) or slow (it stays down)?',
      params: {
        subtypes: ['release'],
        sources: ['mix', 'bass', 'snare'],
        reductionDb: 10,
        amountsDb: [],
        attacksMs: [2, 2],
        releasesMs: [40, 800],
      },
    },
    {
      name: 'Mixed drills',
      description: 'Any of the four drills, moderate settings.',
      params: {
        subtypes: ['which', 'amount', 'attack', 'release'],
        sources: ['kick', 'snare', 'bass', 'vocal', 'mix'],
        reductionDb: 6,
        amountsDb: [3, 6, 10],
        attacksMs: [0.5, 40],
        releasesMs: [40, 800],
      },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'compression',
    unit: 'dB',
    easier: 'larger',
    start: 8,
    min: 0.5,
    max: 12,
    // Level 2: "which of A and B is compressed?", on a part or the mix.
    baseLevel: 2,
    // One of two sides by luck.
    chance: 1 / 2,
  },
};
