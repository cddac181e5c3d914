/** Saturation drills: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** The two drills: which of A and B is distorted, and how much drive B has. */
export type SaturationSubtype = 'which' | 'amount';

/** What changes from level to level. */
export interface SaturationLevel {
  subtypes: readonly SaturationSubtype[];
  /** Parts to play; 'mix' = the whole rough mix. */
  sources: readonly (TrackId | 'mix')[];
  /** 'which': drive of the distorted version, dB. */
  driveDb: Decibels;
  /** 'amount': the drives offered, dB, low to high. */
  drivesDb: readonly Decibels[];
}

/** A question: listen, then pick one of `choices`. */
export interface SaturationQuestion extends QuestionBase<'saturation'> {
  subtype: SaturationSubtype;
  /** What to ask, one sentence. */
  prompt: string;
  /** Choice ids: 'A' / 'B', or drives in dB ('12'). */
  choices: string[];
  /** Labels shown for the choices (same order). */
  choiceLabels: string[];
  /** The right choice id. */
  correct: string;
  /** A part (source.track) or the rough mix summed to one track; on an imported song, one part (its key). */
  source: SongSource | (ImportedSongSource & { track: TrackId });
  /** Drive of the distorted version, dB (the part's peak enters the curve at PEAK_IN_DB first). */
  driveDb: Decibels;
  /** 'which': the side that is distorted (the other passes the same stage clean). */
  distortedSide?: 'A' | 'B';
  /** Measured distortion of each choice's drive on the loop, dB against the signal ('amount': same order). */
  distortionDb: number[];
}

/** The learner's answer: one choice id. */
export interface SaturationAnswer {
  choice: string;
}

/** Saturation drills. */
export const meta: ExerciseMeta<SaturationLevel> = {
  id: 'saturation',
  title: 'Saturation and distortion',
  skill: 'distortion',
  description:
    'Hear distortion: which version is driven into saturation, and how hard. Both are played at the same loudness, so only the sound gives it away.',
  scoring: 'Right answer 100, wrong 0. For “how much drive?”, the drive next to the right one earns 33.',
  scoringRule:
    'The part’s peak is set to −12 dBFS, then driven into a soft (tanh) curve by the drive in dB, run four times oversampled so no aliasing gives it away; A and B are loudness-matched. Which is distorted: exact choice, 100 or 0. How much drive: 100 for the right drive, 33 for the neighbouring drive in the list, 0 further off.',
  levels: [
    {
      name: 'Which is distorted? (heavy)',
      description: 'One version is driven 18 dB into saturation. Which?',
      params: { subtypes: ['which'], sources: ['bass', 'chords', 'keys', 'mix'], driveDb: 18, drivesDb: [] },
    },
    {
      name: 'Which is distorted?',
      description: 'One version has 10 dB of drive. Which?',
      params: {
        subtypes: ['which'],
        sources: ['bass', 'chords', 'keys', 'lead', 'vocal', 'mix'],
        driveDb: 10,
        drivesDb: [],
      },
    },
    {
      name: 'How much drive?',
      description: 'A is clean. Is B driven by 6, 12, 18 or 24 dB?',
      params: {
        subtypes: ['amount'],
        sources: ['bass', 'chords', 'keys', 'mix'],
        driveDb: 12,
        drivesDb: [6, 12, 18, 24],
      },
    },
    {
      name: 'Which is distorted? (subtle)',
      description: 'One version has only 5 dB of drive: listen to the loudest notes.',
      params: {
        subtypes: ['which'],
        sources: ['bass', 'chords', 'keys', 'lead', 'vocal', 'mix'],
        driveDb: 5,
        drivesDb: [],
      },
    },
    {
      name: 'Mixed (expert)',
      description: 'Which is distorted at 3 dB of drive, or how much drive in 4 dB steps.',
      params: {
        subtypes: ['which', 'amount'],
        sources: ['bass', 'chords', 'keys', 'lead', 'vocal', 'mix'],
        driveDb: 3,
        drivesDb: [8, 12, 16, 20],
      },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'drive',
    unit: 'dB',
    easier: 'larger',
    start: 14,
    min: 1,
    max: 24,
    // Level 2: "which version is distorted?".
    baseLevel: 2,
    // One of two sides by luck.
    chance: 1 / 2,
  },
};
