/** Seeded choice of the music an exercise plays: a short generated song with a pinned tempo. */
import type { Rng } from '../../dsp/random';
import { styleSpec } from '../../production/styles';
import type { StyleId, TrackId } from '../../production/types';
import type { SongSource } from '../types';

/** Every style, in a fixed order (the order seeds pick from: never reorder). */
export const EXERCISE_STYLES: readonly StyleId[] = ['pop', 'rock', 'hiphop', 'electronic', 'ballad'];

/**
 * Songs in exercises are 12 bars long (verse 4, chorus 4, outro 4): the chorus they loop is then the body of
 * the song, full band in every bar, and the song's ending (one kick, one bass note) lies after it.
 */
export const EXERCISE_BARS = 12;

/** The excerpt played is the 4-bar chorus (bars 4–7), the fullest part of the form. */
export const EXCERPT_FIRST_BAR = 4;
/** Default excerpt length in bars. */
const EXCERPT_BARS = 4;

/** Seconds of `bars` 4/4 bars at `bpm`, rounded to the microsecond so JSON stays short. */
export function barsToSeconds(bars: number, bpm: number): number {
  return Math.round(((bars * 4 * 60) / bpm) * 1e6) / 1e6;
}

/** What to play from a generated song. */
export interface SongSourceOptions {
  /** Styles to choose from (default: all). */
  styles?: readonly StyleId[];
  /** Track to solo; absent plays the rough mix. */
  track?: TrackId;
  /** Bars of the chorus to play (1 … 4, default 4). */
  excerptBars?: number;
}

/**
 * A seeded song source: style, song seed and tempo (pinned with an override so delay times and excerpt
 * bounds stay right whatever the generator does), 12 bars, excerpt = the chorus (its first `excerptBars` bars).
 */
export function generateSongSource(rng: Rng, options: SongSourceOptions = {}): SongSource {
  const style = rng.pick(options.styles ?? EXERCISE_STYLES);
  const seed = rng.int(1, 999_999);
  const [low, high] = styleSpec(style).bpmRange;
  const bpm = rng.int(low, high);
  const source: SongSource = {
    type: 'song',
    style,
    seed,
    overrides: { bars: EXERCISE_BARS, bpm },
    startS: barsToSeconds(EXCERPT_FIRST_BAR, bpm),
    durationS: barsToSeconds(Math.min(EXCERPT_BARS, Math.max(1, options.excerptBars ?? EXCERPT_BARS)), bpm),
  };
  if (options.track) source.track = options.track;
  return source;
}

/** The pinned tempo of a song source (120 if none was pinned). */
export function sourceBpm(source: SongSource): number {
  return source.overrides?.bpm ?? 120;
}
