import { OfflineAudioContext } from 'standardized-audio-context';
import { expect, it } from 'vitest';

it('renders a constant offline in real Chromium', async () => {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 480, sampleRate: 48000 });
  const src = ctx.createConstantSource();
  src.offset.value = 0.5;
  src.connect(ctx.destination);
  src.start();
  const out = await ctx.startRendering();
  expect(out.getChannelData(0)[100]).toBeCloseTo(0.5, 6);
});
