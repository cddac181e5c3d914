import { describe, expect, it } from 'vitest';
import { dbToGain } from '../../src/dsp/db';
import { levelStems, STEM_PEAK_DB } from '../../src/production/stem-levels';

const RATE = 8000;

describe('levelStems', () => {
  it('scales every sample by one float32 factor and leaves the silent stretches exactly zero', () => {
    // Bursts with rests between them (whole 10 ms slices of zeros), one lone sample in a slice of zeros,
    // and a negative zero.
    const stem = new Float32Array(RATE);
    for (let i = 0; i < stem.length; i++) if (i % 2000 < 700) stem[i] = Math.sin(i * 0.37) * 0.4;
    stem[1234] = 0;
    stem[1500] = 0.9;
    stem[1999] = -0;
    const before = Float32Array.from(stem);
    levelStems([stem], [-20], RATE);
    const scale = Math.fround(dbToGain(STEM_PEAK_DB) / 0.9);
    for (let i = 0; i < stem.length; i++) expect(stem[i]).toBe(Math.fround((before[i] as number) * scale));
    expect(Math.max(...stem.map(Math.abs))).toBeCloseTo(dbToGain(STEM_PEAK_DB), 6);
    expect(stem.subarray(800, 1490).every((x) => x === 0)).toBe(true);
  });

  it('leaves an all-silent stem silent', () => {
    const stem = new Float32Array(RATE);
    const levels = levelStems(
      [stem, Float32Array.from({ length: RATE }, (_, i) => (i % 7) / 10)],
      [-20, -20],
      RATE,
    );
    expect(stem.every((x) => x === 0)).toBe(true);
    expect(levels.rmsDb[0]).toBe(Number.NEGATIVE_INFINITY);
  });
});
