/** Reverb type and size: what the kind is, its levels, and its question/answer shapes. */
import type { Metres, ReverbType } from '../../dsp/reverb-space';
import type { Decibels, Milliseconds, Seconds } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** The two drills: which kind of space B is, and which of A and B is the larger space. */
export type ReverbTypeSubtype = 'type' | 'size';

/** What changes from level to level. */
export interface ReverbTypeLevel {
  subtypes: readonly ReverbTypeSubtype[];
  /** 'type': the spaces offered. */
  types: readonly ReverbType[];
  /** Decay time (RT60) of every space in a question, s: the same on both sides and for every choice. */
  decayS: Seconds;
  /** 'size': how many times larger the larger space is. */
  sizeRatio: number;
}

/** One space as the player sets up the reverb return (engine ReverbSettings' type and size). */
export interface SpaceSpec {
  type: ReverbType;
  sizeM: Metres;
  decayS: Seconds;
  preDelayMs: Milliseconds;
  /** Seed of the impulse response (the same for every space in a question). */
  seed: number;
}

/** A question: listen, then pick one of `choices`. */
export interface ReverbTypeQuestion extends QuestionBase<'reverb-type'> {
  subtype: ReverbTypeSubtype;
  /** What to ask, one sentence. */
  prompt: string;
  /** Choice ids: reverb types ('room'), or 'A' / 'B'. */
  choices: string[];
  /** Labels shown for the choices (same order). */
  choiceLabels: string[];
  /** The right choice id. */
  correct: string;
  /** The part sent to the reverb (played alone) is source.track (on an imported song, its summary key). */
  source: (SongSource | ImportedSongSource) & { track: TrackId };
  /** Send level from the part into the reverb, dB. */
  sendDb: Decibels;
  /** 'type': null (A is the part dry). 'size': A's space. */
  spaceA: SpaceSpec | null;
  /** B's space. */
  spaceB: SpaceSpec;
  /** 'size': how many times larger the larger space is. */
  sizeRatio?: number;
  /** The planted difference as measured on the impulse responses (see generate's audibility). */
  measured: { name: string; value: number; unit: string };
}

/** The learner's answer: one choice id. */
export interface ReverbTypeAnswer {
  choice: string;
}

/** Labels of the reverb types. */
export const TYPE_LABELS: Readonly<Record<ReverbType, string>> = {
  room: 'Room',
  plate: 'Plate',
  hall: 'Hall',
};

/** Reverb type and size. */
export const meta: ExerciseMeta<ReverbTypeLevel> = {
  id: 'reverb-type',
  title: 'Room, plate or hall?',
  skill: 'space',
  description:
    'A part is sent to a reverb. Is it a room, a plate or a hall, and which of two spaces is larger? Every space rings for the same time, so listen to how the reverb starts and to its tone, not to how long it lasts.',
  scoring: 'Right answer 100, wrong 0.',
  scoringRule:
    'Every space in a question has the same decay time (RT60) and the same pre-delay. Which space: the reverb types are not an order (a plate is not between a room and a hall), so the right type scores 100 and any other 0. Which is larger: 100 or 0. A room has strong early reflections close together, a hall late and spread out ones and a slow build-up, a plate none and a bright tone; a larger space of one type answers later and builds up more slowly.',
  levels: [
    {
      name: 'Room or hall?',
      description: 'B is in a room or a hall, both ringing for 1.5 seconds. Which?',
      params: { subtypes: ['type'], types: ['room', 'hall'], decayS: 1.5, sizeRatio: 4 },
    },
    {
      name: 'Room, plate or hall?',
      description: 'Three kinds of space at the same 1.5-second decay.',
      params: { subtypes: ['type'], types: ['room', 'plate', 'hall'], decayS: 1.5, sizeRatio: 4 },
    },
    {
      name: 'Which space is larger?',
      description: 'Two spaces of one kind, one four times the size of the other, ringing for the same time.',
      params: { subtypes: ['size'], types: ['room', 'hall'], decayS: 1.2, sizeRatio: 4 },
    },
    {
      name: 'Short spaces',
      description:
        'Room, plate or hall at a 0.8-second decay, or which is larger when one is twice the size.',
      params: { subtypes: ['type', 'size'], types: ['room', 'plate', 'hall'], decayS: 0.8, sizeRatio: 2 },
    },
    {
      name: 'Close call (expert)',
      description: 'Room, plate or hall at 0.6 seconds, or which is larger when one is 1.5 times the size.',
      params: { subtypes: ['type', 'size'], types: ['room', 'plate', 'hall'], decayS: 0.6, sizeRatio: 1.5 },
    },
  ],
  adaptive: true,
  mainVariable: {
    name: 'size ratio',
    unit: '×',
    easier: 'larger',
    start: 4,
    min: 1.1,
    max: 8,
    // Level 3: "which space is larger?".
    baseLevel: 3,
    // One of two sides by luck.
    chance: 1 / 2,
  },
};
