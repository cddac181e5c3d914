/** Match the EQ: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels, Hz } from '../../dsp/units';
import type { ExerciseMeta, ImportedSongSource, PinkSource, QuestionBase, SongSource } from '../types';

/** The band shapes this kind uses (shelves use slope 1 and ignore Q). */
export type EqMatchType = 'peaking' | 'lowshelf' | 'highshelf';

/** A knob of the band. */
export type EqControl = 'frequency' | 'gain' | 'q';

/** One parametric band's settings (the type comes from the reference). */
export interface EqBandSettings {
  frequencyHz: Hz;
  gainDb: Decibels;
  /** Linear Q (ignored by shelves). */
  q: number;
}

/** What changes from level to level. */
export interface EqMatchLevel {
  types: readonly EqMatchType[];
  /** Knobs the learner turns; the others start at (and stay on) the reference value. */
  controls: readonly EqControl[];
  /** Range of the reference gain magnitude, dB. */
  gainDb: [Decibels, Decibels];
  /** Range of the reference frequency, Hz (log-uniform). */
  frequencyHz: [Hz, Hz];
  /** Reference frequency only on octave centres (125 Hz … 8 kHz). */
  octaveFrequencies: boolean;
  /** Range of the reference Q (log-uniform). */
  q: [number, number];
  source: 'pink' | 'song';
}

/** A question: a reference band on the source; set your band to sound the same. */
export interface EqMatchQuestion extends QuestionBase<'eq-match'> {
  /** The band to match. */
  reference: EqBandSettings & { type: EqMatchType };
  /** Where the learner's knobs start. */
  start: EqBandSettings;
  /** The knobs the learner may turn. */
  controls: EqControl[];
  source: PinkSource | SongSource | ImportedSongSource;
  /**
   * On an imported song: the loop's spectrum the score weighs (dB re its loudest third-octave at
   * ANALYSIS_CENTRES, 0.5 dB steps; see eq-match/imported-programme.ts). Absent otherwise.
   */
  programmeDb?: Decibels[];
}

/** The learner's band (same type as the reference). */
export type EqMatchAnswer = EqBandSettings;

/** Match the EQ. */
export const meta: ExerciseMeta<EqMatchLevel> = {
  id: 'eq-match',
  title: 'Match the EQ',
  skill: 'eq',
  description: 'A reference has one EQ band on it. Turn your band’s knobs until yours sounds the same.',
  scoring:
    'Start from a flat band: you score the share of the difference you close, counted where the band works and where the music has sound. Sounding the same as the reference is 100.',
  scoringRule:
    "D = √(Σ wₖmₖ(aₖ − bₖ)² / Σ mₖ) over 120 points 1/12 octave apart from 20 Hz to 20 kHz, where a and b are the two curves in dB, mₖ = min(1, max(|aₖ|, |bₖ|) / 1 dB) marks where either band works, and wₖ is the music's weight there (1 for pink noise; for songs 1 within 12 dB of the style's loudest third-octave, falling to 0 at 30 dB below). Score = 100 × (D₀ − D) / (D₀ − 0.5), clamped to 0–100, D₀ being the flat start's D; D ≤ 0.5 dB is 100. Right when D ≤ 1 dB. Questions whose start is less than 2 dB from the reference are never asked.",
  levels: [
    {
      name: 'Gain only',
      description: 'A peaking band at a known octave frequency: find its gain.',
      params: {
        types: ['peaking'],
        controls: ['gain'],
        gainDb: [4, 12],
        frequencyHz: [125, 8000],
        octaveFrequencies: true,
        q: [1.4, 1.4],
        source: 'pink',
      },
    },
    {
      name: 'Frequency and gain',
      description: 'A peaking band anywhere from 60 Hz to 12 kHz: find frequency and gain.',
      params: {
        types: ['peaking'],
        controls: ['frequency', 'gain'],
        gainDb: [4, 12],
        frequencyHz: [60, 12000],
        octaveFrequencies: false,
        q: [1.4, 1.4],
        source: 'pink',
      },
    },
    {
      name: 'All three knobs',
      description: 'Frequency, gain and Q of a peaking band on pink noise.',
      params: {
        types: ['peaking'],
        controls: ['frequency', 'gain', 'q'],
        gainDb: [4, 12],
        frequencyHz: [60, 12000],
        octaveFrequencies: false,
        q: [0.7, 4],
        source: 'pink',
      },
    },
    {
      name: 'Shelves and peaks',
      description: 'A peaking band or a shelf on pink noise: match every knob it has.',
      params: {
        types: ['peaking', 'lowshelf', 'highshelf'],
        controls: ['frequency', 'gain', 'q'],
        gainDb: [4, 12],
        frequencyHz: [60, 12000],
        octaveFrequencies: false,
        q: [0.7, 4],
        source: 'pink',
      },
    },
    {
      name: 'On music',
      description: 'A peaking band or a shelf on a song, 3 to 9 dB: match every knob it has.',
      params: {
        types: ['peaking', 'lowshelf', 'highshelf'],
        controls: ['frequency', 'gain', 'q'],
        gainDb: [3, 9],
        frequencyHz: [60, 12000],
        octaveFrequencies: false,
        q: [0.7, 4],
        source: 'song',
      },
    },
  ],
  adaptive: false,
  adaptiveNote: 'The score already measures how close you are, so there is no single variable to step.',
};
