import type { IAudioBuffer } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { renderPinkNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import { sideToMidDb } from '../../src/dsp/stereo-width';
import { Mixer } from '../../src/engine/mixer';
import { type PureMix, renderPureMix } from '../../src/engine/pure-mix';
import { bufferChannels, renderOffline } from '../../src/engine/render';
import { Transport } from '../../src/engine/transport';
import { bufferOf } from './mix-fixtures';

const FS = 16000;
const LENGTH = FS;

function noise(seed: number): Float32Array {
  return renderPinkNoise(createRng(seed), LENGTH, 0.2);
}

function renderOnEngine(mix: PureMix): Promise<IAudioBuffer> {
  return renderOffline(
    async (ctx) => {
      const mixer = await Mixer.create(ctx, {
        tracks: mix.tracks.map((t) => t.settings),
        masterDb: mix.masterDb,
        masterWidth: mix.masterWidth,
        masterMono: mix.masterMono,
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

function worstError(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  for (let c = 0; c < 2; c++)
    for (let i = 0; i < LENGTH; i++) worst = Math.max(worst, Math.abs(a[c]![i]! - b[c]![i]!));
  return worst;
}

/** A mono track panned left at width 0.4, a stereo track at width 1.7 with the low-pass, one summed to mono. */
function widthMix(master: Pick<PureMix, 'masterWidth' | 'masterMono'> = {}): PureMix {
  return {
    masterDb: -6,
    ...master,
    tracks: [
      { channels: [noise(1)], settings: { pan: -0.7, width: 0.4 } },
      {
        channels: [noise(2), noise(3)],
        settings: { width: 1.7, faderDb: -4, lowPass: { enabled: true, frequency: 2000 } },
      },
      { channels: [noise(4), noise(5)], settings: { pan: 0.5, mono: true, faderDb: -8 } },
    ],
  };
}

describe('width, mono and low-pass on the engine', () => {
  it('strip width, mono and low-pass match the pure renderer sample by sample', async () => {
    const mix = widthMix();
    const engine = bufferChannels(await renderOnEngine(mix));
    const pure = renderPureMix(mix, FS);
    const worst = worstError(engine, pure);
    console.info(`width/low-pass strips vs pure: worst sample error ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-4);
  });

  it('master width scales the measured side against the mid; master mono leaves no side', async () => {
    const wide = bufferChannels(await renderOnEngine(widthMix()));
    const narrow = bufferChannels(await renderOnEngine(widthMix({ masterWidth: 0.5 })));
    const mono = bufferChannels(await renderOnEngine(widthMix({ masterMono: true, masterWidth: 1.5 })));
    const change = sideToMidDb(narrow[0]!, narrow[1]!) - sideToMidDb(wide[0]!, wide[1]!);
    console.info(`master width 0.5: side against mid ${change.toFixed(2)} dB (analytic −6.02)`);
    expect(change).toBeCloseTo(-6.02, 1);
    expect(sideToMidDb(mono[0]!, mono[1]!)).toBeLessThan(-100);
    expect(worstError(narrow, renderPureMix(widthMix({ masterWidth: 0.5 }), FS))).toBeLessThan(1e-4);
  });
});
