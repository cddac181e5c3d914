import { OfflineAudioContext } from 'standardized-audio-context';
import { expect, it } from 'vitest';
import { createLimiterNode } from '../../src/engine/limiter';

it('keeps a +10 dBFS sine under the −1 dBFS ceiling', async () => {
  const fs = 24000;
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: fs / 4, sampleRate: fs });
  const osc = ctx.createOscillator();
  osc.frequency.value = 997;
  const boost = ctx.createGain();
  boost.gain.value = 10 ** (10 / 20);
  const limiter = await createLimiterNode(ctx, { ceilingDb: -1 });
  osc.connect(boost).connect(limiter).connect(ctx.destination);
  osc.start();
  const out = await ctx.startRendering();
  let peak = 0;
  for (let c = 0; c < 2; c++) for (const v of out.getChannelData(c)) peak = Math.max(peak, Math.abs(v));
  expect(peak).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-6);
  expect(peak).toBeGreaterThan(10 ** (-1 / 20) - 0.01);
});
