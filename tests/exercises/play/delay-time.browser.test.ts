import { describe, expect, it } from 'vitest';
import { noteValueSeconds } from '../../../src/dsp/delay';
import { generate } from '../../../src/exercises/delay-time/generate';
import { play } from '../../../src/exercises/delay-time/play';
import { renderLR, testEnv, withSamples } from './fixtures';

const SR = 16_000;

describe('delay-time play', () => {
  it('B’s first echo comes one note value after the dry sound, at the song’s tempo; A has none', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const q = generate(seed, 4);
      const prepared = await play.prepare(q, testEnv(SR));
      const delayS = noteValueSeconds(q.note, q.bpm);
      const click = new Float32Array(Math.round(SR * (delayS + 0.3)));
      click[0] = 0.5;
      const wet = await renderLR(withSamples(prepared.question.b, click), SR);
      const dry = await renderLR(withSamples(prepared.question.a, click), SR);
      const dryAt = dry.left.findIndex((v) => Math.abs(v) > 0.01);
      // The first sound after the dry click (skip the click itself).
      let echoAt = -1;
      for (let i = dryAt + Math.round(0.005 * SR); i < wet.left.length; i++) {
        if (Math.abs(wet.left[i]! - dry.left[i]!) > 0.005) {
          echoAt = i;
          break;
        }
      }
      expect(Math.abs((echoAt - dryAt) / SR - delayS), `${q.note} at ${q.bpm}`).toBeLessThan(0.003);
      expect(
        Math.max(...Array.from(dry.left.subarray(dryAt + Math.round(0.01 * SR)), Math.abs)),
      ).toBeLessThan(1e-6);
    }
  });
});
