/** Mix to the reference: what the kind is, its levels, and its question/answer shapes. */
import type { TrackId } from '../../production/types';
import type { MixAnswer, MixDimension, TrackMix } from '../shared/mix-spec';
import type { TrackRef } from '../shared/tracks';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface MixMatchLevel {
  /** The tracks that play, in mixer order. */
  tracks: readonly TrackId[];
  /** What the learner sets (and is graded on). */
  dimensions: readonly MixDimension[];
}

/**
 * A question: a song, a hidden reference mix of it, and the desk as the learner finds it. On Headroom's songs
 * the desk as found is the usual mix (usualMix) in every graded dimension and the reference is drawn widely and
 * symmetrically around it (variedMix); on an imported song the desk as found is the centre of what its
 * reference draws (importedStartMix). The dimensions not graded are the untouched desk in both.
 */
export interface MixMatchQuestion extends QuestionBase<'mix-match'> {
  tracks: TrackRef[];
  dimensions: MixDimension[];
  reference: TrackMix[];
  start: TrackMix[];
  /** A generated song's loop, or an imported song's (its tracks keyed by file hash; faders from the stems as exported). */
  source: SongSource | ImportedSongSource;
  /**
   * Imported songs only: per track, its third-octave spectrum over the loop (dB re its own loudest band at
   * ANALYSIS_CENTRES, 0.5 dB steps, floored at −60), read from the song's summary: the EQ weights, so the score
   * needs nothing but the question.
   */
  trackBandsDb?: number[][];
  /** Imported songs on the sends level only: the loop's tempo (found from its notes), which sets the delay's quarter note. */
  bpm?: number;
}

/** The learner's mix: one TrackMix per track. */
export type MixMatchAnswer = MixAnswer;

/** Mix to the reference. */
export const meta: ExerciseMeta<MixMatchLevel> = {
  id: 'mix-match',
  title: 'Mix to the reference',
  skill: 'mixing',
  description:
    'A song and a reference mix of it. The desk starts at a usual mix; the reference moves each control up or down from there. Switch between the reference and your mix, and set the desk until yours sounds the same.',
  scoring:
    'We compare every track of your mix with the reference: level against the others, pan, EQ, compression and effects. You score the share of the difference you close from the desk as you find it; turning the whole mix up or down changes nothing.',
  scoringRule:
    'Per track and per dimension, a distance in what you hear: balance = how far the fader is from the reference once the average offset of all faders is removed (dB, just-noticeable 1 dB); pan = the share of the stereo width between yours and the reference (5 %); tone = the EQ curves’ difference where either EQ acts, weighted by where the track has sound (0.5 dB); dynamics = the compressors’ gain changes, weighted by where the track is loud (0.5 dB); space = the reverb and delay send levels, a send off or below −30 dB counting as −30 dB (3 dB). Each counts in just-noticeable steps beyond the first: max(0, distance / step − 1). Score = 100 × (S₀ − S) / S₀ where S is the sum over every cell and S₀ the desk’s as you find it (a usual mix, which the reference varies around: as likely up as down on every control). Right when every cell is within two steps.',
  levels: [
    {
      name: 'Four tracks, faders',
      description: 'Kick, hats, bass and vocal: set the faders to the reference balance.',
      params: { tracks: ['kick', 'hats', 'bass', 'vocal'], dimensions: ['balance'] },
    },
    {
      name: 'Six tracks, faders and pan',
      description: 'Drums, bass, chords and vocal: balance them and place them left to right.',
      params: {
        tracks: ['kick', 'snare', 'hats', 'bass', 'chords', 'vocal'],
        dimensions: ['balance', 'pan'],
      },
    },
    {
      name: 'Four tracks, EQ',
      description: 'Kick, bass, chords and vocal, balanced already: shape each one’s EQ like the reference.',
      params: { tracks: ['kick', 'bass', 'chords', 'vocal'], dimensions: ['tone'] },
    },
    {
      name: 'Four tracks, compression',
      description:
        'Snare, bass, keys and vocal, balanced already: compress each one as lightly or as hard as the reference does, or not at all.',
      params: { tracks: ['snare', 'bass', 'keys', 'vocal'], dimensions: ['dynamics'] },
    },
    {
      name: 'Four tracks, reverb and delay',
      description:
        'Snare, chords, lead and vocal, balanced already: send each to the reverb and delay like the reference.',
      params: { tracks: ['snare', 'chords', 'lead', 'vocal'], dimensions: ['space'] },
    },
    {
      name: 'Full band, faders, pan and EQ',
      description: 'Every track: balance, pan and EQ.',
      params: {
        tracks: ['kick', 'snare', 'hats', 'perc', 'bass', 'chords', 'keys', 'lead', 'vocal'],
        dimensions: ['balance', 'pan', 'tone'],
      },
    },
    {
      name: 'Full band, every control',
      description: 'Every track and every control: balance, pan, EQ, compression, reverb and delay.',
      params: {
        tracks: ['kick', 'snare', 'hats', 'perc', 'bass', 'chords', 'keys', 'lead', 'vocal'],
        dimensions: ['balance', 'pan', 'tone', 'dynamics', 'space'],
      },
    },
  ],
  adaptive: false,
  adaptiveNote:
    'The score already measures how close your whole mix is; there is no single variable to step.',
};
