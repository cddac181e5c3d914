/** Which delay time? What the kind is, its levels, and its question/answer shapes. */
import type { NoteValue } from '../../dsp/delay';
import type { Decibels, Gain } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface DelayTimeLevel {
  /** Note values offered, longest first. */
  notes: readonly NoteValue[];
}

/** A question: a track with a tempo-synced delay send; which note value? */
export interface DelayTimeQuestion extends QuestionBase<'delay-time'> {
  /**
   * The song's tempo (pinned in source.overrides.bpm too), quarter notes per minute; on an imported song, the
   * tempo found from its notes in the loop (shared/imported-tempo.ts).
   */
  bpm: number;
  /** The note values offered, longest first. */
  noteChoices: NoteValue[];
  /** The delay's note value. */
  note: NoteValue;
  /** Feedback gain of the delay loop. */
  feedback: Gain;
  /** Send level from the track into the delay, dB. */
  sendDb: Decibels;
  /** The soloed track with the delay is source.track (on an imported song, its summary key). */
  source: (SongSource | ImportedSongSource) & { track: TrackId };
}

/** The learner's answer. */
export interface DelayTimeAnswer {
  note: NoteValue;
}

/** Which delay time? */
export const meta: ExerciseMeta<DelayTimeLevel> = {
  id: 'delay-time',
  title: 'Which delay time?',
  skill: 'space',
  description: 'A track is sent to a delay locked to the song’s tempo. Which note value are the echoes?',
  scoring: 'Right note value 100; the next longer or shorter one offered earns 33.',
  scoringRule:
    'The note values are ordered by length. 100 for the right one, 33 for either neighbour in the list offered, 0 further off.',
  levels: [
    {
      name: 'Quarter, eighth, sixteenth',
      description: '1/4, 1/8 or 1/16.',
      params: { notes: ['1/4', '1/8', '1/16'] },
    },
    {
      name: 'Half to sixteenth',
      description: '1/2, 1/4, 1/8 or 1/16.',
      params: { notes: ['1/2', '1/4', '1/8', '1/16'] },
    },
    {
      name: 'Dotted notes',
      description: '1/4, dotted 1/4, 1/8, dotted 1/8 or 1/16.',
      params: { notes: ['1/4d', '1/4', '1/8d', '1/8', '1/16'] },
    },
    {
      name: 'Every note value',
      description: 'Straight, dotted and triplet note values.',
      params: { notes: ['1/2', '1/4d', '1/4', '1/8d', '1/8', '1/8t', '1/16'] },
    },
  ],
  adaptive: false,
  adaptiveNote: 'Note values are categories, not one variable to step; use the levels.',
};
