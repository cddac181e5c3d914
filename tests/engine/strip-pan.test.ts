import { describe, expect, it } from 'vitest';
import { panGains } from '../../src/dsp/pan';
import { balanceGains, panSettings } from '../../src/engine/strip-pan';

/** What the panner does to a sample pair (L, R), as the graph computes it (see strip-pan.ts). */
function apply(pan: number, input: [number, number], mono: boolean): [number, number] {
  const s = panSettings(pan);
  const [ll, rl, lr, rr] = balanceGains(s.main);
  const [l, r] = mono ? [input[0], input[0]] : input; // the main panner sees (m, m) for a mono input
  const main: [number, number] = [ll * l + rl * r, lr * l + rr * r];
  // speakers − discrete: (0, m) for mono, (0, 0) for stereo, times the correction gain; the correction
  // panner on (0, d) gives outL = d·(R→L gain), outR = d·(R→R gain).
  const d = mono ? input[0] : 0;
  const [, crl, , crr] = balanceGains(s.correctionPan);
  return [main[0] + s.correctionGain * crl * d, main[1] + s.correctionGain * crr * d];
}

describe('strip panner settings', () => {
  it('pans a mono input with the equal-power law of panGains', () => {
    for (const pan of [-1, -0.7, -0.2, 0, 0.3, 0.9, 1]) {
      const [l, r] = apply(pan, [1, 0], true);
      const [gl, gr] = panGains(pan);
      expect(l).toBeCloseTo(gl, 12);
      expect(r).toBeCloseTo(gr, 12);
    }
  });

  it('balances a stereo input: centre is untouched, hard left folds R into L', () => {
    expect(apply(0, [0.3, -0.7], false)).toEqual([0.3, -0.7]);
    const [l, r] = apply(-1, [0.3, -0.7], false);
    expect(l).toBeCloseTo(-0.4, 12);
    expect(r).toBe(0);
    const [l2, r2] = apply(0.5, [1, 0], false); // L only, half right: L·cos(π/4) left, L·sin(π/4) right
    expect(l2).toBeCloseTo(Math.SQRT1_2, 12);
    expect(r2).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('keeps the correction inside what a negative gain and a left-half pan can reach', () => {
    for (let pan = -1; pan <= 1; pan += 0.05) {
      const s = panSettings(pan);
      expect(s.correctionGain).toBeLessThanOrEqual(0);
      expect(s.correctionPan).toBeGreaterThanOrEqual(-1 - 1e-12);
      expect(s.correctionPan).toBeLessThanOrEqual(1e-12);
    }
  });
});
