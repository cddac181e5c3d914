import { OfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { Mixer } from '../../src/engine/mixer';
import { bufferOf, sine } from './mix-fixtures';

const FS = 16_000;

/** Renders a mono and a stereo source through a two-track mixer, told their layouts at build or on connect. */
async function render(atBuild: boolean): Promise<Float32Array[]> {
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: FS / 4, sampleRate: FS });
  const mono = [sine(330, FS, FS / 4, 0.5)];
  const stereo = [sine(220, FS, FS / 4, 0.4), sine(550, FS, FS / 4, 0.3)];
  const mixer = await Mixer.create(ctx, {
    tracks: [
      { pan: -0.4, saturation: { enabled: true, driveDb: 6 } },
      { pan: 0.6, eq: [{ enabled: true, gainDb: 4, frequency: 800 }] },
    ],
    ...(atBuild ? { inputChannels: [1, 2] } : {}),
  });
  [mono, stereo].forEach((channels, i) => {
    const source = ctx.createBufferSource();
    source.buffer = bufferOf(ctx, channels);
    mixer.connectSource(i, source, channels.length);
    source.start();
  });
  const out = await ctx.startRendering();
  return [out.getChannelData(0).slice(), out.getChannelData(1).slice()];
}

describe('Mixer inputChannels (each track built for its source layout at once)', () => {
  it('sounds bit for bit as a mixer told the layouts when the sources connect', async () => {
    const [told, later] = [await render(true), await render(false)];
    for (let c = 0; c < 2; c++) {
      let diff = 0;
      for (let n = 0; n < (later[c] as Float32Array).length; n++)
        diff = Math.max(diff, Math.abs((told[c]?.[n] ?? 0) - (later[c]?.[n] ?? 0)));
      expect(diff).toBe(0);
    }
    expect(Math.max(...(told[0] as Float32Array))).toBeGreaterThan(0.1);
  });
});
