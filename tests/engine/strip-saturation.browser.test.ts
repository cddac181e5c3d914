import type { IAudioBuffer } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { renderPinkNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import { ChannelStrip } from '../../src/engine/channel-strip';
import { Mixer } from '../../src/engine/mixer';
import { type PureMix, renderPureMix } from '../../src/engine/pure-mix';
import { bufferChannels, renderOffline } from '../../src/engine/render';
import { Transport } from '../../src/engine/transport';
import { bufferOf } from './mix-fixtures';

const FS = 16000;
const LENGTH = FS;

function noise(seed: number, gain = 1): Float32Array {
  const x = renderPinkNoise(createRng(seed), LENGTH, 0.3);
  for (let i = 0; i < LENGTH; i++) x[i] = (x[i] as number) * gain;
  return x;
}

function renderOnEngine(mix: PureMix): Promise<IAudioBuffer> {
  return renderOffline(
    async (ctx) => {
      const mixer = await Mixer.create(ctx, {
        tracks: mix.tracks.map((t) => t.settings),
        masterDb: mix.masterDb,
      });
      new Transport(
        ctx,
        mixer,
        mix.tracks.map((t) => bufferOf(ctx, [...t.channels])),
      ).play(0, 0);
    },
    { sampleRate: FS, durationS: LENGTH / FS },
  );
}

describe('the saturation insert on the engine', () => {
  it('matches the pure renderer sample by sample on a mono (panned) and a stereo source', async () => {
    const mix: PureMix = {
      masterDb: -8,
      tracks: [
        { channels: [noise(1, 3)], settings: { pan: -0.5, saturation: { enabled: true, driveDb: 12 } } },
        {
          channels: [noise(2, 2), noise(3, 2)],
          settings: { faderDb: -3, saturation: { enabled: true, driveDb: 6 }, eq: [{ gainDb: 4 }] },
        },
      ],
    };
    const engine = bufferChannels(await renderOnEngine(mix));
    const pure = renderPureMix(mix, FS);
    let worst = 0;
    let peak = 0;
    for (let c = 0; c < 2; c++)
      for (let i = 0; i < LENGTH; i++) {
        worst = Math.max(worst, Math.abs(pure[c]![i]! - engine[c]![i]!));
        peak = Math.max(peak, Math.abs(engine[c]![i]!));
      }
    console.info(
      `saturation strips vs pure: worst sample error ${worst.toExponential(2)} (peak ${peak.toFixed(2)})`,
    );
    expect(peak).toBeGreaterThan(0.05);
    expect(worst).toBeLessThan(1e-4);
  });

  it('lists the stage only while it is on', async () => {
    await renderOffline(
      async (ctx) => {
        const strip = await ChannelStrip.create(ctx, { saturation: { enabled: true, driveDb: 3 } });
        expect(strip.activeStages()).toEqual(['saturation']);
        strip.update({ saturation: { enabled: false } }, 0);
        expect(strip.activeStages()).toEqual([]);
      },
      { sampleRate: FS, durationS: 0.01 },
    );
  });
});
