import { describe, expect, it } from 'vitest';
import { generateSong } from '../../../src/production/generate-song';
import { STYLES } from '../../../src/production/styles';
import { createNoise } from '../../../src/production/synth/noise';
import { ALTO } from '../../../src/production/synth/vocal-singers';
import { renderVocal } from '../../../src/production/synth/vocal-voice';
import type { Consonant, NoteEvent, Vowel } from '../../../src/production/types';
import { bandEnergy, hashSamples } from '../spectrum-helpers';

const RATE = 16000;
/** Two beats per second: a note of 0.8 beats lasts 0.4 s. */
const SPB = 0.5;

/** A legato line of three notes on `vowel`, the middle one starting with `consonant`. */
function sing(consonant: Consonant | undefined, vowel: Vowel = 'a', rate = RATE): Float32Array {
  const events: NoteEvent[] = [0, 1, 2].map((i) => ({
    time: i,
    duration: 0.95,
    pitch: 62,
    velocity: 0.9,
    vowel,
    ...(i === 1 && consonant ? { consonant } : {}),
  }));
  const out = new Float32Array(Math.round(2 * rate));
  renderVocal(events, SPB, rate, out, createNoise(5), ALTO);
  return out;
}

/** Samples of `x` from `from` to `to` seconds. */
function span(x: Float32Array, from: number, to: number, rate = RATE): Float32Array {
  return x.subarray(Math.round(from * rate), Math.round(to * rate));
}

function energy(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) ** 2;
  return s;
}

const db = (ratio: number) => 10 * Math.log10(ratio);
/** The middle note starts at 0.5 s. */
const ONSET = 0.5;

describe('a vocal that sings syllables', () => {
  it('hisses on s: 4–8 kHz rises by more than 20 dB in the first 80 ms of the note, then the vowel returns', () => {
    const plain = sing(undefined);
    const s = sing('s');
    const hiss = (x: Float32Array) => bandEnergy(span(x, ONSET + 0.01, ONSET + 0.09), RATE, 4000, 8000, 1024);
    expect(db(hiss(s) / hiss(plain))).toBeGreaterThan(20);
    // 150 ms later the note is the plain vowel again (within 1 dB).
    const vowel = (x: Float32Array) => energy(span(x, ONSET + 0.25, ONSET + 0.4));
    expect(Math.abs(db(vowel(s) / vowel(plain)))).toBeLessThan(1);
  });

  it('sh hisses lower than s (2–4 kHz against 5–8 kHz)', () => {
    const tilt = (x: Float32Array) => {
      const part = span(x, ONSET + 0.02, ONSET + 0.08);
      return bandEnergy(part, RATE, 2000, 4000, 512) / bandEnergy(part, RATE, 5000, 8000, 512);
    };
    expect(db(tilt(sing('sh')) / tilt(sing('s')))).toBeGreaterThan(10);
  });

  it.each(['t', 'k', 'd'] as const)(
    '%s closes the voice (a dip of 15 dB or more) and releases it',
    (stop) => {
      const x = sing(stop);
      const plain = sing(undefined);
      const closure = energy(span(x, ONSET + 0.012, ONSET + 0.03));
      const before = energy(span(x, ONSET - 0.05, ONSET - 0.032));
      expect(db(closure / before)).toBeLessThan(-15);
      // The release of t and k: 2–8 kHz louder than the plain vowel's right after the closure (d's is soft).
      if (stop === 'd') return;
      const burst = (y: Float32Array) =>
        bandEnergy(span(y, ONSET + 0.035, ONSET + 0.067), RATE, 2000, 8000, 512);
      expect(db(burst(x) / burst(plain))).toBeGreaterThan(6);
    },
  );

  it('m and n hum: the first 50 ms lose 10 dB or more above 1 kHz, keeping their low hum', () => {
    const plain = sing(undefined);
    for (const nasal of ['m', 'n'] as const) {
      const x = sing(nasal);
      const high = (y: Float32Array) =>
        bandEnergy(span(y, ONSET + 0.005, ONSET + 0.05), RATE, 1000, 4000, 512);
      const low = (y: Float32Array) => bandEnergy(span(y, ONSET + 0.005, ONSET + 0.05), RATE, 150, 400, 512);
      expect(db(high(x) / high(plain)), nasal).toBeLessThan(-10);
      expect(db(low(x) / low(plain)), nasal).toBeGreaterThan(-15);
    }
  });

  it('y glides from a high second formant into "a" (2–3 kHz 6 dB up at the onset)', () => {
    const bright = (x: Float32Array) => {
      const part = span(x, ONSET + 0.005, ONSET + 0.05);
      return bandEnergy(part, RATE, 2000, 3000, 512) / bandEnergy(part, RATE, 600, 1200, 512);
    };
    expect(db(bright(sing('y')) / bright(sing(undefined)))).toBeGreaterThan(6);
  });

  it('keeps the interpolated voice clean at 48 kHz: above 13 kHz under −60 dB of an s', () => {
    const x = sing('s', 'i', 48000);
    const total = bandEnergy(x, 48000, 0, 24000);
    expect(db(bandEnergy(x, 48000, 13500, 24000) / total)).toBeLessThan(-60);
  });

  it('generated vocals sing syllables: most notes start with a consonant, of many kinds, on several vowels', () => {
    for (const { id } of STYLES) {
      const vocal = generateSong(4, id).tracks.find((t) => t.id === 'vocal')?.events ?? [];
      const sung = vocal.filter((e) => e.vowel);
      const consonants = new Set(sung.map((e) => e.consonant).filter(Boolean));
      const vowels = new Set(sung.map((e) => e.vowel));
      expect(sung.filter((e) => e.consonant).length / sung.length, id).toBeGreaterThan(0.6);
      expect(consonants.size, id).toBeGreaterThanOrEqual(6);
      expect(vowels.size, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('is deterministic: the same syllables give bit-identical samples', () => {
    expect(hashSamples([sing('k')])).toBe(hashSamples([sing('k')]));
    expect(hashSamples([sing('k')])).not.toBe(hashSamples([sing('t')]));
  });
});
