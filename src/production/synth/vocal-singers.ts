/** The singers and the consonants of the formant-synthesis vocal (vocal-voice.ts): plain data. */
import type { Hz, Seconds } from '../../dsp/units';
import type { Consonant, Vowel } from '../types';

/** Formant frequencies (F1–F4) per vowel, bandwidth scale and breathiness: one singer. */
export interface VocalParams {
  formants: Readonly<Record<Vowel, readonly [Hz, Hz, Hz, Hz]>>;
  bandwidths: readonly [Hz, Hz, Hz, Hz];
  levels: readonly [number, number, number, number];
  breath: number;
}

/** An alto voice (formants from published averages for adult female speakers). */
export const ALTO: VocalParams = {
  formants: {
    a: [850, 1220, 2810, 3800],
    e: [600, 2300, 2990, 4000],
    i: [310, 2790, 3310, 4200],
    o: [590, 920, 2710, 3800],
    u: [370, 950, 2670, 3800],
  },
  bandwidths: [90, 110, 160, 200],
  levels: [1, 0.7, 0.5, 0.35],
  breath: 0.05,
};

/** A tenor voice (formants from published averages for adult male speakers). */
export const TENOR: VocalParams = {
  formants: {
    a: [730, 1090, 2440, 3400],
    e: [530, 1840, 2480, 3400],
    i: [270, 2290, 3010, 3500],
    o: [570, 840, 2410, 3300],
    u: [300, 870, 2240, 3300],
  },
  bandwidths: [80, 95, 130, 170],
  levels: [1, 0.65, 0.5, 0.35],
  breath: 0.04,
};

/** How a consonant sounds: its manner, where it puts the formants and what noise it makes. */
export interface ConsonantSound {
  /** Its length from the note's onset (capped at 40 % of the note). */
  length: Seconds;
  /** The voice's level during it (0: unvoiced or closed). */
  voice: number;
  /** The formants it moves to (voiced consonants; absent: the vowel's). */
  formants?: readonly [Hz, Hz, Hz, Hz];
  /** Stops: the closure before the burst (silence or a voiced murmur). */
  closure?: Seconds;
  /** Centre and Q of its noise band, and the noise's peak level (0: none). */
  noiseHz: Hz;
  noiseQ: number;
  noise: number;
  /** Breath through the formants (aspiration: h, and the puff after t and k). */
  aspiration: number;
}

/** The consonants, by published formant loci and noise bands (approximate, one singer). */
export const CONSONANTS: Readonly<Record<Consonant, ConsonantSound>> = {
  m: {
    length: 0.07,
    voice: 0.3,
    formants: [250, 1100, 2300, 3300],
    noiseHz: 0,
    noiseQ: 1,
    noise: 0,
    aspiration: 0,
  },
  n: {
    length: 0.065,
    voice: 0.3,
    formants: [250, 1700, 2600, 3400],
    noiseHz: 0,
    noiseQ: 1,
    noise: 0,
    aspiration: 0,
  },
  l: {
    length: 0.06,
    voice: 0.55,
    formants: [360, 1100, 2800, 3500],
    noiseHz: 0,
    noiseQ: 1,
    noise: 0,
    aspiration: 0,
  },
  r: {
    length: 0.06,
    voice: 0.6,
    formants: [350, 1100, 1600, 3000],
    noiseHz: 0,
    noiseQ: 1,
    noise: 0,
    aspiration: 0,
  },
  w: {
    length: 0.06,
    voice: 0.6,
    formants: [300, 700, 2200, 3300],
    noiseHz: 0,
    noiseQ: 1,
    noise: 0,
    aspiration: 0,
  },
  y: {
    length: 0.055,
    voice: 0.6,
    formants: [280, 2250, 2900, 3600],
    noiseHz: 0,
    noiseQ: 1,
    noise: 0,
    aspiration: 0,
  },
  b: { length: 0.05, voice: 0.1, closure: 0.04, noiseHz: 1200, noiseQ: 1, noise: 0.5, aspiration: 0 },
  d: { length: 0.05, voice: 0.1, closure: 0.04, noiseHz: 3800, noiseQ: 1.2, noise: 0.6, aspiration: 0 },
  k: { length: 0.085, voice: 0, closure: 0.045, noiseHz: 2300, noiseQ: 1.5, noise: 0.9, aspiration: 0.6 },
  t: { length: 0.08, voice: 0, closure: 0.045, noiseHz: 4800, noiseQ: 1.2, noise: 0.9, aspiration: 0.5 },
  f: { length: 0.08, voice: 0, noiseHz: 5000, noiseQ: 0.6, noise: 0.35, aspiration: 0 },
  s: { length: 0.1, voice: 0, noiseHz: 6500, noiseQ: 2, noise: 1.2, aspiration: 0 },
  sh: { length: 0.1, voice: 0, noiseHz: 3000, noiseQ: 1.5, noise: 1, aspiration: 0 },
  h: { length: 0.07, voice: 0, noiseHz: 0, noiseQ: 1, noise: 0, aspiration: 1 },
};
