import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { createStaircase, createStaircaseFor } from '../../src/training/staircase';

function feed(s: ReturnType<typeof createStaircase>, answers: string): void {
  for (const ch of answers) s.record(ch === '+');
}

describe('staircase mechanics (2-down/1-up, larger = easier)', () => {
  it('goes one step harder after two right answers and one step easier after one wrong', () => {
    const s = createStaircase({ start: 10, step: 2, min: 0, max: 20 });
    expect(s.value).toBe(10);
    s.record(true);
    expect(s.value).toBe(10);
    s.record(true);
    expect(s.value).toBe(8);
    s.record(false);
    expect(s.value).toBe(10);
    s.record(true);
    s.record(false); // a right answer followed by a wrong one does not count as two in a row
    expect(s.value).toBe(12);
    expect(s.trials).toBe(5);
  });

  it('counts reversals at the value where the direction turns', () => {
    const s = createStaircase({ start: 10, step: 2, min: 0, max: 20 });
    feed(s, '++++'); // 10 → 8 → 6
    expect(s.reversals).toBe(0);
    feed(s, '-'); // up from 6: reversal at 6
    expect(s.reversalValues).toEqual([6]);
    feed(s, '-'); // still up: no reversal
    feed(s, '++'); // down from 10: reversal at 10
    expect(s.reversalValues).toEqual([6, 10]);
    expect(s.value).toBe(8);
  });

  it('halves the step after the first four reversals', () => {
    const s = createStaircase({ start: 10, step: 2, min: 0, max: 20 });
    feed(s, '++-++-'); // 10→8, ↑10 (rev at 8), ↓8 (rev at 10), ↑10 (rev at 8)
    expect(s.reversals).toBe(3);
    expect(s.step).toBe(2);
    feed(s, '++'); // rev at 10, step halves, then 10 → 9
    expect(s.reversals).toBe(4);
    expect(s.step).toBe(1);
    expect(s.value).toBe(9);
  });

  it('gives the mean of the last six reversals once six exist after the halving, else null', () => {
    const s = createStaircase({ start: 10, step: 2, min: 0, max: 20 });
    // Alternating "++" and "-" reverses on every move: 4 reversals at step 2, then at step 1.
    for (let i = 0; i < 10; i++) {
      feed(s, i % 2 === 0 ? '++' : '-');
      expect(s.threshold).toBeNull();
    }
    expect(s.reversals).toBe(9);
    feed(s, '++');
    expect(s.reversals).toBe(10);
    const last6 = s.reversalValues.slice(-6);
    expect(s.threshold).toBeCloseTo(last6.reduce((a, b) => a + b, 0) / 6, 12);
    expect(s.reversalValues.slice(0, 4)).toEqual([8, 10, 8, 10]);
    expect(last6).toEqual([9, 10, 9, 10, 9, 10]);
    expect(s.threshold).toBe(9.5);
  });

  it('stays inside [min, max]', () => {
    const s = createStaircase({ start: 3, step: 2, min: 1, max: 5 });
    feed(s, '++++++');
    expect(s.value).toBe(1);
    feed(s, '------');
    expect(s.value).toBe(5);
    expect(createStaircase({ start: 99, step: 1, min: 0, max: 10 }).value).toBe(10);
    expect(() => createStaircase({ start: 1, step: 0, min: 0, max: 10 })).toThrow(RangeError);
  });

  it('runs on the negated value when smaller is easier (number of positions)', () => {
    const s = createStaircaseFor({
      name: 'positions',
      unit: 'positions',
      easier: 'smaller',
      start: 5,
      step: 2,
      min: 5,
      max: 13,
      baseLevel: 3,
    });
    expect(s.value).toBe(5);
    feed(s, '++');
    expect(s.value).toBe(7); // harder = more positions
    feed(s, '-');
    expect(s.value).toBe(5);
    expect(s.reversalValues).toEqual([7]);
    feed(s, '-');
    expect(s.value).toBe(5); // cannot get easier than 5
  });
});

/** A listener whose chance of a right answer is a logistic curve with a guess rate and a lapse rate. */
function listener(guess: number, lapse: number, mid: number, spread: number) {
  const p = (x: number) => guess + (1 - guess - lapse) / (1 + Math.exp(-(x - mid) / spread));
  // The 70.7 % point, solved analytically from the curve.
  const l = (Math.SQRT1_2 - guess) / (1 - guess - lapse);
  return { p, target: mid + spread * Math.log(l / (1 - l)) };
}

describe('staircase against a simulated listener', () => {
  // 1000 seeded runs per curve, each until the threshold exists (≈ 35 trials). Final step 1 dB: reversal
  // values sit on a 1 dB grid, so the mean may sit up to half a step off the 70.7 % point (the known small
  // bias of up-down rules on asymmetric curves); the runs' own spread (SD) stays near one step.
  it.each([
    [0.1, 0.02, 4, 1], // 10 choices, steep
    [0.1, 0.02, 4, 2], // 10 choices, shallow
    [0.5, 0, 3, 0.8], // two choices
    [1 / 3, 0.02, 6, 1.5], // three choices
  ])(
    'guess %f, lapse %f, midpoint %f dB, spread %f dB: lands within 0.5 dB of the 70.7-percent point',
    (g, l, mid, spread) => {
      const { p, target } = listener(g, l, mid, spread);
      const estimates: number[] = [];
      for (let run = 1; run <= 1000; run++) {
        const rng = createRng(run);
        const s = createStaircase({ start: 12, step: 2, min: 0.5, max: 18 });
        while (s.threshold === null && s.trials < 400) s.record(rng.next() < p(s.value));
        if (s.threshold !== null) estimates.push(s.threshold);
      }
      expect(estimates.length).toBe(1000);
      const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
      const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / estimates.length);
      expect(Math.abs(mean - target)).toBeLessThan(0.5);
      expect(sd).toBeLessThan(1.3);
      // A wrong target rule (e.g. the 50 % or 84 % point) would be far outside that band.
      expect(Math.abs(mean - mid)).toBeGreaterThan(Math.abs(mean - target));
    },
  );
});
