import { describe, expect, it } from 'vitest';
import { bandLevelDb } from '../../../src/dsp/bands';
import { applyBiquad, biquadCoefficients } from '../../../src/dsp/biquad';
import { generate } from '../../../src/exercises/resonance/generate';
import { play } from '../../../src/exercises/resonance/play';
import { solve } from '../../../src/exercises/resonance/solve';
import { bandGainDb, renderLR, testEnv } from './fixtures';

const SR = 48_000;

/**
 * Largest sample difference of `x` from `y`, in dB below `y`'s peak, after the first quarter second (the
 * filters start from silence there, the loop does not).
 */
function residualDb(x: Float32Array, y: Float32Array): number {
  let err = 0;
  let peak = 0;
  for (let i = SR / 4; i < y.length; i++) {
    err = Math.max(err, Math.abs(x[i]! - y[i]!));
    peak = Math.max(peak, Math.abs(y[i]!));
  }
  return 20 * Math.log10(err / peak);
}

describe('resonance play', () => {
  it('B rings at the question’s frequency by its gain (third-octave, ±1 dB of the filter); the exact cut makes B equal A', async () => {
    for (const [seed, level] of [
      [1, 1],
      [2, 2],
      [3, 2],
    ] as const) {
      const q = generate(seed, level);
      const prepared = await play.prepare(q, testEnv(SR));
      const a = await renderLR(prepared.question.a, SR);
      const untouched = await renderLR(prepared.question.b, SR);
      const f = q.ring.frequencyHz;
      // B as first heard is A through exactly the question's ring (frequency, gain and Q) and the untouched cut
      // (none, or the set depth at 1 kHz), sample by sample.
      const ring = biquadCoefficients('peaking', f, q.ring.q, q.ring.gainDb, SR);
      const start = biquadCoefficients('peaking', q.start.frequencyHz, q.ring.q, q.start.gainDb, SR);
      const ringed = applyBiquad(applyBiquad(a.left, ring), start);
      expect(residualDb(untouched.left, ringed), `seed ${seed}`).toBeLessThan(-40);
      // And it is heard: the ring's third-octave is several dB up.
      const ringDelta = bandLevelDb(untouched.left, SR, f, 3) - bandLevelDb(a.left, SR, f, 3);
      expect(ringDelta, `seed ${seed}`).toBeGreaterThan(q.ring.gainDb / 3);
      expect(q.start.gainDb === 0 || q.level === 1).toBe(true);
      const cut = await renderLR(prepared.withAnswer!(solve(q)), SR);
      expect(residualDb(cut.left, a.left), `seed ${seed}`).toBeLessThan(-50);
    }
  });

  it('a cut half as deep leaves half the ring (in dB) in the ring’s band', async () => {
    const q = generate(4, 2);
    const prepared = await play.prepare(q, testEnv(SR));
    const a = await renderLR(prepared.question.a, SR);
    const half = await renderLR(prepared.withAnswer!({ ...solve(q), gainDb: -q.ring.gainDb / 2 }), SR);
    const f = q.ring.frequencyHz;
    const left = bandLevelDb(half.left, SR, f, 3) - bandLevelDb(a.left, SR, f, 3);
    const expected = bandGainDb(biquadCoefficients('peaking', f, q.ring.q, q.ring.gainDb / 2, SR), f, SR, 3);
    expect(Math.abs(left - expected)).toBeLessThan(1);
  });
});
