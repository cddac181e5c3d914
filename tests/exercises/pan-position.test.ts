import { describe, expect, it, vi } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { check, widthShare } from '../../src/exercises/pan-position/check';
import {
  adaptivePositions,
  generate,
  generateAt,
  panPositions,
} from '../../src/exercises/pan-position/generate';
import { ADAPTIVE_POSITIONS, meta, type PanPositionQuestion } from '../../src/exercises/pan-position/meta';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

/** Mean score of a strategy (position index from the question) over `n` questions. */
function meanScore(
  n: number,
  make: (seed: number) => PanPositionQuestion,
  pick: (q: PanPositionQuestion, seed: number) => number,
) {
  let sum = 0;
  let right = 0;
  for (let seed = 1; seed <= n; seed++) {
    const q = make(seed);
    const r = check(q, { positionIndex: pick(q, seed) });
    sum += r.score;
    if (r.correct) right++;
  }
  return { mean: sum / n, right: right / n };
}

describe('pan-position', () => {
  it('offers 5 to 13 evenly spaced positions from hard left to hard right on its levels', () => {
    expect(panPositions(5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(panPositions(13)).toHaveLength(13);
    expect(panPositions(13)[6]).toBe(0);
    expect(meta.levels.map((l) => l.params.positions)).toEqual([5, 7, 7, 9, 11, 13]);
    for (let seed = 1; seed <= 40; seed++) {
      const q = generate(seed, 6);
      expect(q.positionsPan).toEqual(panPositions(13));
      expect(q.targetIndex).toBeGreaterThanOrEqual(0);
      expect(q.targetIndex).toBeLessThan(13);
      expect(q.source.track).toBeTruthy();
    }
  });

  it('scores by the share of the stereo width you are off: 3 points per 1 %', () => {
    expect(widthShare(-1, 1)).toBe(1);
    expect(widthShare(0, 0.5)).toBe(0.25);
    const q = { ...generate(2, 3), targetIndex: 3 }; // seven positions: 1/6 of the width apart
    expect(check(q, { positionIndex: 3 }).score).toBe(100);
    expect(check(q, { positionIndex: 2 }).score).toBe(50);
    expect(check(q, { positionIndex: 4 }).score).toBe(50);
    expect(check(q, { positionIndex: 5 }).score).toBe(0); // a third of the width
    expect(check(q, { positionIndex: 6 }).score).toBe(0);
    expect(check(q, { positionIndex: 99 }).score).toBe(0);
    expect(check(q, { positionIndex: 2.5 }).score).toBe(0);
    expect(check(q, { positionIndex: 4 }).feedback).toContain('one position too far right');
    expect(check(q, { positionIndex: 4 }).feedback).toContain('17 % of the way from hard left to hard right');
    expect(check(q, { positionIndex: 3 }).correct).toBe(true);
    expect(check(q, { positionIndex: 4 }).correct).toBe(false);
  });

  it('a one-position miss costs less the more positions there are', () => {
    const oneOff = (level: number) => {
      const q = { ...generate(4, level), targetIndex: 2 };
      return check(q, { positionIndex: 3 }).score;
    };
    // 5, 7, 9, 11, 13 positions: 25 % → 25, 16.7 % → 50, 12.5 % → 63 (62.5 rounded), 10 % → 70, 8.3 % → 75.
    expect([1, 2, 4, 5, 6].map(oneOff)).toEqual([25, 50, 63, 70, 75]);
  });

  for (const level of [1, 2, 3, 4, 5, 6]) {
    it(`level ${level}: always centre, always hard left and random guessing do not pass (mean < 70), exact scores 100`, () => {
      const make = (seed: number) => generate(seed, level);
      const centre = meanScore(400, make, (q) => q.positionsPan.indexOf(0));
      const hardLeft = meanScore(400, make, () => 0);
      const guess = meanScore(400, make, (q, seed) =>
        createRng(seed * 7 + 1).int(0, q.positionsPan.length - 1),
      );
      const exact = meanScore(100, make, (q) => q.targetIndex);
      expect(centre.mean).toBeLessThan(70);
      expect(hardLeft.mean).toBeLessThan(40);
      expect(guess.mean).toBeLessThan(50);
      expect(centre.right).toBeLessThan(0.3);
      expect(exact.mean).toBe(100);
      expect(exact.right).toBe(1);
    });
  }

  it('adaptive: seven neighbouring positions the given share of the width apart, inside hard left … right', () => {
    expect(meta.mainVariable).toMatchObject({ unit: '% of the width', easier: 'larger', chance: 1 / 7 });
    for (const spacing of [2, 3.7, 8.33, 12, 16.67]) {
      for (let seed = 1; seed <= 30; seed++) {
        const q = generateAt(seed, spacing);
        expect(q.adaptiveValue).toBe(spacing);
        expect(q.positionsPan).toHaveLength(ADAPTIVE_POSITIONS);
        const step = Math.min((2 * spacing) / 100, 1 / 3);
        for (let i = 1; i < q.positionsPan.length; i++)
          expect(q.positionsPan[i]! - q.positionsPan[i - 1]!).toBeCloseTo(step, 5);
        expect(Math.min(...q.positionsPan)).toBeGreaterThanOrEqual(-1);
        expect(Math.max(...q.positionsPan)).toBeLessThanOrEqual(1);
        // On the grid centred on the middle: every position is a whole number of steps from the centre.
        for (const p of q.positionsPan) expect(Math.abs(p / step - Math.round(p / step))).toBeLessThan(1e-4);
      }
    }
    // The widest spacing is the seven-position level across the whole width.
    expect(generateAt(1, 16.67).positionsPan).toEqual(panPositions(7));
    expect(generateAt(1, 100).adaptiveValue).toBe(16.67);
    expect(generateAt(1, 0).adaptiveValue).toBe(2);
    // A one-position miss at 2 % spacing costs 6 points.
    const q = { ...generateAt(9, 2), targetIndex: 3 };
    expect(check(q, { positionIndex: 4 }).score).toBe(94);
  });

  it('adaptive: the target is equally likely at each of the seven, wherever the window sits', () => {
    const counts = new Array(ADAPTIVE_POSITIONS).fill(0);
    const firsts = new Set<number>();
    for (let seed = 1; seed <= 1400; seed++) {
      const q = generateAt(seed, 5);
      counts[q.targetIndex]++;
      firsts.add(q.positionsPan[0]!);
    }
    for (const c of counts) expect(Math.abs(c - 200)).toBeLessThan(50);
    // At 5 % spacing the grid has 21 points, so the window of seven can start at 15 places.
    expect(firsts.size).toBe(15);
    expect(adaptivePositions(5, createRng(1))).toHaveLength(7);
  });
});
