/** Production or mixing? What the kind is, its levels, and its question/answer shapes. */
import type { NoteValue } from '../../dsp/delay';
import type { Decibels, Gain, Hz, Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { RelativeCompressor } from '../shared/relative-compressor';
import type { ExerciseMeta, QuestionBase, SongSource } from '../types';

/** The two sides of the distinction this drill teaches. */
export type ChangeCategory = 'production' | 'mixing';

/** Production changes: the parts themselves (made with generateSong overrides). */
export type ProductionChange = 'notes' | 'drums' | 'sound' | 'arrangement' | 'tempo';

/** Mixing changes: how the same parts are balanced and processed. */
export type MixingChange = 'level' | 'pan' | 'eq' | 'compression' | 'reverb' | 'delay';

/** Every change, with its category. */
export const CHANGES: Readonly<Record<ChangeCategory, readonly (ProductionChange | MixingChange)[]>> = {
  production: ['notes', 'drums', 'sound', 'arrangement', 'tempo'],
  mixing: ['level', 'pan', 'eq', 'compression', 'reverb', 'delay'],
};

/** Words for each change, for choices and feedback. */
export const CHANGE_LABELS: Readonly<Record<ProductionChange | MixingChange, string>> = {
  notes: 'other notes (chords)',
  drums: 'another drum pattern',
  sound: 'another instrument sound',
  arrangement: 'a part added or removed',
  tempo: 'another tempo',
  level: 'a track’s level',
  pan: 'a track’s pan',
  eq: 'EQ on a track',
  compression: 'compression on a track',
  reverb: 'reverb on a track',
  delay: 'delay on a track',
};

/** One mixing move applied to version B's mix (version A is the rough mix: rough faders, centred, dry). */
export type MixChange =
  | { type: 'level'; track: TrackId; deltaDb: Decibels }
  | { type: 'pan'; track: TrackId; pan: Pan }
  | { type: 'eq'; track: TrackId; band: { type: 'peaking'; frequencyHz: Hz; gainDb: Decibels; q: number } }
  | { type: 'compression'; track: TrackId; compressor: RelativeCompressor }
  | { type: 'reverb'; track: TrackId; sendDb: Decibels; decayS: number; preDelayMs: number; seed: number }
  | { type: 'delay'; track: TrackId; sendDb: Decibels; note: NoteValue; feedback: Gain };

/** What changes from level to level. */
export interface ProdOrMixLevel {
  /** Whether the learner must also name the change (else only the category). */
  askChange: boolean;
  /** Smaller moves: a smaller tempo change, a quieter level change, and so on. */
  subtle: boolean;
}

/** A question: two versions of one song that differ by exactly one change. */
export interface ProdOrMixQuestion extends QuestionBase<'prod-or-mix'> {
  /** Version A: the song as rendered for the rough mix. */
  versionA: SongSource;
  /** Version B: the same song, or with one production override changed (then its excerpt may differ). */
  versionB: SongSource;
  /** For a mixing change: the move applied to B's mix (null for production changes). */
  mixChange: MixChange | null;
  category: ChangeCategory;
  change: ProductionChange | MixingChange;
  askChange: boolean;
  /** What exactly changed, one sentence for the results screen. */
  description: string;
}

/** The learner's answer. */
export interface ProdOrMixAnswer {
  category: ChangeCategory;
  /** Needed when the question asks for the change. */
  change?: ProductionChange | MixingChange;
}

/** Production or mixing? */
export const meta: ExerciseMeta<ProdOrMixLevel> = {
  id: 'prod-or-mix',
  title: 'Production or mixing?',
  skill: 'production',
  description:
    'Two versions of a song differ in one way. Did someone change the music itself (production) or how it is balanced and treated (mixing)? Then: what exactly?',
  scoring:
    'When we ask for both: 100 for the right category and the right change, 50 for the right category alone. When we ask only the category: 100 if right.',
  scoringRule: 'Category wrong: 0. Category right and the change asked but wrong: 50. Otherwise 100.',
  levels: [
    {
      name: 'Which side?',
      description: 'Clear changes; just say production or mixing.',
      params: { askChange: false, subtle: false },
    },
    {
      name: 'Which change?',
      description: 'Clear changes; say the side and the change.',
      params: { askChange: true, subtle: false },
    },
    {
      name: 'Subtle changes',
      description: 'Smaller changes; say the side and the change.',
      params: { askChange: true, subtle: true },
    },
  ],
  adaptive: false,
  adaptiveNote: 'The changes are different kinds, not one variable to step; use the levels.',
};
