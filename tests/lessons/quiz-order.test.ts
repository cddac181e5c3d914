import { describe, expect, it } from 'vitest';
import { choiceOrder, keyPositions, retrySeed } from '../../src/lessons/quiz-order.pure';

/** A quiz of `n` questions with `k` choices each, the key authored first. */
const quiz = (n: number, k: number) =>
  Array.from({ length: n }, () => ({
    choices: Array.from({ length: k }, (_, c) => ({ html: `c${c}`, correct: c === 0, explanationHtml: '' })),
  }));

describe('the choice order of a quiz attempt', () => {
  const questions = quiz(4, 3);

  it('is a permutation of every question, the same for the same seed', () => {
    const a = choiceOrder(questions, 12345);
    for (const order of a) expect([...order].sort()).toEqual([0, 1, 2]);
    expect(choiceOrder(questions, 12345)).toEqual(a);
  });

  it('differs across seeds, and puts the key in each place about equally often', () => {
    const seen = new Set<string>();
    const where = [0, 0, 0];
    const N = 3000;
    for (let seed = 1; seed <= N; seed++) {
      const order = choiceOrder(questions, seed);
      seen.add(JSON.stringify(order));
      for (const p of keyPositions(questions, order)) where[p] = (where[p] ?? 0) + 1;
    }
    // 6⁴ = 1296 possible orders: 3000 seeds should reach most of them.
    expect(seen.size).toBeGreaterThan(1000);
    // Each place holds the key a third of the time: 4000 of 12000, binomial sd ≈ 52.
    for (const count of where) expect(Math.abs(count - 4000)).toBeLessThan(250);
    // Questions are shuffled independently, not all the same way.
    const same = Array.from({ length: 500 }, (_, s) => choiceOrder(questions, s + 1)).filter((o) =>
      o.every((q) => JSON.stringify(q) === JSON.stringify(o[0])),
    ).length;
    expect(same).toBeLessThan(20);
  });

  it('a retry moves the right choice of every question away from where it was shown', () => {
    for (let previous = 1; previous <= 200; previous++) {
      const next = retrySeed(questions, previous, previous * 31 + 7);
      expect(next).not.toBe(previous);
      const before = keyPositions(questions, choiceOrder(questions, previous));
      const after = keyPositions(questions, choiceOrder(questions, next));
      for (const [i, p] of after.entries()) expect(p, `seed ${previous}, question ${i}`).not.toBe(before[i]);
    }
    // Deterministic: the same previous seed and fresh number give the same retry seed.
    expect(retrySeed(questions, 9, 99)).toBe(retrySeed(questions, 9, 99));
  });
});
