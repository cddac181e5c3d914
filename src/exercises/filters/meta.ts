/** Filter drills: what the kind is, its levels, and its question/answer shapes. */
import type { Hz } from '../../dsp/units';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** The three drills: which filter, where is its cutoff, which of two cutoffs is higher. */
export type FiltersSubtype = 'type' | 'cutoff' | 'which';

/** The two filters of the strip: a 12 dB/octave high-pass or low-pass (Butterworth, Q 0.7071). */
export type FilterType = 'highpass' | 'lowpass';

/** A filter on a version: its type and cutoff (the −3 dB point). */
export interface FilterSetting {
  type: FilterType;
  frequencyHz: Hz;
}

/** What changes from level to level. */
export interface FiltersLevel {
  subtypes: readonly FiltersSubtype[];
  /** Filter types drawn from. */
  types: readonly FilterType[];
  /** 'type': the cutoff of each filter, Hz. */
  typeCutoffsHz: { highpass: Hz; lowpass: Hz };
  /** 'cutoff': the cutoffs offered per type, Hz, low to high. */
  cutoffsHz: { highpass: readonly Hz[]; lowpass: readonly Hz[] };
  /** 'which': how far apart the two cutoffs are, octaves. */
  apartOctaves: number;
}

/** A question: listen, then pick one of `choices`. */
export interface FiltersQuestion extends QuestionBase<'filters'> {
  subtype: FiltersSubtype;
  /** What to ask, one sentence. */
  prompt: string;
  /** Choice ids: filter types, cutoffs in Hz ('250') or sides ('A', 'B'). */
  choices: string[];
  /** Labels shown for the choices (same order). */
  choiceLabels: string[];
  /** The right choice id. */
  correct: string;
  /** The whole rough mix of a generated song, summed to one track. */
  /** A generated song's loop, or an imported song's (its whole mix). */
  source: SongSource | ImportedSongSource;
  /** The filter on A ('which' only; otherwise A is unfiltered). */
  filterA: FilterSetting | null;
  /** The filter on B. */
  filterB: FilterSetting;
}

/** The learner's answer: one choice id. */
export interface FiltersAnswer {
  choice: string;
}

/** Filter drills. */
export const meta: ExerciseMeta<FiltersLevel> = {
  id: 'filters',
  title: 'Filters',
  skill: 'eq',
  description:
    'High-pass and low-pass filters: hear which one is on, where it cuts, and which of two versions is cut higher.',
  scoring:
    'Right answer 100, wrong 0. For “where is the cutoff?”, the cutoff next to the right one earns 33.',
  scoringRule:
    'Filters are 12 dB per octave (the strip’s high-pass and low-pass); the cutoff is where the filter is 3 dB down. Which filter and which is higher: exact choice, 100 or 0. Where is the cutoff: 100 for the right cutoff, 33 for the neighbouring cutoff in the list, 0 further off.',
  levels: [
    {
      name: 'High-pass or low-pass?',
      description:
        'A is the mix, B is filtered: is the bass gone (high-pass at 500 Hz) or the top (low-pass at 2 kHz)?',
      params: {
        subtypes: ['type'],
        types: ['highpass', 'lowpass'],
        typeCutoffsHz: { highpass: 500, lowpass: 2000 },
        cutoffsHz: { highpass: [], lowpass: [] },
        apartOctaves: 1,
      },
    },
    {
      name: 'Which is cut higher?',
      description:
        'Both versions have the same filter, one octave apart. Which has the higher cutoff (thinner for a high-pass, brighter for a low-pass)?',
      params: {
        subtypes: ['which'],
        types: ['highpass', 'lowpass'],
        typeCutoffsHz: { highpass: 500, lowpass: 2000 },
        cutoffsHz: { highpass: [], lowpass: [] },
        apartOctaves: 1,
      },
    },
    {
      name: 'High-pass cutoff',
      description: 'B has a high-pass: at 63, 125, 250, 500 or 1000 Hz?',
      params: {
        subtypes: ['cutoff'],
        types: ['highpass'],
        typeCutoffsHz: { highpass: 500, lowpass: 2000 },
        cutoffsHz: { highpass: [63, 125, 250, 500, 1000], lowpass: [] },
        apartOctaves: 1,
      },
    },
    {
      name: 'Low-pass cutoff',
      description: 'B has a low-pass: at 1, 2, 4 or 8 kHz?',
      params: {
        subtypes: ['cutoff'],
        types: ['lowpass'],
        typeCutoffsHz: { highpass: 500, lowpass: 2000 },
        cutoffsHz: { highpass: [], lowpass: [1000, 2000, 4000, 8000] },
        apartOctaves: 1,
      },
    },
    {
      name: 'Which is cut higher? (close)',
      description: 'Both versions have the same filter, a third of an octave apart.',
      params: {
        subtypes: ['which'],
        types: ['highpass', 'lowpass'],
        typeCutoffsHz: { highpass: 500, lowpass: 2000 },
        cutoffsHz: { highpass: [], lowpass: [] },
        apartOctaves: 1 / 3,
      },
    },
    {
      name: 'Any filter, half-octave steps (expert)',
      description: 'A high-pass or a low-pass: name its cutoff from choices half an octave apart.',
      params: {
        subtypes: ['cutoff'],
        types: ['highpass', 'lowpass'],
        typeCutoffsHz: { highpass: 500, lowpass: 2000 },
        cutoffsHz: {
          highpass: [90, 125, 180, 250, 355, 500, 710],
          lowpass: [1400, 2000, 2800, 4000, 5600, 8000],
        },
        apartOctaves: 0.5,
      },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'distance between the cutoffs',
    unit: 'octaves',
    easier: 'larger',
    start: 1,
    min: 0.05,
    max: 2,
    // Level 2: "which version has the higher cutoff?".
    baseLevel: 2,
    // One of two sides by luck.
    chance: 1 / 2,
  },
};
