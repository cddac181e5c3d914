/** Stereo width drills: what the kind is, its levels, and its question/answer shapes. */
import type { Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** The three drills: which of A and B is wider, how wide B is, which part falls apart in mono. */
export type StereoWidthSubtype = 'which' | 'amount' | 'mono';

/** What changes from level to level. */
export interface StereoWidthLevel {
  /** Drills drawn from (one per question). */
  subtypes: readonly StereoWidthSubtype[];
  /** 'which': how much narrower the narrow side is, % of the full width (100 = mono). */
  narrowerPercent: number;
  /** 'amount': the widths offered for B, % (A plays at 100 %). */
  widthsPercent: readonly number[];
  /** 'mono': how many parts are offered (one of them is out of phase). */
  monoChoices: number;
}

/** A question: listen, then pick one of `choices`. */
export interface StereoWidthQuestion extends QuestionBase<'stereo-width'> {
  subtype: StereoWidthSubtype;
  /** What to ask, one sentence. */
  prompt: string;
  /** Choice ids: ['A', 'B'], widths in % ('0', '50', …) or track ids. */
  choices: string[];
  /** Labels shown for the choices (same order). */
  choiceLabels: string[];
  /** The right choice id. */
  correct: string;
  /**
   * The whole rough mix of a generated song, or every track of an imported song (each its mono sum at 0 dB:
   * the question's pans make the stereo picture).
   */
  source: SongSource | ImportedSongSource;
  /** Where each part is panned (parts not listed play in the centre). */
  pans: Partial<Record<TrackId, Pan>>;
  /** Width of side A and side B (side signal × width; 1 = as panned, 0 = mono). */
  widthA: number;
  widthB: number;
  /** 'mono': the part whose right side is polarity-flipped (it cancels when the mix is summed to mono). */
  flipped?: TrackId;
}

/** The learner's answer: one choice id. */
export interface StereoWidthAnswer {
  choice: string;
}

/** Stereo width drills. */
export const meta: ExerciseMeta<StereoWidthLevel> = {
  id: 'stereo-width',
  title: 'Stereo width',
  skill: 'stereo',
  description:
    'How wide is the mix? Pick the wider version, say how wide B is, and hear what disappears when a mix is played in mono.',
  scoring: 'Right answer 100, wrong 0. For “how wide?”, the width next to the right one earns 33.',
  scoringRule:
    'Width is the side signal (left minus right) against the mid (left plus right): 100 % as panned, 0 % mono, 200 % twice the side. Which is wider and which part vanishes in mono: exact choice, 100 or 0. How wide: 100 for the right width, 33 for the neighbouring width in the list, 0 further off.',
  levels: [
    {
      name: 'Stereo or mono?',
      description: 'One version is the mix as panned, the other is in mono. Which is wider?',
      params: { subtypes: ['which'], narrowerPercent: 100, widthsPercent: [], monoChoices: 0 },
    },
    {
      name: 'Which is wider?',
      description: 'One version is half as wide as the other. Which is wider?',
      params: { subtypes: ['which'], narrowerPercent: 50, widthsPercent: [], monoChoices: 0 },
    },
    {
      name: 'Which is wider? (close)',
      description: 'One version is a quarter narrower than the other. Which is wider?',
      params: { subtypes: ['which'], narrowerPercent: 25, widthsPercent: [], monoChoices: 0 },
    },
    {
      name: 'How wide?',
      description: 'A is the mix as panned (100 %). Is B mono, half as wide, 150 % or 200 %?',
      params: { subtypes: ['amount'], narrowerPercent: 50, widthsPercent: [0, 50, 150, 200], monoChoices: 0 },
    },
    {
      name: 'Falls apart in mono',
      description:
        'One part is out of phase between left and right: in stereo it sounds wide and hollow, in mono it disappears. B is A in mono: which part is gone?',
      params: { subtypes: ['mono'], narrowerPercent: 50, widthsPercent: [], monoChoices: 4 },
    },
    {
      name: 'Mixed (expert)',
      description:
        'Any of the three drills: a width 15 % narrower, four widths, or five parts for the mono check.',
      params: {
        subtypes: ['which', 'amount', 'mono'],
        narrowerPercent: 15,
        widthsPercent: [0, 50, 150, 200],
        monoChoices: 5,
      },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'width difference',
    unit: '%',
    easier: 'larger',
    start: 60,
    min: 5,
    max: 100,
    // Level 2: "which of A and B is wider?".
    baseLevel: 2,
    // One of two sides by luck.
    chance: 1 / 2,
  },
};
