import type { IAudioBuffer } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../src/dsp/loudness';
import { renderPinkNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import { Mixer } from '../../src/engine/mixer';
import {
  measurePureLevelMatch,
  measurePureMixLoudness,
  type PureMix,
  renderPureMix,
} from '../../src/engine/pure-mix';
import { bufferChannels, renderOffline } from '../../src/engine/render';
import { Transport } from '../../src/engine/transport';
import { bufferOf } from './mix-fixtures';

const FS = 16000;
const LENGTH = FS * 2;

function bursts(seed: number): Float32Array {
  const x = renderPinkNoise(createRng(seed), LENGTH, 0.2);
  for (let i = 0; i < LENGTH; i++) x[i] = (x[i] as number) * (0.15 + Math.exp(-((i % 4000) / 600)));
  return x;
}

/** Three tracks that use every stage: EQ, high-pass, compressor, pre- and post-fader sends, a stereo pan. */
function everyStage(overrides: { vocalDb?: number; soloDrums?: boolean } = {}): PureMix {
  return {
    bpm: 97, // a dotted eighth of 0.4639… s: a fractional delay, read with interpolation
    reverb: { decayS: 0.8, preDelayMs: 15, damping: 0.6, seed: 5, returnDb: -2 },
    delay: { feedback: 0.45, lowCutHz: 300, highCutHz: 3500 },
    masterDb: -1.5,
    tracks: [
      {
        channels: [bursts(1)],
        settings: {
          faderDb: -3 + (overrides.vocalDb ?? 0),
          pan: -0.3,
          highPass: { enabled: true, frequency: 120 },
          eq: [{ gainDb: -3 }, { gainDb: 5, frequency: 900, q: 2 }, {}, { gainDb: 2 }],
          compressor: { enabled: true, thresholdDb: -26, ratio: 5, makeupDb: 2 },
          sends: {
            reverb: { enabled: true, levelDb: -8, preFader: true },
            delay: { enabled: true, levelDb: -12 },
          },
        },
      },
      {
        channels: [bursts(2), bursts(3)],
        settings: {
          faderDb: -6,
          pan: 0.6,
          solo: overrides.soloDrums ?? false,
          sends: { delay: { enabled: true } },
        },
      },
      {
        channels: [bursts(4)],
        settings: { faderDb: -9, pan: 0.9, trimDb: 3, sends: { reverb: { enabled: true } } },
      },
    ],
  };
}

function renderOnEngine(mix: PureMix): Promise<IAudioBuffer> {
  return renderOffline(
    async (ctx) => {
      const mixer = await Mixer.create(ctx, {
        tracks: mix.tracks.map((t) => t.settings),
        bpm: mix.bpm,
        reverb: mix.reverb,
        delay: mix.delay,
        masterDb: mix.masterDb,
      });
      const transport = new Transport(
        ctx,
        mixer,
        mix.tracks.map((t) => bufferOf(ctx, [...t.channels])),
      );
      transport.play(0, 0);
    },
    { sampleRate: FS, durationS: LENGTH / FS },
  );
}

describe('renderPureMix (the engine in plain TypeScript)', () => {
  it('matches an offline render of the same Mixer sample by sample', async () => {
    const mix = everyStage();
    const engine = bufferChannels(await renderOnEngine(mix));
    const pure = renderPureMix(mix, FS);
    let worst = 0;
    let peak = 0;
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < LENGTH; i++) {
        worst = Math.max(worst, Math.abs(pure[c]![i]! - engine[c]![i]!));
        peak = Math.max(peak, Math.abs(engine[c]![i]!));
      }
    }
    console.info(
      `pure mix vs engine: worst sample error ${worst.toExponential(2)} (peak ${peak.toFixed(2)})`,
    );
    expect(peak).toBeGreaterThan(0.1);
    expect(worst).toBeLessThan(1e-4);
    const engineLufs = integratedLoudness(engine, FS);
    expect(Math.abs(measurePureMixLoudness(mix, FS) - engineLufs)).toBeLessThan(0.01);
  });

  it('follows solo-in-place: only the soloed track and what it sends', async () => {
    const mix = everyStage({ soloDrums: true });
    const engine = bufferChannels(await renderOnEngine(mix));
    const pure = renderPureMix(mix, FS);
    let worst = 0;
    for (let c = 0; c < 2; c++)
      for (let i = 0; i < LENGTH; i++) worst = Math.max(worst, Math.abs(pure[c]![i]! - engine[c]![i]!));
    expect(worst).toBeLessThan(1e-4);
    expect(integratedLoudness(pure, FS)).toBeLessThan(
      integratedLoudness(renderPureMix(everyStage(), FS), FS),
    );
  });

  it('level-matches an A/B pair: a track 4 dB up reads louder, by less than 4 dB', () => {
    const { aLufs, bLufs } = measurePureLevelMatch(everyStage(), everyStage({ vocalDb: 4 }), FS);
    expect(bLufs - aLufs).toBeGreaterThan(0.5);
    expect(bLufs - aLufs).toBeLessThan(4);
  });
});
