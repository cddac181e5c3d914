/** Set B to the same loudness: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels, Hz } from '../../dsp/units';
import type { ExerciseMeta, ImportedSongSource, PinkSource, QuestionBase, SongSource } from '../types';

/** What changes from level to level. */
export interface LoudnessMatchLevel {
  /** How far from the matching level B's fader starts at least, dB (up or down at random, up to 1.5 times this). */
  startOffsetDb: Decibels;
  /** B's tone change (a shelf), dB either way; 0 = the same sound on both sides. */
  toneDb: Decibels;
  source: 'pink' | 'song';
}

/** B's tone change: one shelf of the strip's EQ. */
export interface ToneChange {
  type: 'lowshelf' | 'highshelf';
  frequency: Hz;
  gainDb: Decibels;
}

/**
 * A question: A is the reference, B the same sound (on later levels with its tone changed) whose level starts
 * away from where B sounds as loud as A. The learner's fader reads 0 where B starts, so no fixed setting is the
 * answer. Loudness matching is off: the level is the answer.
 */
export interface LoudnessMatchQuestion extends QuestionBase<'loudness-match'> {
  /** Pink noise, a generated song's loop, or an imported song's loop (all its tracks as exported). */
  source: PinkSource | SongSource | ImportedSongSource;
  /** B's tone change, or null for the same sound. */
  tone: ToneChange | null;
  /** B's level at the start against A's, dB (B's fader = A's + startDb + the learner's offset). */
  startDb: Decibels;
  /** The learner's offset at which B is as loud as A, dB (the shelf's loudness change taken back, minus startDb). */
  referenceDb: Decibels;
}

/** The learner's answer: how far B's fader moved from where it started, dB (start: 0). */
export interface LoudnessMatchAnswer {
  offsetDb: Decibels;
}

/** Set B to the same loudness. */
export const meta: ExerciseMeta<LoudnessMatchLevel> = {
  id: 'loudness-match',
  title: 'Set it to the same loudness',
  skill: 'faders',
  description:
    'Move B’s fader until B sounds exactly as loud as A. Later, B sounds brighter or duller than A, and you match the loudness, not the tone: the basis of every fair comparison.',
  scoring:
    'Your fader starts off: you score the share of the difference you close. Within half a decibel of the same loudness is 100.',
  scoringRule:
    'D = |your fader − the matching setting| in dB (the fader reads 0 where B starts, 1 to 1.5 times the level’s start distance up or down from the match); at the matching setting B has A’s loudness (K-weighted, as LUFS, predicted from the sound’s third-octave spectrum through B’s shelf). Score round(100·(D₀ − D)/(D₀ − 0.5)) clamped to 0–100, D₀ the start’s distance (at least 2 dB); right when D ≤ 1 dB.',
  levels: [
    {
      name: 'Far off (6 dB)',
      description: 'Pink noise; B starts 6 dB too loud or too quiet.',
      params: { startOffsetDb: 6, toneDb: 0, source: 'pink' },
    },
    {
      name: 'Music (4 dB)',
      description: 'A song; B starts 4 dB off.',
      params: { startOffsetDb: 4, toneDb: 0, source: 'song' },
    },
    {
      name: 'Different tone',
      description: 'Pink noise; B is 6 dB brighter or duller, and starts 4 dB off.',
      params: { startOffsetDb: 4, toneDb: 6, source: 'pink' },
    },
    {
      name: 'Close (2 dB)',
      description: 'A song; B starts only 2 dB off.',
      params: { startOffsetDb: 2, toneDb: 0, source: 'song' },
    },
    {
      name: 'Tone and music (expert)',
      description: 'A song; B is 6 dB brighter or duller and starts 3 dB off.',
      params: { startOffsetDb: 3, toneDb: 6, source: 'song' },
    },
  ],
  adaptive: false,
  adaptiveNote:
    'The score already measures how close you set the level (in dB), so there is no threshold to step towards; “Which is louder?” measures your loudness threshold.',
};
