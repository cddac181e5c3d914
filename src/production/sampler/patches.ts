/**
 * Which sampled instruments (General MIDI programs and drum kits of the bundled FluidR3 Mono SoundFont) play
 * which sound presets, per style, with the seed choosing among a few kits and patches.
 */
import { hashString } from '../../dsp/random';
import type { StyleId } from '../types';

/** A sampled instrument of the bank: a melodic GM program, or a drum kit (GM drum notes). */
export interface SampledPatch {
  /** 'program' (channel 1, a GM program) or 'kit' (the drum channel, a GS kit number). */
  kind: 'program' | 'kit';
  /** GM program number (0 = grand piano) or kit number (0 = Standard, 16 = Power, 40 = Brush). */
  number: number;
  /** Readable name, for the README and tests. */
  name: string;
  /** Notes the bank keeps for it (melodic: the range the parts that use it play). */
  keys: readonly [number, number];
  /** Highest sample rate the bank keeps for it (Hz): what the instrument has above half of it is not needed. */
  maxRate: number;
}

const kit = (number: number, name: string): SampledPatch => ({
  kind: 'kit',
  number,
  name,
  keys: [35, 70],
  maxRate: 32000,
});
const program = (number: number, name: string, keys: [number, number], maxRate = 22050): SampledPatch => ({
  kind: 'program',
  number,
  name,
  keys,
  maxRate,
});
const BASS_KEYS: [number, number] = [26, 60];
/**
 * Rates kept (Hz), checked against the full-rate bank on rendered parts (third-octave bands at their rough-mix
 * fader): finger and acoustic bass and Rhodes at 11.025 kHz change by at most 0.2 dB up to 2 kHz and lose
 * 1–6 dB only in bands 44 dB or more below their loudest; strings at 16 kHz lose at most 0.7 dB up to 5 kHz
 * and 1.9 dB at 6.3 kHz (33 dB below their loudest). The organ, warm pad, picked bass and distorted guitar
 * lost audibly (their samples play up to an octave above where they were recorded) and keep their rates.
 */
const DARK = 11025;
const MELLOW = 16000;
const HARMONY_KEYS: [number, number] = [40, 96];

/** The kits in the bank. */
export const KITS = {
  standard: kit(0, 'Standard kit'),
  room: kit(8, 'Room kit'),
  power: kit(16, 'Power kit'),
  brush: kit(40, 'Brush kit'),
} as const;

/** The melodic programs in the bank. */
export const PROGRAMS = {
  piano: program(0, 'Grand piano', HARMONY_KEYS),
  rhodes: program(4, 'Rhodes electric piano', HARMONY_KEYS, DARK),
  organ: program(16, 'Drawbar organ', HARMONY_KEYS),
  overdrive: program(29, 'Overdriven guitar', HARMONY_KEYS),
  distortion: program(30, 'Distorted guitar', HARMONY_KEYS),
  acousticBass: program(32, 'Acoustic bass', BASS_KEYS, DARK),
  fingerBass: program(33, 'Finger bass', BASS_KEYS, DARK),
  pickBass: program(34, 'Picked bass', BASS_KEYS, 16000),
  strings: program(48, 'Strings', HARMONY_KEYS, MELLOW),
  warmPad: program(89, 'Warm pad', HARMONY_KEYS),
  flute: program(73, 'Flute', [55, 96]),
} as const;

/** GM drum notes the songs play (drum-hits.ts): the only drum samples the bank keeps. */
export const KIT_NOTES: readonly number[] = [36, 37, 38, 39, 42, 44, 45, 46, 47, 49, 50, 54, 70];

/** Every patch the bank must hold. */
export const BANK_PATCHES: readonly SampledPatch[] = [...Object.values(KITS), ...Object.values(PROGRAMS)];

const DRUM_PRESETS = new Set([
  'kick-punch',
  'kick-soft',
  'snare-tight',
  'snare-fat',
  'snare-soft',
  'hats-bright',
  'hats-dark',
  'perc-kit',
  'perc-bright',
]);

/** Kits per style, the seed picks one of three (the same kit for every drum track of a song). */
const STYLE_KITS: Record<StyleId, readonly SampledPatch[]> = {
  pop: [KITS.standard, KITS.room, KITS.power],
  rock: [KITS.power, KITS.room, KITS.standard],
  hiphop: [KITS.standard, KITS.room, KITS.power],
  ballad: [KITS.brush, KITS.standard, KITS.room],
  electronic: [],
};

/** Pitched presets that have sampled versions: the seed picks one per song. */
const PITCHED: Record<string, readonly SampledPatch[]> = {
  'bass-finger': [PROGRAMS.fingerBass, PROGRAMS.pickBass],
  'bass-sub': [PROGRAMS.acousticBass, PROGRAMS.fingerBass],
  'pad-warm': [PROGRAMS.warmPad, PROGRAMS.strings],
  'pad-strings': [PROGRAMS.strings],
  'guitar-drive': [PROGRAMS.overdrive, PROGRAMS.distortion],
  'keys-organ': [PROGRAMS.organ],
  'keys-pluck': [PROGRAMS.piano, PROGRAMS.rhodes],
  'keys-epiano': [PROGRAMS.rhodes, PROGRAMS.piano],
  'lead-flute': [PROGRAMS.flute],
};

/** Styles whose own synthesis is the better sound: they never use samples. */
export const SYNTH_STYLES: ReadonlySet<StyleId> = new Set(['electronic']);

/**
 * The sampled patch a track plays in a song, or null where our synthesis plays it (electronic styles,
 * synth leads and basses, claps, 808s, the vocal, the test noise). Deterministic in (preset, style, seed).
 */
export function sampledPatchFor(presetId: string, style: StyleId, seed: number): SampledPatch | null {
  if (SYNTH_STYLES.has(style)) return null;
  const choices = DRUM_PRESETS.has(presetId) ? STYLE_KITS[style] : PITCHED[presetId];
  if (!choices || choices.length === 0) return null;
  // Drum tracks share one pick (a song has one kit); pitched tracks pick per preset.
  const salt = DRUM_PRESETS.has(presetId) ? 'kit' : presetId;
  return choices[hashString(`${style}:${seed}:${salt}`) % choices.length] ?? null;
}
