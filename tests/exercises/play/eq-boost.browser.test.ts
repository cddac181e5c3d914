import { describe, expect, it } from 'vitest';
import { bandLevelDb, exactCentre } from '../../../src/dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import { generate } from '../../../src/exercises/eq-boost/generate';
import { play } from '../../../src/exercises/eq-boost/play';
import { renderLR, testEnv } from './fixtures';

const SR = 48_000;

describe('eq-boost play', () => {
  it('B is the flat source with the target band boosted or cut by gainDb (±1 dB), A is flat', async () => {
    for (const [seed, level] of [
      [1, 3],
      [2, 3],
      [3, 4],
      [4, 4],
      [5, 1],
    ] as const) {
      const q = generate(seed, level);
      const prepared = await play.prepare(q, testEnv(SR));
      const a = await renderLR(prepared.question.a, SR);
      const b = await renderLR(prepared.question.b, SR);
      const centre = exactCentre(q.targetHz);
      const delta = bandLevelDb(b.left, SR, centre, 3) - bandLevelDb(a.left, SR, centre, 3);
      expect(Math.abs(delta - q.gainDb), `seed ${seed} level ${level}: ${delta} vs ${q.gainDb}`).toBeLessThan(
        1,
      );
      // Two octaves away the band follows the filter's skirt (analytic), not the peak.
      const far = centre >= 1000 ? centre / 4 : centre * 4;
      const skirt = biquadMagnitudeDb(biquadCoefficients('peaking', centre, q.q, q.gainDb, SR), far, SR);
      const farDelta = bandLevelDb(b.left, SR, far, 3) - bandLevelDb(a.left, SR, far, 3);
      expect(Math.abs(farDelta - skirt), `seed ${seed}: ${farDelta} vs ${skirt}`).toBeLessThan(0.5);
      expect(Math.abs(farDelta)).toBeLessThan(Math.abs(q.gainDb) / 2);
    }
  });

  it('the review puts the same boost on the band the learner chose, against the right one', async () => {
    const q = generate(7, 3);
    const prepared = await play.prepare(q, testEnv(SR));
    const other = q.bandsHz.find((hz) => Math.abs(Math.log2(hz / q.targetHz)) >= 2)!;
    const review = prepared.review({ bandHz: other });
    const right = await renderLR(review.a, SR);
    const mine = await renderLR(review.b, SR);
    const flat = await renderLR(prepared.question.a, SR);
    const at = (x: Float32Array, hz: number) => bandLevelDb(x, SR, exactCentre(hz), 3);
    expect(at(mine.left, other) - at(flat.left, other)).toBeCloseTo(q.gainDb, 0);
    expect(at(right.left, q.targetHz) - at(flat.left, q.targetHz)).toBeCloseTo(q.gainDb, 0);
    expect(review.labels).toEqual({ a: 'A: right answer', b: 'B: your answer' });
  });
});
