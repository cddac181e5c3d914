import { describe, expect, it } from 'vitest';
import {
  createLimiterState,
  limiterLatency,
  processLimiterBlock,
  renderLimiter,
  SAFETY_LIMITER,
} from '../../src/dsp/limiter';
import { createRng } from '../../src/dsp/random';

const FS = 48000;
const CEILING = 10 ** (-1 / 20);

function maxAbs(channels: Float32Array[]): number {
  let m = 0;
  for (const ch of channels) for (const v of ch) m = Math.max(m, Math.abs(v));
  return m;
}

describe('lookahead limiter', () => {
  it('keeps a +12 dBFS burst under −1 dBFS on every sample', () => {
    const rng = createRng(3);
    const length = FS / 4;
    const left = new Float32Array(length);
    const right = new Float32Array(length);
    for (let i = 0; i < length; i++) {
      const burst = i > 2000 && i < 6000 ? 10 ** (12 / 20) : 0.3;
      left[i] = burst * Math.sin((2 * Math.PI * 440 * i) / FS);
      right[i] = burst * rng.range(-1, 1);
    }
    // A single-sample spike right after silence: the hardest case for the ramp.
    left[9000] = 4;
    const out = renderLimiter([left, right], FS, SAFETY_LIMITER);
    expect(maxAbs(out)).toBeLessThanOrEqual(CEILING);
    // It actually limits (not silence): the burst comes out close to the ceiling.
    const burstPeak = maxAbs([out[0]!.subarray(4000, 6000)]);
    expect(burstPeak).toBeGreaterThan(CEILING * 0.95);
  });

  it('passes a signal below the ceiling untouched, delayed by the lookahead', () => {
    const rng = createRng(5);
    const input = new Float32Array(5000).map(() => rng.range(-0.88, 0.88));
    const [out] = renderLimiter([input], FS, SAFETY_LIMITER);
    const delay = limiterLatency(FS, SAFETY_LIMITER.lookaheadMs);
    expect(delay).toBe(144);
    expect(Array.from(out!.subarray(0, delay)).every((v) => v === 0)).toBe(true);
    expect(out!.subarray(delay)).toEqual(input.subarray(0, input.length - delay));
  });

  it('reduces a steady over-ceiling tone to the ceiling and recovers with the release time', () => {
    const length = 0.6 * FS;
    const input = new Float32Array(length).fill(2, 0, FS / 4).fill(0.5, FS / 4);
    const [out] = renderLimiter([input], FS, SAFETY_LIMITER);
    const L = limiterLatency(FS, SAFETY_LIMITER.lookaheadMs);
    expect(out![FS / 8]).toBeCloseTo(CEILING, 6);
    // After the drop to 0.5, the gain recovers towards 1 (output towards 0.5) with a 60 ms time constant.
    const gainAt = (ms: number) => (out![FS / 4 + L + Math.round((ms / 1000) * FS)] as number) / 0.5;
    const start = CEILING / 2;
    expect(gainAt(300)).toBeGreaterThan(0.99);
    const recovered = (gainAt(60 + 1.5) - start) / (1 - start); // + half the box ramp
    expect(recovered).toBeGreaterThan(0.6);
    expect(recovered).toBeLessThan(0.66);
  });

  it('block processing equals one pass, bit for bit', () => {
    const rng = createRng(9);
    const input = [0, 1].map(() =>
      new Float32Array(4000).map(() => rng.range(-3, 3) * (rng.chance(0.1) ? 1 : 0.2)),
    );
    const whole = renderLimiter(input, FS, SAFETY_LIMITER);
    for (const size of [1, 128, 333]) {
      const state = createLimiterState(FS, SAFETY_LIMITER, 2);
      const out = [new Float32Array(4000), new Float32Array(4000)];
      for (let s = 0; s < 4000; s += size) {
        const e = Math.min(s + size, 4000);
        processLimiterBlock(
          state,
          input.map((ch) => ch.subarray(s, e)),
          out.map((ch) => ch.subarray(s, e)),
          e - s,
        );
      }
      expect(out).toEqual(whole);
    }
  });
});
