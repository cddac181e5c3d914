/** Fix this mix: what the kind is, its levels, and its question/answer shapes. */
import type { TrackId } from '../../production/types';
import type { MixDimension, TrackMix } from '../shared/mix-spec';
import type { TrackRef } from '../shared/tracks';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** Mixing faults: each is a change of one or more tracks' settings, so the desk can undo it. */
export type MixFault =
  | 'loud'
  | 'buried'
  | 'muddy'
  | 'harsh'
  | 'masking'
  | 'squashed'
  | 'mono'
  | 'reverb'
  | 'delay';

/** Every fault a learner can name: a mixing fault, or "a production problem" (no fader fixes it). */
export type FaultName = MixFault | 'production';

/** Production problems, made by changing the parts themselves (generateSong overrides on B's song). */
export type ProductionFault = 'register' | 'wrong-notes' | 'too-many';

/** Words for each fault, as the learner reads them in step one. */
export const FAULT_LABELS: Readonly<Record<FaultName, string>> = {
  loud: 'A track is far too loud',
  buried: 'A track is buried (far too quiet)',
  muddy: 'Muddy: too much low-mid boom',
  harsh: 'Harsh: a piercing upper-mid boost',
  masking: 'Kick and bass mask each other',
  squashed: 'A track is squashed by heavy compression',
  mono: 'Everything is panned to the centre',
  reverb: 'Drowned in reverb',
  delay: 'The delay is far too loud',
  production: 'A production problem (no fader can fix it)',
};

/** Faults that happen on one track the learner must name (the others concern the mix or a pair). */
export const TRACK_FAULTS: readonly FaultName[] = [
  'loud',
  'buried',
  'muddy',
  'harsh',
  'squashed',
  'reverb',
  'delay',
];

/** One fault as the learner names it. `track` is needed for the faults in TRACK_FAULTS. */
export interface FaultClaim {
  fault: FaultName;
  track?: TrackId;
}

/** A fault planted in the question (the answer key, with a sentence for the results screen). */
export interface PlantedFault {
  fault: FaultName;
  /** The track to name (null when the fault concerns the mix, a pair, or the parts). */
  track: TrackId | null;
  /** For production faults: which kind. */
  production?: ProductionFault;
  /** What was done, one sentence. */
  description: string;
}

/** B's parts when a production fault changes them: the song they come from, and which desk tracks it gives. */
export interface ProductionSwap {
  source: SongSource;
  tracks: TrackId[];
}

/** What changes from level to level. */
export interface FixMixLevel {
  /** Desk tracks, in mixer order. */
  tracks: readonly TrackId[];
  /** What the desk lets the learner set (and what the repair is graded on). */
  dimensions: readonly MixDimension[];
  /** The mixing faults that can be planted (also the names offered in step one). */
  faults: readonly MixFault[];
  /** Fewest and most faults planted. */
  count: readonly [number, number];
  /** Chance that one of the faults is a production problem. */
  productionChance: number;
}

/**
 * A question: a good mix of a song (A, the reference) and the same mix with one to three planted faults (B,
 * the desk as the learner finds it). Production faults change B's parts instead of its settings.
 */
export interface FixMixQuestion extends QuestionBase<'fix-mix'> {
  tracks: TrackRef[];
  dimensions: MixDimension[];
  /** The fault names offered in step one, in the order shown. */
  choices: FaultName[];
  /** The good mix. */
  reference: TrackMix[];
  /** The faulty mix (the desk as found). */
  start: TrackMix[];
  faults: PlantedFault[];
  /** A's song (the good parts): a generated song, or a loop of an imported one (imported.ts). */
  source: SongSource | ImportedSongSource;
  /** B's changed parts when a production fault was planted, else null. */
  production: ProductionSwap | null;
  /**
   * On an imported song only: per desk part, its third-octave levels over the loop (dB at ANALYSIS_CENTRES,
   * 0.1 dB steps, from the song's summary), which weight the tone grade where the part has sound.
   */
  bandsDb?: number[][];
}

/** The learner's answer: step one (the faults named) and step two (the desk). */
export interface FixMixAnswer {
  faults: FaultClaim[];
  tracks: TrackMix[];
}

/** Points of the diagnosis (step one) out of 100; the repair (step two) earns the rest. */
export const DIAGNOSIS_POINTS = 40;
/** What one false alarm costs, in faults found (one: ticking every box never pays). */
export const FALSE_ALARM_COST = 1;
/** With only production faults, every just-noticeable step added on the desk costs this share of the score. */
export const UNTOUCHABLE_STEP_COST = 1 / 8;

const FULL_BAND: readonly TrackId[] = [
  'kick',
  'snare',
  'hats',
  'perc',
  'bass',
  'chords',
  'keys',
  'lead',
  'vocal',
];
const ALL_MIX_FAULTS: readonly MixFault[] = [
  'loud',
  'buried',
  'muddy',
  'harsh',
  'masking',
  'squashed',
  'mono',
  'reverb',
  'delay',
];

/** Fix this mix. */
export const meta: ExerciseMeta<FixMixLevel> = {
  id: 'fix-mix',
  title: 'Fix this mix',
  skill: 'mixing',
  description:
    'A good mix (A) and the same mix with something wrong (B). First say what is wrong, then put it right on the desk. Some problems are in the parts themselves: say so, no fader can fix those.',
  scoring:
    'Naming the problems earns 40 points (every false alarm cancels a problem found), repairing them on the desk 60: the share of the difference to the good mix you close, and making other tracks worse costs. When the only problem is in the parts, leave the desk alone.',
  scoringRule:
    'Diagnosis D: each planted fault named earns 1 (a track fault named on the wrong track ½), each named fault that is not there costs 1; D = max(0, found − false alarms) / number of faults. Repair R: the mix grader of mix-match on the level’s dimensions with the faulty desk as start and the good mix as reference, counted in just-noticeable steps over every track and dimension, so cells you make worse count too; R = (S₀ − S) / S₀ clamped to 0–1. Score = round(40·D + 60·R). When every fault is a production problem (S₀ = 0), score = round(100·D·max(0, 1 − S/8)): name it and leave the desk as found. Right when every fault is named with no false alarm and every cell is within two just-noticeable steps of the good mix.',
  levels: [
    {
      name: 'One obvious fault, four tracks',
      description:
        'Kick, hats, bass and vocal: one track is far too loud or buried. Name it and fix it with the faders.',
      params: {
        tracks: ['kick', 'hats', 'bass', 'vocal'],
        dimensions: ['balance'],
        faults: ['loud', 'buried'],
        count: [1, 1],
        productionChance: 0,
      },
    },
    {
      name: 'Six tracks, faders, pan and EQ',
      description: 'Drums, bass, chords and vocal: one or two faults in level, pan or EQ.',
      params: {
        tracks: ['kick', 'snare', 'hats', 'bass', 'chords', 'vocal'],
        dimensions: ['balance', 'pan', 'tone'],
        faults: ['loud', 'buried', 'muddy', 'harsh', 'masking', 'mono'],
        count: [1, 2],
        productionChance: 0,
      },
    },
    {
      name: 'Full band, every control',
      description: 'Every track and every control: one to three faults, compression and effects included.',
      params: {
        tracks: FULL_BAND,
        dimensions: ['balance', 'pan', 'tone', 'dynamics', 'space'],
        faults: ALL_MIX_FAULTS,
        count: [1, 3],
        productionChance: 0,
      },
    },
    {
      name: 'Full band, production problems too',
      description:
        'Up to three faults, and one may be in the parts themselves (a clash, wrong notes, too many parts): say it is a production problem.',
      params: {
        tracks: FULL_BAND,
        dimensions: ['balance', 'pan', 'tone', 'dynamics', 'space'],
        faults: ALL_MIX_FAULTS,
        count: [1, 3],
        productionChance: 0.4,
      },
    },
  ],
  adaptive: false,
  adaptiveNote:
    'The score already measures how well you named and repaired the faults; there is no single variable to step.',
};
