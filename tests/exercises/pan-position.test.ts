import { describe, expect, it } from 'vitest';
import { check } from '../../src/exercises/pan-position/check';
import { generate, generateAt, panPositions, positionsFor } from '../../src/exercises/pan-position/generate';
import { meta } from '../../src/exercises/pan-position/meta';

describe('pan-position', () => {
  it('offers 5 to 13 evenly spaced positions from hard left to hard right', () => {
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

  it('scores 100 − 50 per position off, floor 0', () => {
    const q = { ...generate(2, 3), targetIndex: 3 };
    expect(check(q, { positionIndex: 3 }).score).toBe(100);
    expect(check(q, { positionIndex: 2 }).score).toBe(50);
    expect(check(q, { positionIndex: 4 }).score).toBe(50);
    expect(check(q, { positionIndex: 5 }).score).toBe(0);
    expect(check(q, { positionIndex: 6 }).score).toBe(0);
    expect(check(q, { positionIndex: 99 }).score).toBe(0);
    expect(check(q, { positionIndex: 2.5 }).score).toBe(0);
    expect(check(q, { positionIndex: 4 }).feedback).toContain('one position too far right');
  });

  it('adaptive: rounds the staircase value to an odd count of positions in 5 … 13', () => {
    expect(positionsFor(5)).toBe(5);
    expect(positionsFor(6.2)).toBe(7);
    expect(positionsFor(8.9)).toBe(9);
    expect(positionsFor(100)).toBe(13);
    expect(positionsFor(0)).toBe(5);
    const q = generateAt(5, 10.6);
    expect(q.positionsPan).toHaveLength(11);
    expect(q.adaptiveValue).toBe(11);
  });
});
