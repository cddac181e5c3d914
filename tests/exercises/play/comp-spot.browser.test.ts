import { describe, expect, it } from 'vitest';
import { renderCompressorGain } from '../../../src/dsp/compressor';
import { generate } from '../../../src/exercises/comp-spot/generate';
import { play } from '../../../src/exercises/comp-spot/play';
import { peakDb } from '../../../src/exercises/shared/play-sources';
import { resolveCompressor } from '../../../src/exercises/shared/relative-compressor';
import { masterLatency, renderLR, testEnv } from './fixtures';

const SR = 16_000;

describe('comp-spot play', () => {
  it('the compressed side has the gain reduction the question names; the other side is dry', async () => {
    for (const level of [1, 3, 4, 5]) {
      const q = generate(level * 7, level);
      const prepared = await play.prepare(q, testEnv(SR));
      const { a, b } = prepared.question;
      const wetSide = q.compressedSide === 'A' ? a : b;
      const drySide = wetSide === a ? b : a;
      expect(drySide.tracks[0]!.settings.compressor).toMatchObject({ enabled: false });
      const samples = wetSide.tracks[0]!.channels[0]!;
      const settings = resolveCompressor(q.compressor, peakDb(samples));
      const dry = await renderLR(drySide, SR);
      const wet = await renderLR(wetSide, SR);
      const expected = renderCompressorGain([samples], SR, settings);
      const lat = masterLatency(SR);
      let worst = 0;
      let deepest = 0;
      for (let i = 0; i < dry.left.length; i++) {
        if (Math.abs(dry.left[i]!) < 0.02 || i < lat) continue;
        const g = 20 * Math.log10(Math.abs(wet.left[i]! / dry.left[i]!));
        worst = Math.max(worst, Math.abs(g - (expected[i - lat] ?? 0)));
        deepest = Math.min(deepest, g);
      }
      expect(worst, `level ${level}`).toBeLessThan(0.2);
      if (q.subtype === 'amount') {
        // "About N dB": the deepest reduction is within a few dB of N (soft knee, release between hits).
        expect(Math.abs(-deepest - Number(q.correct)), `level ${level}`).toBeLessThan(3);
      }
    }
  });
});
