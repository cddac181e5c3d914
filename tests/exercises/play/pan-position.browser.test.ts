import { describe, expect, it } from 'vitest';
import { measureChannelBalanceDb } from '../../../src/dsp/measure';
import { panGains } from '../../../src/dsp/pan';
import { generate } from '../../../src/exercises/pan-position/generate';
import { play } from '../../../src/exercises/pan-position/play';
import { renderLR, testEnv } from './fixtures';

const SR = 16_000;

describe('pan-position play', () => {
  it('B’s channel balance follows the equal-power pan law at the target position; A is centred', async () => {
    let tested = 0;
    for (let seed = 1; tested < 3 && seed < 30; seed++) {
      const q = generate(seed, 2);
      const pan = q.positionsPan[q.targetIndex]!;
      if (Math.abs(pan) > 0.9) continue; // hard left/right has an infinite balance
      tested++;
      const prepared = await play.prepare(q, testEnv(SR));
      const b = await renderLR(prepared.question.b, SR);
      const [l, r] = panGains(pan);
      expect(measureChannelBalanceDb(b.left, b.right), `pan ${pan}`).toBeCloseTo(20 * Math.log10(r / l), 1);
      const a = await renderLR(prepared.question.a, SR);
      expect(measureChannelBalanceDb(a.left, a.right)).toBeCloseTo(0, 2);
    }
    expect(tested).toBe(3);
  });

  it('in the mix the other tracks play centred', async () => {
    const q = generate(3, 3);
    const prepared = await play.prepare(q, testEnv(SR));
    const tracks = prepared.question.b.tracks;
    expect(tracks.length).toBeGreaterThan(3);
    const pans = tracks.map((t) => t.settings.pan ?? 0);
    expect(pans.filter((p) => p !== 0).length).toBeLessThanOrEqual(1);
  });
});
