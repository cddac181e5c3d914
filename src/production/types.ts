/** Shared data shapes of the production layer: songs are plain JSON-able data, stems are buffers. */
import type { Decibels, Pan, SampleRate } from '../dsp/units';

/** The musical styles Headroom can generate. */
export type StyleId = 'pop' | 'rock' | 'hiphop' | 'electronic' | 'ballad';

/** Tracks that play drum hits (their event pitch is a General MIDI drum note, see DRUM_HITS). */
export type DrumTrackId = 'kick' | 'snare' | 'hats' | 'perc';

/** Tracks that play pitched notes (their event pitch is a MIDI note number, 60 = middle C). */
export type PitchedTrackId = 'bass' | 'chords' | 'keys' | 'lead' | 'vocal';

/** Every track a song can have; 'noise' is the pink-noise test track. */
export type TrackId = DrumTrackId | PitchedTrackId | 'noise';

/** The tracks every generated song has, in mixer order (seeds pick from this order: never reorder it). */
export const SONG_TRACK_IDS: readonly TrackId[] = [
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

/** Names of song sections, in the order a listener would expect them. */
export type SectionName = 'intro' | 'verse' | 'chorus' | 'bridge' | 'outro';

/** Major or (natural) minor. */
export type Mode = 'major' | 'minor';

/** A pitch class: 0 = C, 1 = C♯/D♭, …, 11 = B. */
export type PitchClass = number;

/** The vowel a vocal note is sung on. */
export type Vowel = 'a' | 'e' | 'i' | 'o' | 'u';

/**
 * The consonant a vocal note's syllable starts with: nasals (m, n), liquids (l, r), glides (w, y), stops
 * (b, d, k, t), fricatives (f, s, sh) or an aspirate (h).
 */
export type Consonant = 'm' | 'n' | 'l' | 'r' | 'w' | 'y' | 'b' | 'd' | 'k' | 't' | 'f' | 's' | 'sh' | 'h';

/** A song's key. */
export interface Key {
  /** Pitch class of the tonic. */
  tonic: PitchClass;
  /** Major or minor. */
  mode: Mode;
  /** Readable name, e.g. "A minor" or "E♭ major". */
  name: string;
}

/** One chord of a progression. */
export interface Chord {
  /** Roman numeral relative to the key, e.g. "vi", "V7", "vii°". */
  roman: string;
  /** Pitch class of the root. */
  root: PitchClass;
  /** Pitch classes, root first, then third, fifth (and seventh). */
  pitchClasses: PitchClass[];
  /** Chord symbol, e.g. "Am", "Fmaj7", "G7". */
  name: string;
}

/** A section of the song form with one chord per bar. */
export interface Section {
  /** What the section is. */
  name: SectionName;
  /** First bar (0-based). */
  startBar: number;
  /** Length in bars. */
  bars: number;
  /** One chord per bar (length === bars). */
  chords: Chord[];
}

/** One note or drum hit. Times are in beats (quarter notes) from the start of the song. */
export interface NoteEvent {
  /** Start, in beats. */
  time: number;
  /** Length, in beats (drum hits: nominal, the sound rings as it likes). */
  duration: number;
  /** MIDI note number, or a General MIDI drum note on drum tracks. */
  pitch: number;
  /** Loudness 0..1. */
  velocity: number;
  /** Vocal notes only: the vowel sung. */
  vowel?: Vowel;
  /** Vocal notes only: the consonant the syllable starts with (absent: the vowel starts it, or a slur). */
  consonant?: Consonant;
}

/** One track of a song: a part played by one instrument preset. */
export interface Track {
  /** Which part this is. */
  id: TrackId;
  /** Display name ("Kick", "Lead vocal", …). */
  name: string;
  /** Sound preset id (see PRESETS). */
  instrument: string;
  /** Muted tracks keep their events but are not rendered. */
  muted: boolean;
  /** Notes or hits, sorted by time then pitch. */
  events: NoteEvent[];
}

/** One row of the drum step grid: a drum sound on a track, 16 steps of one 4/4 bar, velocity 0 = off. */
export interface DrumRow {
  /** The track the row plays on. */
  track: DrumTrackId;
  /** General MIDI drum note (see DRUM_HITS). */
  hit: number;
  /** 16 sixteenth-note steps; 0 is a rest, otherwise the velocity 0..1. */
  steps: number[];
}

/** A one-bar drum groove as a step grid, the thing an arranger edits. */
export type DrumPattern = DrumRow[];

/** The editable choices a song was generated from: pass them back as overrides to re-generate. */
export interface Arrangement {
  /** Total bars. */
  bars: number;
  /** Index into the style's progression list, or null when a custom progression was given. */
  progressionIndex: number | null;
  /** Roman numerals of the verse/intro progression. */
  progression: string[];
  /** Roman numerals of the chorus/outro progression. */
  chorusProgression: string[];
  /** The base one-bar groove; sections thin it out or fill it up. */
  drumPattern: DrumPattern;
  /** Swing ratio for sixteenth notes: 0.5 straight, 0.667 triplet feel. */
  swing: number;
}

/** A generated song: everything needed to render or display it. */
export interface Song {
  /** Stable id, `${style}-${seed}` (plus a suffix when generated with overrides). */
  id: string;
  /** The seed it was generated from. */
  seed: number;
  /** Its style. */
  style: StyleId;
  /** A friendly generated title. */
  title: string;
  /** Tempo in beats per minute. */
  bpm: number;
  /** Key and mode. */
  key: Key;
  /** Always 4/4. */
  timeSignature: [4, 4];
  /** The form, in order, covering every bar once. */
  sections: Section[];
  /** One entry per part. */
  tracks: Track[];
  /** The editable choices behind this song. */
  arrangement: Arrangement;
}

/** Changes an arranger can make; everything not given comes from the seed. */
export interface SongOverrides {
  /** Total bars (8..128, rounded to a multiple of 4). */
  bars?: number;
  /** Tempo (40..240 BPM). */
  bpm?: number;
  /** An index into the style's progression list, or roman numerals (used for every section). */
  progression?: number | readonly string[];
  /** A one-bar groove replacing the style's. */
  drumPattern?: DrumPattern;
  /** Swing ratio 0.5..0.75. */
  swing?: number;
  /** Tracks to mark as muted. */
  mutedTracks?: readonly TrackId[];
  /** Sound preset per track. */
  instruments?: Partial<Record<TrackId, string>>;
  /** Adds the pink-noise test track. */
  includeNoise?: boolean;
}

/** One rendered track. */
export interface StemTrack {
  /** Which part. */
  id: TrackId;
  /** Display name. */
  name: string;
  /** The preset it was rendered with. */
  instrument: string;
  /** Audio, one Float32Array per channel (mono: one). */
  channels: Float32Array[];
  /** Fader setting that turns the raw stems into a rough mix (see STEM_PEAK_DB). */
  defaultFaderDb: Decibels;
  /** Gated RMS level of the stem (100 ms blocks, −70 dBFS and −20 dB relative gates). */
  activeRmsDb: Decibels;
  /** Where the rough mix places the stem (−1 left … 1 right); absent: centre (rough-mix.ts). */
  defaultPan?: Pan;
  /** The rough mix's post-fader send to its room (dB, −Infinity none); absent: dry (rough-mix.ts). */
  defaultReverbSendDb?: Decibels;
}

/** The rendered song: one buffer per (unmuted) track, all the same length. */
export interface Stems {
  /** Id of the song rendered. */
  songId: string;
  /** Version of the renderer; part of any cache key. */
  renderVersion: number;
  /** Sample rate of every channel. */
  sampleRate: SampleRate;
  /** Samples per channel. */
  length: number;
  /** One entry per rendered track, in song order. */
  tracks: StemTrack[];
}

/** Minimal abort signal (an AbortSignal fits), so pure code needs no DOM types. */
export interface AbortSignalLike {
  /** True once the caller wants the work stopped. */
  readonly aborted: boolean;
}
