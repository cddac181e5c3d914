import { describe, expect, it } from 'vitest';
import { bandLevelDb } from '../../../src/dsp/bands';
import { biquadCoefficients } from '../../../src/dsp/biquad';
import { generate } from '../../../src/exercises/eq-match/generate';
import { play } from '../../../src/exercises/eq-match/play';
import { solve } from '../../../src/exercises/eq-match/solve';
import { bandGainDb, renderLR, testEnv } from './fixtures';

const SR = 48_000;

describe('eq-match play', () => {
  it('A carries the reference band: at its frequency A − flat start = the reference gain (±1 dB)', async () => {
    let peaking = 0;
    for (let seed = 1; peaking < 3 && seed < 40; seed++) {
      const q = generate(seed, 3);
      if (q.reference.type !== 'peaking' || q.start.gainDb !== 0) continue;
      peaking++;
      const prepared = await play.prepare(q, testEnv(SR));
      const a = await renderLR(prepared.question.a, SR);
      const b = await renderLR(prepared.question.b, SR);
      const f = q.reference.frequencyHz;
      const delta = bandLevelDb(a.left, SR, f, 3) - bandLevelDb(b.left, SR, f, 3);
      const r = q.reference;
      const expected = bandGainDb(biquadCoefficients('peaking', f, r.q, r.gainDb, SR), f, SR);
      expect(Math.abs(delta - expected), `seed ${seed}: ${delta} vs ${expected}`).toBeLessThan(0.5);
      // A wide band shows nearly its whole gain in the third-octave around it.
      if (r.q <= 1.5) expect(Math.abs(delta - r.gainDb)).toBeLessThan(1);
    }
    expect(peaking).toBe(3);
  });

  it('a shelf reference lifts or cuts its end of the spectrum', async () => {
    const q = Array.from({ length: 60 }, (_, i) => generate(i + 1, 4)).find(
      (x) => x.reference.type === 'highshelf',
    )!;
    const prepared = await play.prepare(q, testEnv(SR));
    const a = await renderLR(prepared.question.a, SR);
    const b = await renderLR(prepared.question.b, SR);
    const top = 16_000;
    const delta = bandLevelDb(a.left, SR, top, 3) - bandLevelDb(b.left, SR, top, 3);
    expect(Math.abs(delta - (q.reference.gainDb - q.start.gainDb))).toBeLessThan(1);
  });

  it('B follows the answer: the right answer renders the same samples as the reference', async () => {
    const q = generate(11, 3);
    const prepared = await play.prepare(q, testEnv(SR));
    const a = await renderLR(prepared.question.a, SR);
    const b = await renderLR(prepared.withAnswer!(solve(q)), SR);
    let maxDiff = 0;
    for (let i = 0; i < a.left.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a.left[i]! - b.left[i]!));
    expect(maxDiff).toBeLessThan(1e-5);
  });
});
