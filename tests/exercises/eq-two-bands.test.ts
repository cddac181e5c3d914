import { describe, expect, it, vi } from 'vitest';
import { check } from '../../src/exercises/eq-two-bands/check';
import {
  audibility,
  generate,
  generateAt,
  MIN_APART_OCTAVES,
} from '../../src/exercises/eq-two-bands/generate';
import { meta } from '../../src/exercises/eq-two-bands/meta';

// Every song is one synthetic loop here (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

describe('eq-two-bands', () => {
  it('plants a boost and a cut at least two octaves apart, both audible, on every level', () => {
    for (let level = 1; level <= meta.levels.length; level++) {
      for (let seed = 1; seed <= 40; seed++) {
        const q = generate(seed, level);
        expect(q.bandsHz).toContain(q.boostHz);
        expect(q.bandsHz).toContain(q.cutHz);
        expect(Math.abs(Math.log2(q.boostHz / q.cutHz))).toBeGreaterThanOrEqual(MIN_APART_OCTAVES - 0.1);
        const a = audibility(q);
        if (q.source.type === 'pink')
          expect(a.planted, `level ${level} seed ${seed}`).toBeGreaterThanOrEqual(a.required);
      }
    }
  });

  it('scores 50 per move, 25 off per octave, and says when the two were swapped', () => {
    const q = { ...generate(3, 2), boostHz: 250, cutHz: 4000, gainDb: 9 };
    expect(check(q, { boostHz: 250, cutHz: 4000 }).score).toBe(100);
    expect(check(q, { boostHz: 500, cutHz: 4000 }).score).toBe(75);
    expect(check(q, { boostHz: 1000, cutHz: 4000 }).score).toBe(50);
    expect(check(q, { boostHz: 1000, cutHz: 2000 }).score).toBe(25);
    expect(check(q, { boostHz: 1000, cutHz: 2000 }).correct).toBe(false);
    const swapped = check(q, { boostHz: 4000, cutHz: 250 });
    expect(swapped.score).toBe(0);
    expect(swapped.feedback).toContain('swapped');
    expect(check(q, null as never).score).toBe(0);
    expect(check(q, { boostHz: Number.NaN, cutHz: 4000 }).score).toBe(50);
  });

  it('adaptive: both moves at the asked size, on the base level', () => {
    const q = generateAt(4, 3.333);
    expect(q.gainDb).toBe(3.33);
    expect(q.adaptiveValue).toBe(3.33);
    expect(q.level).toBe(meta.mainVariable!.baseLevel);
    expect(generateAt(4, 0).gainDb).toBe(1);
    expect(generateAt(4, 99).gainDb).toBe(18);
  });
});
