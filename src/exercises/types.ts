/** Shared shapes of every exercise kind: meta, levels, questions, answers, results (pure, JSON-able). */
import type { SongOverrides, StyleId, TrackId } from '../production/types';

/** The skills Headroom trains ("mixing" = whole mixes); every exercise kind trains exactly one. */
export type Skill =
  | 'eq'
  | 'compression'
  | 'distortion'
  | 'faders'
  | 'pan'
  | 'stereo'
  | 'space'
  | 'production'
  | 'mixing';

/** One named difficulty level of a kind. Level numbers are 1 … levels.length, easiest first. */
export interface LevelSpec<P = unknown> {
  /** Short name for a picker, e.g. "Three bands". */
  name: string;
  /** One sentence on what this level asks. */
  description: string;
  /** The numbers generate() reads for this level (kind-specific). */
  params: P;
}

/** The variable an adaptive drill moves for a kind (see src/training/estimator.ts). */
export interface MainVariable {
  /** What it is, for people: "boost", "level change", "spacing between positions". */
  name: string;
  /** Its unit as shown: "dB", "% of the width". */
  unit: string;
  /** Which way is easier: 'larger' (dB of boost) or 'smaller'. */
  easier: 'larger' | 'smaller';
  /** First value presented. */
  start: number;
  /** Smallest value generateAt accepts (values are clamped); above 0. */
  min: number;
  /** Largest value generateAt accepts (values are clamped). */
  max: number;
  /** The level whose other settings an adaptive question uses (1-based). */
  baseLevel: number;
  /**
   * The chance of a right adaptive answer by pure guessing (1 / the number of equally likely answers on the
   * base level, e.g. 1/10 for one of ten bands): the estimator needs it to tell hearing from luck.
   */
  chance: number;
}

/** What the UI and the registry know about a kind before any question exists. */
export interface ExerciseMeta<P = unknown> {
  /** Kind id, also the folder name. */
  id: string;
  /** Title for menus. */
  title: string;
  /** The skill it trains. */
  skill: Skill;
  /** One or two sentences for the learner. */
  description: string;
  /** How an answer is scored, in one or two sentences a beginner can read. */
  scoring: string;
  /** The exact rule, for "How is this scored?" (every kind has one; a test checks). */
  scoringRule?: string;
  /** Named levels, easiest first. */
  levels: readonly LevelSpec<P>[];
  /** Whether adaptive mode exists; when false, `adaptiveNote` says why. */
  adaptive: boolean;
  /** The adaptive variable, present exactly when `adaptive` is true. */
  mainVariable?: MainVariable;
  /** Why a kind has no adaptive mode (e.g. the score is already continuous). */
  adaptiveNote?: string;
}

/** The result of grading one answer. */
export interface CheckResult {
  /** Integer 0 … 100. */
  score: number;
  /** One or two sentences for the learner. */
  feedback: string;
  /** Whether this counts as a right answer (drives the adaptive estimate and streaks; rule per kind in README). */
  correct: boolean;
  /** Numbers behind the score, for the results screen and the progress page (kind-specific, JSON). */
  details?: Record<string, number | string | boolean | null | readonly (number | string)[]>;
}

/** Pink noise: the neutral test signal. */
export interface PinkSource {
  type: 'pink';
}

/** A generated song (or one track of it, soloed). Everything the renderer needs to rebuild it. */
export interface SongSource {
  type: 'song';
  style: StyleId;
  /** Seed of generateSong. */
  seed: number;
  /** One track soloed; absent = the whole rough mix. */
  track?: TrackId;
  /** Overrides passed to generateSong (e.g. a short form or a fixed tempo). */
  overrides?: SongOverrides;
  /** Where the excerpt starts, in seconds. */
  startS: number;
  /** Excerpt length in seconds (looped by the player). */
  durationS: number;
}

/** A stem the learner or teacher imported, stored in IndexedDB under `stemId`. */
export interface ImportedSource {
  type: 'imported';
  /** Key of the stem in the stems store. */
  stemId: string;
  /** Display name. */
  name: string;
  /** Where the excerpt starts, in seconds. */
  startS: number;
  /** Excerpt length in seconds. */
  durationS: number;
}

/**
 * A loop of a multitrack song the learner or teacher imported (src/exercises/shared/imported-song.ts). It names
 * the song by the content hash of its stem files, never by a device's id, so a question means the same song on
 * every device that imported those files; the question's tracks are keyed by their files' hashes.
 */
export interface ImportedSongSource {
  type: 'imported-song';
  /** The song's content hash (SHA-256 hex of its stem files' hashes, sorted). */
  hash: string;
  /** Display name. */
  name: string;
  /** Where the loop starts, in seconds. */
  startS: number;
  /** Loop length in seconds. */
  durationS: number;
}

/** What an exercise plays. */
export type Source = PinkSource | SongSource | ImportedSource | ImportedSongSource;

/** Fields every question has, so it can be stored, shared in a link and regenerated. */
export interface QuestionBase<K extends string = string> {
  /** Exercise kind id. */
  kind: K;
  /** The seed it was generated from. */
  seed: number;
  /** Level number (1-based); adaptive questions carry their base level. */
  level: number;
  /** Set on adaptive questions: the main-variable value this question was generated at. */
  adaptiveValue?: number;
}

/** The pure half of an exercise kind: everything except playing audio. */
export interface ExerciseKind<Q extends QuestionBase = QuestionBase, A = unknown> {
  meta: ExerciseMeta;
  /** A question for (seed, level): pure, deterministic, plain JSON. Levels out of range are clamped. */
  generate(seed: number, level: number): Q;
  /** The ideal answer: check(q, solve(q)).score is always 100. */
  solve(question: Q): A;
  /** Grades an answer: integer score 0 … 100 and one sentence of feedback. */
  check(question: Q, answer: A): CheckResult;
  /** Adaptive mode: a question at a given main-variable value (clamped to its range). */
  generateAt?(seed: number, value: number): Q;
  /** Kinds where the learner sets controls: the answer as first shown, which scores 0 and is never correct. */
  start?(question: Q): A;
}
