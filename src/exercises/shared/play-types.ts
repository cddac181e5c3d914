/**
 * The shapes every kind's play half shares: what A and B are (as plain data over sample arrays), how a kind
 * prepares them for a question, and the live Playback handle the state layer drives.
 */
import type { Lufs, SampleRate, Seconds } from '../../dsp/units';
import type { AbSide, DeepPartial, DelaySettings, ReverbSettings, StripSettings } from '../../engine';
import type { Stems } from '../../production/types';
import type { SongSource } from '../types';

/** One track of a side: its samples (mono or stereo, all at one rate) and the strip it plays through. */
export interface TrackSpec {
  /** Display name (for debugging and tests). */
  name: string;
  /** One array per channel. */
  channels: readonly Float32Array[];
  /** Strip settings over the engine's flat default. */
  settings: DeepPartial<StripSettings>;
}

/** One side of an A/B comparison: a small mix built on the engine. */
export interface SideSpec {
  tracks: TrackSpec[];
  /** Tempo for the delay return (default 120). */
  bpm?: number;
  reverb?: Partial<ReverbSettings>;
  delay?: Partial<Omit<DelaySettings, 'bpm'>>;
}

/** What the learner hears: two sides and how the UI labels them. */
export interface AbPair {
  a: SideSpec;
  b: SideSpec;
  labels: { a: string; b: string };
}

/** Whether loudness matching applies to a question (some answers are about level itself). */
export type LevelMatchPolicy = { allowed: true } | { allowed: false; reason: string };

/** A question made ready to play: sources loaded and cut to the loop, every pair buildable at once. */
export interface PreparedQuestion<A> {
  /** Sample rate of every track's samples. */
  sampleRate: SampleRate;
  /** Loop length (the longer side, when the two differ). */
  durationS: Seconds;
  /** The question: A against B. */
  question: AbPair;
  /** Match kinds: side B as the learner's current answer makes it (A stays the reference). */
  withAnswer?(answer: A): SideSpec;
  /** After answering: the right answer (A) against the learner's (B). */
  review(answer: A): AbPair;
  /**
   * "Hear every choice": the reference against one choice. Absent: the question's A against review(answer)'s B
   * (kinds whose review does not play the answer, such as loudness, say here what a choice sounds like).
   */
  practice?(answer: A): AbPair;
  levelMatch: LevelMatchPolicy;
  /** Rate to measure loudness at (lower is faster; EQ kinds keep the full band). */
  measureRate: SampleRate;
}

/** Where a kind gets its music: rendered stems for a generated song (cached by the caller). */
export interface PlayEnv {
  sampleRate: SampleRate;
  loadSong(source: Pick<SongSource, 'style' | 'seed' | 'overrides'>): Promise<Stems>;
}

/** The play half of one kind. */
export interface KindPlay<Q, A> {
  prepare(question: Q, env: PlayEnv): Promise<PreparedQuestion<A>>;
}

/** Loudness matching as the UI shows it. */
export interface LevelMatchView {
  /** The learner's setting, and whether this question allows it. */
  enabled: boolean;
  /** Set when the question turns matching off, with the reason. */
  blockedReason: string | null;
  /** Still measuring. */
  pending: boolean;
  /** Trim on the louder side (≤ 0 dB). */
  trimDb: number;
  trimmedSide: AbSide | null;
  aLufs: Lufs | null;
  bLufs: Lufs | null;
  /** How long the last measurement took, ms. */
  measuredMs: number | null;
}

/** Everything a Playback reports to its listeners. */
export interface PlaybackState {
  playing: boolean;
  looping: boolean;
  selected: AbSide;
  labels: { a: string; b: string };
  mode: 'question' | 'review';
  levelMatch: LevelMatchView;
  durationS: Seconds;
  /** Review: the track heard alone on both sides (by its name), or null for the whole mixes. */
  solo?: string | null;
}

/** A question playing live: the handle the drill drives. */
export interface Playback<A = unknown> {
  readonly state: PlaybackState;
  onChange(listener: (state: PlaybackState) => void): () => void;
  /** Starts the loop (waits for the level match, at most a moment); resolves when sound is scheduled. */
  play(): Promise<void>;
  stop(): void;
  setLooping(on: boolean): void;
  /** Switches A/B with the engine's equal-power crossfade; position never jumps. */
  select(side: AbSide): void;
  /** Match kinds: B follows the learner's settings (ramped), the level match is re-measured. */
  update(answer: A): void;
  /** After answering: A = right answer, B = the learner's, at the same position. */
  showReview(answer: A): Promise<void>;
  /**
   * Review only: hears the track called `name` alone on both sides (null: the whole mixes again), morphed
   * in place (no gap, same position); the level match is measured again on what is heard.
   */
  solo(name: string | null): void;
  setLevelMatch(enabled: boolean): void;
  dispose(): void;
}
