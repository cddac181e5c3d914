import { describe, expect, it } from 'vitest';
import { createNoise, fillPinkNoise } from '../../../src/production/synth/noise';
import { bandEnergy } from '../spectrum-helpers';

describe('noise', () => {
  it('makes the same white noise for the same seed, uniform in [−1, 1)', () => {
    const a = createNoise(5);
    const b = createNoise(5);
    let sum = 0;
    let sq = 0;
    let mismatches = 0;
    let outside = 0;
    for (let i = 0; i < 100000; i++) {
      const x = a.next();
      if (x !== b.next()) mismatches++;
      if (x < -1 || x >= 1) outside++;
      sum += x;
      sq += x * x;
    }
    expect(mismatches).toBe(0);
    expect(outside).toBe(0);
    expect(sum / 100000).toBeCloseTo(0, 2);
    expect(sq / 100000).toBeCloseTo(1 / 3, 2);
  });

  it('makes pink noise: about equal energy per octave (−3 dB/octave), RMS near −12 dBFS', () => {
    const rate = 32000;
    const x = new Float32Array(rate * 8);
    fillPinkNoise(x, 0, x.length, createNoise(9));
    const octaves = [125, 250, 500, 1000, 2000, 4000].map(
      (f) => 10 * Math.log10(bandEnergy(x, rate, f, 2 * f, 8192)),
    );
    const mean = octaves.reduce((a, b) => a + b, 0) / octaves.length;
    for (const o of octaves) expect(Math.abs(o - mean)).toBeLessThan(1.5);
    let sq = 0;
    for (const v of x) sq += v * v;
    expect(10 * Math.log10(sq / x.length)).toBeGreaterThan(-15);
    expect(10 * Math.log10(sq / x.length)).toBeLessThan(-9);
  });
});
