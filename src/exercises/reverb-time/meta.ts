/** How long is the reverb? What the kind is, its levels, and its question/answer shapes. */
import type { Decibels, Milliseconds, Seconds } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface ReverbTimeLevel {
  /** Decay times offered (RT60, s, ascending). */
  decaysS: readonly Seconds[];
  /** Pre-delays offered (ms, ascending); empty = not asked. */
  preDelaysMs: readonly Milliseconds[];
}

/** The reverb return as the player sets it up (see engine ReverbSettings). */
export interface ReverbSpec {
  decayS: Seconds;
  preDelayMs: Milliseconds;
  damping: number;
  stereoWidth: number;
  /** Seed of the impulse response. */
  seed: number;
}

/** A question: a track with a reverb send; which decay (and pre-delay)? */
export interface ReverbTimeQuestion extends QuestionBase<'reverb-time'> {
  decayChoicesS: Seconds[];
  /** Empty when the pre-delay is not asked. */
  preDelayChoicesMs: Milliseconds[];
  askPreDelay: boolean;
  reverb: ReverbSpec;
  /** Send level from the track into the reverb, dB. */
  sendDb: Decibels;
  /** The soloed track with the reverb is source.track (on an imported song, its summary key). */
  source: (SongSource | ImportedSongSource) & { track: TrackId };
}

/** The learner's answer. */
export interface ReverbTimeAnswer {
  decayS: Seconds;
  /** Needed when the pre-delay is asked. */
  preDelayMs?: Milliseconds;
}

/** How long is the reverb? */
export const meta: ExerciseMeta<ReverbTimeLevel> = {
  id: 'reverb-time',
  title: 'How long is the reverb?',
  skill: 'space',
  description:
    'A track is sent to a reverb. How long does the tail ring on (and, later, how long before it starts)?',
  scoring:
    'Right decay 100; the next longer or shorter decay earns 33. When the pre-delay is asked too, each is worth half.',
  scoringRule:
    'Decay and pre-delay choices are ordered. Without the pre-delay: 100 × credit(decay). With it: 50 × credit(decay) + 50 × credit(pre-delay). credit = 1 for the right choice, ⅓ for a neighbour in the list, 0 further off.',
  levels: [
    {
      name: 'Short or long',
      description: 'About 0.3, 1.5 or 4 seconds.',
      params: { decaysS: [0.3, 1.5, 4], preDelaysMs: [] },
    },
    {
      name: 'Four rooms',
      description: '0.3, 0.8, 1.5 or 3 seconds.',
      params: { decaysS: [0.3, 0.8, 1.5, 3], preDelaysMs: [] },
    },
    {
      name: 'Five rooms',
      description: '0.4, 0.7, 1.2, 2 or 3.5 seconds.',
      params: { decaysS: [0.4, 0.7, 1.2, 2, 3.5], preDelaysMs: [] },
    },
    {
      name: 'Decay and pre-delay',
      description: 'Four decay times, and a pre-delay of 0, 50 or 120 ms.',
      params: { decaysS: [0.3, 0.8, 1.5, 3], preDelaysMs: [0, 50, 120] },
    },
    {
      name: 'Fine decay and pre-delay',
      description: 'Five decay times, and a pre-delay of 0, 25, 60 or 120 ms.',
      params: { decaysS: [0.4, 0.7, 1.2, 2, 3.5], preDelaysMs: [0, 25, 60, 120] },
    },
  ],
  adaptive: false,
  adaptiveNote: 'The choices are fixed rooms, not one variable to step; use the levels.',
};
