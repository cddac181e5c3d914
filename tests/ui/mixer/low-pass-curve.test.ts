import { describe, expect, it } from 'vitest';
import { EQ_FRAME, eqCurvePoints } from '../../../src/ui/mixer/eq-geometry';

describe('the EQ curve draws the strip low-pass', () => {
  it('is −3 dB at the cutoff when on, flat when off', () => {
    const at = (points: ReturnType<typeof eqCurvePoints>, hz: number) =>
      points.reduce((best, p) =>
        Math.abs(Math.log(p.hz / hz)) < Math.abs(Math.log(best.hz / hz)) ? p : best,
      );
    const on = eqCurvePoints([], null, 48000, EQ_FRAME, 2000, { enabled: true, frequency: 4000 });
    expect(at(on, 4000).db).toBeCloseTo(-3.01, 1);
    expect(at(on, 16000).db).toBeLessThan(-20);
    const off = eqCurvePoints([], null, 48000, EQ_FRAME, 200, { enabled: false, frequency: 4000 });
    expect(Math.max(...off.map((p) => Math.abs(p.db)))).toBe(0);
  });
});
