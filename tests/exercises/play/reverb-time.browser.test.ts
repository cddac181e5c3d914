import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/exercises/reverb-time/generate';
import { play } from '../../../src/exercises/reverb-time/play';
import { renderLR, testEnv, withSamples } from './fixtures';

const SR = 16_000;

/** RT60 from the Schroeder backward integral: the −5 … −25 dB slope, extrapolated to 60 dB. */
function rt60(x: Float32Array, sampleRate: number, from: number): number {
  const energy = new Float64Array(x.length - from);
  let sum = 0;
  for (let i = x.length - 1; i >= from; i--) {
    sum += x[i]! * x[i]!;
    energy[i - from] = sum;
  }
  const db = (i: number) => 10 * Math.log10(energy[i]! / energy[0]!);
  let i5 = 0;
  while (db(i5) > -5) i5++;
  let i25 = i5;
  while (db(i25) > -25) i25++;
  return ((i25 - i5) / sampleRate) * 3;
}

describe('reverb-time play', () => {
  it('B sends the track into a reverb with the question’s decay time (RT60 within 20 %); A is dry', async () => {
    for (const seed of [1, 2, 3]) {
      const q = generate(seed, 2);
      const prepared = await play.prepare(q, testEnv(SR));
      const click = new Float32Array(Math.round(SR * (q.reverb.decayS * 1.6 + 0.5)));
      click[0] = 0.5;
      const wet = await renderLR(withSamples(prepared.question.b, click), SR);
      const measured = rt60(wet.left, SR, Math.round(0.01 * SR));
      expect(Math.abs(measured / q.reverb.decayS - 1), `decay ${q.reverb.decayS}: ${measured}`).toBeLessThan(
        0.2,
      );
      const dry = await renderLR(withSamples(prepared.question.a, click), SR);
      const tail = dry.left.subarray(Math.round(0.05 * SR));
      expect(Math.max(...Array.from(tail, Math.abs))).toBeLessThan(1e-6);
    }
  });
});
