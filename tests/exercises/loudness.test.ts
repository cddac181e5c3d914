import { describe, expect, it, vi } from 'vitest';
import { check } from '../../src/exercises/loudness/check';
import { audibility, generate, generateAt } from '../../src/exercises/loudness/generate';
import { meta } from '../../src/exercises/loudness/meta';
import { solve } from '../../src/exercises/loudness/solve';

// Songs are one synthetic loop here (the kind's audibility needs no render, but other kinds' helpers are shared).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

describe('loudness: which is louder', () => {
  it('levels go from 6 dB on pink noise down to 0.5 dB, each difference at least the 0.5 dB level step', () => {
    const fixed = meta.levels.filter((l) => !l.params.askAmount).map((l) => l.params.differencesDb[0]);
    expect(fixed).toEqual([6, 3, 2, 1, 0.5]);
    for (let level = 1; level <= meta.levels.length; level++) {
      for (let seed = 1; seed <= 40; seed++) {
        const q = generate(seed, level);
        expect(q.differenceDb).toBeGreaterThanOrEqual(0.5);
        expect(meta.levels[level - 1]!.params.differencesDb).toContain(q.differenceDb);
        expect(audibility(q).planted).toBeGreaterThanOrEqual(audibility(q).required);
      }
    }
  });

  it('puts the louder side on A and B about equally often (always B earns about 50)', () => {
    let b = 0;
    for (let seed = 1; seed <= 400; seed++) if (generate(seed, 4).louderSide === 'B') b++;
    expect(b / 400).toBeGreaterThan(0.42);
    expect(b / 400).toBeLessThan(0.58);
  });

  it('side only: 100 or 0', () => {
    const q = { ...generate(3, 2), louderSide: 'B' as const, differenceDb: 3 };
    expect(check(q, { side: 'B' }).score).toBe(100);
    expect(check(q, { side: 'B' }).correct).toBe(true);
    expect(check(q, { side: 'A' }).score).toBe(0);
    expect(check(q, { side: 'A' }).feedback).toBe('B was 3 dB louder; you chose A.');
    expect(check(q, null as never).score).toBe(0);
  });

  it('side and amount: 50 + 50 × rank credit, the amount only on the right side', () => {
    const q = { ...generate(3, 5), louderSide: 'A' as const, differenceDb: 3 };
    expect(q.amountsDb).toEqual([1, 2, 3, 4, 6]);
    expect(check(q, { side: 'A', amountDb: 3 }).score).toBe(100);
    expect(check(q, { side: 'A', amountDb: 4 }).score).toBe(67);
    expect(check(q, { side: 'A', amountDb: 2 }).score).toBe(67);
    expect(check(q, { side: 'A', amountDb: 6 }).score).toBe(50);
    expect(check(q, { side: 'A', amountDb: 6 }).correct).toBe(false);
    expect(check(q, { side: 'B', amountDb: 3 }).score).toBe(0);
    expect(check(q, solve(q)).score).toBe(100);
  });

  it('adaptive: the asked difference (0.05 dB steps, clamped to 0.2 … 8 dB) on the base level', () => {
    expect(generateAt(5, 1.234).differenceDb).toBe(1.25);
    expect(generateAt(5, 1.234).adaptiveValue).toBe(1.25);
    expect(generateAt(5, 0.01).differenceDb).toBe(0.2);
    expect(generateAt(5, 50).differenceDb).toBe(8);
    expect(generateAt(5, 2).level).toBe(meta.mainVariable!.baseLevel);
    expect(generateAt(5, 2).askAmount).toBe(false);
  });
});
