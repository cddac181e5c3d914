import { describe, expect, it } from 'vitest';
import { createRng, hashString } from '../../src/dsp/random';

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    const ys = Array.from({ length: 100 }, () => b.next());
    expect(xs).toEqual(ys);
  });
  it('gives different sequences for different seeds', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });
  it('is uniform enough: mean near 0.5 and variance near 1/12 over 100k draws', () => {
    const r = createRng(7);
    let sum = 0;
    let sq = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      if (x < 0 || x >= 1) throw new Error(`out of range: ${x}`);
      sum += x;
      sq += x * x;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sq / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });
  it('int() covers its inclusive range and nothing outside', () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });
  it('shuffle() keeps every element once', () => {
    const r = createRng(9);
    const out = r.shuffle([1, 2, 3, 4, 5, 6]);
    expect(out.slice().sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('fork() is stable per label and independent between labels', () => {
    expect(createRng(5).fork('bass').next()).toBe(createRng(5).fork('bass').next());
    expect(createRng(5).fork('bass').next()).not.toBe(createRng(5).fork('kick').next());
  });
  it('hashString matches FNV-1a reference values', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
