import { describe, expect, it } from 'vitest';
import { bandLevelDb, exactCentre } from '../../../src/dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import { generate } from '../../../src/exercises/eq-two-bands/generate';
import { play } from '../../../src/exercises/eq-two-bands/play';
import { renderLR, testEnv } from './fixtures';

const SR = 48_000;

/** The two bands' summed response at `hz`, dB (what B's strip should do there). */
function expectedDb(q: ReturnType<typeof generate>, hz: number): number {
  const boost = biquadCoefficients('peaking', exactCentre(q.boostHz), q.q, q.gainDb, SR);
  const cut = biquadCoefficients('peaking', exactCentre(q.cutHz), q.q, -q.gainDb, SR);
  return biquadMagnitudeDb(boost, hz, SR) + biquadMagnitudeDb(cut, hz, SR);
}

describe('eq-two-bands play', () => {
  it('B is the flat source boosted at boostHz and cut at cutHz by gainDb (each ±1 dB of the two filters’ sum)', async () => {
    for (const [seed, level] of [
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 1],
    ] as const) {
      const q = generate(seed, level);
      const prepared = await play.prepare(q, testEnv(SR));
      const a = await renderLR(prepared.question.a, SR);
      const b = await renderLR(prepared.question.b, SR);
      for (const hz of [q.boostHz, q.cutHz]) {
        const centre = exactCentre(hz);
        const delta = bandLevelDb(b.left, SR, centre, 3) - bandLevelDb(a.left, SR, centre, 3);
        const expected = expectedDb(q, centre);
        expect(Math.abs(delta - expected), `seed ${seed} at ${hz} Hz: ${delta} vs ${expected}`).toBeLessThan(
          1,
        );
        // The planted move is most of its nominal size: the other band never hides it.
        expect(Math.abs(delta), `seed ${seed} at ${hz} Hz`).toBeGreaterThan(q.gainDb * 0.75);
        expect(Math.sign(delta)).toBe(hz === q.boostHz ? 1 : -1);
      }
    }
  });

  it('the review puts the same moves on the bands the learner chose', async () => {
    const q = generate(5, 2);
    const prepared = await play.prepare(q, testEnv(SR));
    const review = prepared.review({ boostHz: q.cutHz, cutHz: q.boostHz });
    const mine = await renderLR(review.b, SR);
    const flat = await renderLR(prepared.question.a, SR);
    const at = (x: Float32Array, hz: number) => bandLevelDb(x, SR, exactCentre(hz), 3);
    expect(at(mine.left, q.cutHz) - at(flat.left, q.cutHz)).toBeGreaterThan(q.gainDb * 0.75);
    expect(at(mine.left, q.boostHz) - at(flat.left, q.boostHz)).toBeLessThan(-q.gainDb * 0.75);
  });
});
