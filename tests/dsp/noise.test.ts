import { describe, expect, it } from 'vitest';
import { bandLevels, exactCentre, THIRD_OCTAVE_CENTRES } from '../../src/dsp/bands';
import { PINK_NOISE_RMS, renderPinkNoise, renderWhiteNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';

function rms(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s / x.length);
}

function peak(x: Float32Array): number {
  let p = 0;
  for (const v of x) p = Math.max(p, Math.abs(v));
  return p;
}

describe('renderWhiteNoise', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(renderWhiteNoise(createRng(1), 500)).toEqual(renderWhiteNoise(createRng(1), 500));
    expect(renderWhiteNoise(createRng(1), 500)).not.toEqual(renderWhiteNoise(createRng(2), 500));
  });

  it('stays within ±amplitude with RMS amplitude/√3', () => {
    const x = renderWhiteNoise(createRng(3), 100_000, 0.5);
    expect(peak(x)).toBeLessThanOrEqual(0.5);
    expect(peak(x)).toBeGreaterThan(0.49);
    expect(rms(x) / (0.5 / Math.sqrt(3))).toBeCloseTo(1, 2);
  });
});

describe('renderPinkNoise', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(renderPinkNoise(createRng(4), 1000)).toEqual(renderPinkNoise(createRng(4), 1000));
    expect(renderPinkNoise(createRng(4), 1000)).not.toEqual(renderPinkNoise(createRng(5), 1000));
  });

  it('has RMS −20 dBFS by default (and the asked RMS otherwise) from the first sample on', () => {
    expect(PINK_NOISE_RMS).toBe(0.1);
    const x = renderPinkNoise(createRng(6), 200_000);
    expect(20 * Math.log10(rms(x) / 0.1)).toBeCloseTo(0, 1);
    // The filter is warmed up, so the first 0.25 s is as loud as the rest (within noise).
    expect(20 * Math.log10(rms(x.subarray(0, 12_000)) / 0.1)).toBeCloseTo(0, 0);
    const y = renderPinkNoise(createRng(6), 200_000, 0.05);
    expect(20 * Math.log10(rms(y) / 0.05)).toBeCloseTo(0, 1);
  });

  it('never leaves [−1, 1], even when asked for a very hot RMS', () => {
    expect(peak(renderPinkNoise(createRng(7), 100_000))).toBeLessThan(0.6);
    expect(peak(renderPinkNoise(createRng(7), 100_000, 0.6))).toBeLessThanOrEqual(1);
  });

  it('is flat within ±1.5 dB per third-octave band from 63 Hz to 16 kHz at 48 kHz (equal power per band)', () => {
    const sr = 48_000;
    const x = renderPinkNoise(createRng(8), 8 * sr);
    const centres = THIRD_OCTAVE_CENTRES.filter((c) => c >= 63 && c <= 16_000).map(exactCentre);
    const levels = bandLevels(x, sr, centres, 3);
    const mean = levels.reduce((a, b) => a + b) / levels.length;
    for (const level of levels) expect(Math.abs(level - mean)).toBeLessThan(1.5);
    // Upper bands, where the estimate averages many bins, are much flatter still.
    for (const level of levels.slice(-12)) expect(Math.abs(level - mean)).toBeLessThan(0.5);
  });

  it('falls 3 dB per octave relative to white noise: octave-band levels are flat', () => {
    const sr = 16_000;
    const x = renderPinkNoise(createRng(9), 4 * sr);
    const levels = bandLevels(x, sr, [125, 250, 500, 1000, 2000, 4000].map(exactCentre), 1);
    const mean = levels.reduce((a, b) => a + b) / levels.length;
    for (const level of levels) expect(Math.abs(level - mean)).toBeLessThan(0.75);
  });
});
