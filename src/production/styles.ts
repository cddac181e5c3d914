/** The five styles: what the UI shows, and the musical choices each generator reads. */
import type { Decibels } from '../dsp/units';
import type { Mode, StyleId, TrackId } from './types';

/** What the UI needs to offer a style. */
export interface StyleInfo {
  /** Style id. */
  id: StyleId;
  /** Display name. */
  label: string;
  /** Tempo range songs of this style are generated in (inclusive, BPM). */
  bpmRange: [number, number];
  /** One sentence for the style picker. */
  description: string;
}

/** A chord progression a style can use (one chord per bar, repeated through a section). */
export interface ProgressionChoice {
  /** The key mode the numerals are meant for. */
  mode: Mode;
  /** Roman numerals, 4 or 8 of them. */
  romans: readonly string[];
}

/** Everything a style decides, read by the generators (patterns live in grooves.ts). */
export interface StyleSpec extends StyleInfo {
  progressions: readonly ProgressionChoice[];
  swingRange: [number, number];
  /** Lowest and highest vocal note (MIDI): about an octave and a half. */
  vocalRange: [number, number];
  /** Range the bass root of each chord is placed in (MIDI). */
  bassRange: [number, number];
  /** Default sound preset per track. */
  instruments: Record<TrackId, string>;
  /** Target gated RMS (dBFS) of each track in the rough mix the default faders make. */
  balance: Record<TrackId, Decibels>;
}

const BALANCE: Record<TrackId, Decibels> = {
  kick: -17,
  snare: -19,
  hats: -27,
  perc: -29,
  bass: -18,
  chords: -23,
  keys: -24,
  lead: -22,
  vocal: -18,
  noise: -20,
};

const SPECS: Record<StyleId, StyleSpec> = {
  pop: {
    id: 'pop',
    label: 'Pop',
    bpmRange: [96, 120],
    description: 'Bright and tidy: four-chord loops, a clap on the backbeat and a catchy vocal hook.',
    progressions: [
      { mode: 'major', romans: ['I', 'V', 'vi', 'IV'] },
      { mode: 'major', romans: ['vi', 'IV', 'I', 'V'] },
      { mode: 'major', romans: ['I', 'vi', 'IV', 'V'] },
      { mode: 'major', romans: ['IV', 'I', 'V', 'vi'] },
      { mode: 'major', romans: ['I', 'IV', 'vi', 'V'] },
    ],
    swingRange: [0.5, 0.54],
    vocalRange: [57, 76],
    bassRange: [33, 44],
    instruments: {
      kick: 'kick-punch',
      snare: 'snare-tight',
      hats: 'hats-bright',
      perc: 'perc-kit',
      bass: 'bass-finger',
      chords: 'pad-warm',
      keys: 'keys-pluck',
      lead: 'lead-square',
      vocal: 'vocal-alto',
      noise: 'noise-pink',
    },
    balance: BALANCE,
  },
  rock: {
    id: 'rock',
    label: 'Rock',
    bpmRange: [112, 140],
    description: 'Driving eighth-note bass, distorted power chords, organ, loud snare and tom fills.',
    progressions: [
      { mode: 'major', romans: ['I', 'IV', 'I', 'V'] },
      { mode: 'major', romans: ['I', 'V', 'vi', 'IV'] },
      { mode: 'minor', romans: ['i', 'VI', 'III', 'VII'] },
      { mode: 'minor', romans: ['i', 'VII', 'VI', 'VII'] },
      { mode: 'minor', romans: ['i', 'iv', 'VI', 'V'] },
    ],
    swingRange: [0.5, 0.5],
    vocalRange: [50, 69],
    bassRange: [33, 44],
    instruments: {
      kick: 'kick-punch',
      snare: 'snare-fat',
      hats: 'hats-bright',
      perc: 'perc-kit',
      bass: 'bass-finger',
      chords: 'guitar-drive',
      keys: 'keys-organ',
      lead: 'lead-saw',
      vocal: 'vocal-tenor',
      noise: 'noise-pink',
    },
    balance: { ...BALANCE, snare: -18, chords: -20, keys: -27, lead: -23 },
  },
  hiphop: {
    id: 'hiphop',
    label: 'Hip-hop',
    bpmRange: [82, 96],
    description: 'Laid-back swung drums, a long 808 bass, jazzy seventh chords on an electric piano.',
    progressions: [
      { mode: 'minor', romans: ['i7', 'iv7', 'i7', 'v7'] },
      { mode: 'minor', romans: ['i7', 'VI7', 'III7', 'VII7'] },
      { mode: 'minor', romans: ['i7', 'VI7', 'iv7', 'V7'] },
      { mode: 'major', romans: ['ii7', 'V7', 'I7', 'vi7'] },
      { mode: 'major', romans: ['I7', 'vi7', 'ii7', 'V7'] },
    ],
    swingRange: [0.56, 0.63],
    vocalRange: [50, 67],
    bassRange: [29, 40],
    instruments: {
      kick: 'kick-808',
      snare: 'snare-tight',
      hats: 'hats-dark',
      perc: 'perc-kit',
      bass: 'bass-808',
      chords: 'pad-warm',
      keys: 'keys-epiano',
      lead: 'lead-flute',
      vocal: 'vocal-tenor',
      noise: 'noise-pink',
    },
    balance: { ...BALANCE, kick: -16, bass: -17, hats: -26, chords: -26, keys: -22 },
  },
  electronic: {
    id: 'electronic',
    label: 'Electronic',
    bpmRange: [120, 128],
    description: 'Four-on-the-floor kick, off-beat bass and open hats, synth stabs and plucked arpeggios.',
    progressions: [
      { mode: 'minor', romans: ['i', 'VI', 'III', 'VII'] },
      { mode: 'minor', romans: ['i', 'VII', 'VI', 'VII'] },
      { mode: 'minor', romans: ['VI', 'VII', 'i', 'i'] },
      { mode: 'minor', romans: ['i', 'iv', 'VI', 'V'] },
      { mode: 'major', romans: ['vi', 'IV', 'I', 'V'] },
    ],
    swingRange: [0.5, 0.54],
    vocalRange: [57, 76],
    bassRange: [33, 44],
    instruments: {
      kick: 'kick-club',
      snare: 'snare-clap',
      hats: 'hats-bright',
      perc: 'perc-kit',
      bass: 'bass-saw',
      chords: 'chords-stab',
      keys: 'keys-pluck',
      lead: 'lead-saw',
      vocal: 'vocal-alto',
      noise: 'noise-pink',
    },
    balance: { ...BALANCE, kick: -15, bass: -18, hats: -25, perc: -28, chords: -24 },
  },
  ballad: {
    id: 'ballad',
    label: 'Ballad',
    bpmRange: [66, 80],
    description: 'Slow and soft: strings, an electric piano, side-stick drums and a long-breathed vocal.',
    progressions: [
      { mode: 'major', romans: ['I', 'V', 'vi', 'IV'] },
      { mode: 'major', romans: ['I', 'vi', 'IV', 'V'] },
      { mode: 'major', romans: ['I', 'iii', 'IV', 'V'] },
      { mode: 'major', romans: ['I', 'V', 'vi', 'iii', 'IV', 'I', 'IV', 'V'] },
      { mode: 'major', romans: ['I7', 'vi7', 'ii7', 'V'] },
    ],
    swingRange: [0.5, 0.56],
    vocalRange: [55, 74],
    bassRange: [31, 43],
    instruments: {
      kick: 'kick-soft',
      snare: 'snare-soft',
      hats: 'hats-dark',
      perc: 'perc-kit',
      bass: 'bass-sub',
      chords: 'pad-strings',
      keys: 'keys-epiano',
      lead: 'lead-flute',
      vocal: 'vocal-alto',
      noise: 'noise-pink',
    },
    balance: { ...BALANCE, kick: -21, snare: -23, hats: -30, chords: -21, keys: -21 },
  },
};

/** The styles, in the order the UI lists them. */
export const STYLES: readonly StyleInfo[] = (['pop', 'rock', 'hiphop', 'electronic', 'ballad'] as const).map(
  (id) => {
    const { label, bpmRange, description } = SPECS[id];
    return { id, label, bpmRange, description };
  },
);

/** Whether a string is a known style id. */
export function isStyleId(text: string): text is StyleId {
  return Object.hasOwn(SPECS, text);
}

/** The full musical spec of a style. */
export function styleSpec(id: StyleId): StyleSpec {
  return SPECS[id];
}

/** The progressions an arranger can choose from for a style (index = SongOverrides.progression). */
export function listProgressions(id: StyleId): readonly ProgressionChoice[] {
  return SPECS[id].progressions;
}
