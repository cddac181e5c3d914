import { describe, expect, it } from 'vitest';
import { glideSettled, glideTo, glideValue, steadyGlide } from '../../src/engine/param-glide';
import { RAMP_SETTLE, RAMP_TAU } from '../../src/engine/strip-ramp';

describe('param-glide (the compressor bank moves its settings as rampParam moves an AudioParam)', () => {
  it('holds, then approaches the target exponentially from `at`, then pins it', () => {
    const g = glideTo(steadyGlide(-20), -30, 1);
    expect(glideValue(g, 0.5)).toBe(-20);
    expect(glideValue(g, 1)).toBe(-20);
    // setTargetAtTime: v(t) = target + (v0 − target)·e^(−(t − at)/τ)
    expect(glideValue(g, 1 + RAMP_TAU)).toBeCloseTo(-30 + 10 * Math.exp(-1), 12);
    expect(glideValue(g, 1 + RAMP_SETTLE)).toBe(-30);
    expect(glideSettled(g, 1 + RAMP_SETTLE - 1e-6)).toBe(false);
    expect(glideSettled(g, 1 + RAMP_SETTLE)).toBe(true);
    expect(glideSettled(steadyGlide(4), 0)).toBe(true);
  });

  it('a move during a move starts from where the first one is, and the first still holds before it', () => {
    const first = glideTo(steadyGlide(0), 10, 0);
    const at = RAMP_TAU; // the first move is 1 − 1/e of the way
    const second = glideTo(first, -5, at);
    expect(glideValue(second, at)).toBeCloseTo(10 * (1 - Math.exp(-1)), 12);
    expect(glideValue(second, at / 2)).toBe(glideValue(first, at / 2));
    expect(glideValue(second, at + RAMP_SETTLE)).toBe(-5);
  });
});
