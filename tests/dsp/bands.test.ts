import { describe, expect, it } from 'vitest';
import {
  bandEdges,
  bandLevelDb,
  bandLevels,
  exactCentre,
  formatHz,
  OCTAVE_CENTRES,
  THIRD_OCTAVE_CENTRES,
} from '../../src/dsp/bands';
import { renderWhiteNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';

function sine(frequency: number, seconds: number, sampleRate: number, amplitude: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++)
    out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
}

describe('band tables', () => {
  it('lists the ISO 266 nominal centres; every octave centre is also a third-octave centre', () => {
    expect(OCTAVE_CENTRES.length).toBe(10);
    expect(THIRD_OCTAVE_CENTRES.length).toBe(30);
    expect(THIRD_OCTAVE_CENTRES[0]).toBe(25);
    expect(THIRD_OCTAVE_CENTRES[29]).toBe(20000);
    for (const c of OCTAVE_CENTRES) expect(THIRD_OCTAVE_CENTRES).toContain(c);
    for (let i = 1; i < THIRD_OCTAVE_CENTRES.length; i++) {
      expect(THIRD_OCTAVE_CENTRES[i]!).toBeGreaterThan(THIRD_OCTAVE_CENTRES[i - 1]!);
    }
  });

  it('exactCentre gives base-10 centres 1000·10^(k/10) close to the nominal ones', () => {
    expect(exactCentre(1000)).toBe(1000);
    expect(exactCentre(31.5)).toBeCloseTo(31.623, 3);
    expect(exactCentre(63)).toBeCloseTo(63.096, 3);
    expect(exactCentre(16000)).toBeCloseTo(15848.93, 2);
    expect(exactCentre(20000)).toBeCloseTo(19952.62, 2);
    THIRD_OCTAVE_CENTRES.forEach((nominal, i) => {
      const exact = exactCentre(nominal);
      expect(Math.abs(exact / nominal - 1)).toBeLessThan(0.013);
      expect(exact).toBeCloseTo(1000 * 10 ** ((i - 16) / 10), 6);
    });
  });

  it('bandEdges are geometric around the centre and adjacent bands touch', () => {
    const [lo, hi] = bandEdges(1000, 1);
    expect(lo * hi).toBeCloseTo(1000 * 1000, 6);
    expect(hi / lo).toBeCloseTo(10 ** 0.3, 12);
    const [lo3, hi3] = bandEdges(1000, 3);
    expect(hi3 / lo3).toBeCloseTo(10 ** 0.1, 12);
    expect(lo3).toBeCloseTo(891.25, 2);
    expect(hi3).toBeCloseTo(1122.02, 2);
    expect(bandEdges(exactCentre(1250), 3)[0]).toBeCloseTo(hi3, 9);
    expect(bandEdges(exactCentre(2000), 1)[0]).toBeCloseTo(hi, 9);
  });
});

describe('bandLevelDb / bandLevels', () => {
  it('puts a sine’s whole power into its third-octave band; the neighbours are > 20 dB down', () => {
    const sr = 48_000;
    for (const [f, a] of [
      [1000, 0.5],
      [100, 0.25],
      [8000, 1],
    ] as const) {
      const x = sine(f, 1, sr, a);
      const expected = 10 * Math.log10((a * a) / 2);
      expect(Math.abs(bandLevelDb(x, sr, f) - expected)).toBeLessThan(0.2);
      expect(bandLevelDb(x, sr, exactCentre(f) / 10 ** 0.1)).toBeLessThan(expected - 20);
      expect(bandLevelDb(x, sr, exactCentre(f) * 10 ** 0.1)).toBeLessThan(expected - 20);
    }
  });

  it('octave bands hold a sine too, and the default fraction is a third-octave', () => {
    const sr = 16_000;
    const x = sine(500, 0.5, sr, 0.5);
    expect(bandLevelDb(x, sr, 500, 1)).toBeCloseTo(10 * Math.log10(0.125), 1);
    expect(bandLevelDb(x, sr, 250, 1)).toBeLessThan(-30);
    expect(bandLevelDb(x, sr, 500)).toBe(bandLevelDb(x, sr, 500, 3));
  });

  it('third-octave levels of white noise follow the analytic bandwidth share, so they rise 3 dB/octave', () => {
    const sr = 48_000;
    const x = renderWhiteNoise(createRng(5), 3 * sr, 0.5);
    const centres = THIRD_OCTAVE_CENTRES.filter((c) => c >= 250).map(exactCentre);
    const levels = bandLevels(x, sr, centres, 3);
    centres.forEach((c, i) => {
      const [lo, hi] = bandEdges(c, 3);
      const expected = 10 * Math.log10(((0.25 / 3) * (Math.min(hi, sr / 2) - lo)) / (sr / 2));
      expect(Math.abs(levels[i]! - expected)).toBeLessThan(1);
    });
    // Least-squares slope against octaves.
    const xs = centres.map((c) => Math.log2(c));
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = levels.reduce((a, b) => a + b) / levels.length;
    let num = 0;
    let den = 0;
    xs.forEach((v, i) => {
      num += (v - mx) * (levels[i]! - my);
      den += (v - mx) * (v - mx);
    });
    expect(num / den).toBeCloseTo(3.01, 0);
    expect(Math.abs(num / den - 3.01)).toBeLessThan(0.15);
  });

  it('contiguous third-octave bands add up to the whole mean square of a many-tone signal', () => {
    const sr = 16_000;
    const rng = createRng(8);
    const tones = Array.from({ length: 50 }, () => ({
      f: rng.range(20, 7900),
      a: rng.range(0.001, 0.05),
      phase: rng.range(0, 2 * Math.PI),
    }));
    const x = new Float32Array(sr);
    for (const { f, a, phase } of tones) {
      for (let i = 0; i < x.length; i++) x[i] = x[i]! + a * Math.sin((2 * Math.PI * f * i) / sr + phase);
    }
    const ms = tones.reduce((s, t) => s + (t.a * t.a) / 2, 0);
    const centres = Array.from({ length: 30 }, (_, k) => 1000 * 10 ** ((k - 20) / 10)); // 10 Hz … 7.9 kHz
    const total = bandLevels(x, sr, centres).reduce((s, db) => s + 10 ** (db / 10), 0);
    // The bands tile the spectrum exactly (see fft.test.ts); the rest is the Hann-weighted estimate (~1 %).
    expect(Math.abs(10 * Math.log10(total / ms))).toBeLessThan(0.1);
  });

  it('reads −Infinity for silence and returns [] for no centres', () => {
    expect(bandLevelDb(new Float32Array(1000), 8000, 1000)).toBe(Number.NEGATIVE_INFINITY);
    expect(bandLevels(new Float32Array(1000), 8000, [])).toEqual([]);
  });
});

describe('formatHz', () => {
  it('uses three significant figures and kHz from 1000 up', () => {
    expect(formatHz(31.5)).toBe('31.5 Hz');
    expect(formatHz(250)).toBe('250 Hz');
    expect(formatHz(1200)).toBe('1.2 kHz');
    expect(formatHz(1000)).toBe('1 kHz');
    expect(formatHz(1250)).toBe('1.25 kHz');
    expect(formatHz(12500)).toBe('12.5 kHz');
    expect(formatHz(15848.93)).toBe('15.8 kHz');
    expect(formatHz(999.8)).toBe('1 kHz');
    expect(formatHz(63.0957)).toBe('63.1 Hz');
    expect(formatHz(20)).toBe('20 Hz');
    expect(formatHz(0)).toBe('0 Hz');
  });
});
