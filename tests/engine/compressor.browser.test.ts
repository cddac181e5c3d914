import { OfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { type CompressorSettings, renderCompressorGain } from '../../src/dsp/compressor';
import { Compressor } from '../../src/engine/compressor';
import { bufferOf } from './mix-fixtures';
import { reportsDelivered } from './strip-fixtures';

const FS = 16000;
const SETTINGS: CompressorSettings = {
  thresholdDb: -24,
  ratio: 4,
  kneeDb: 6,
  attackMs: 5,
  releaseMs: 60,
  makeupDb: 3,
};

/** Steps between levels (a constant per segment, sign alternating) then a sine: exact gains to compare. */
function programme(length: number): Float32Array {
  const levels = [0.02, 0.6, 0.1, 0.95, 0.3];
  const out = new Float32Array(length);
  const segment = Math.floor(length / 8);
  for (let i = 0; i < length; i++) {
    const k = Math.floor(i / segment);
    out[i] =
      k < levels.length
        ? (levels[k] as number) * (k % 2 === 0 ? 1 : -1)
        : 0.8 * Math.sin((2 * Math.PI * 220 * i) / FS);
  }
  return out;
}

async function renderThrough(channels: Float32Array[], settings: CompressorSettings) {
  const length = channels[0]!.length;
  const ctx = new OfflineAudioContext({ numberOfChannels: channels.length, length, sampleRate: FS });
  const source = ctx.createBufferSource();
  source.buffer = bufferOf(ctx, channels);
  const input = ctx.createGain();
  source.connect(input);
  const compressor = await Compressor.create(ctx, input, settings);
  compressor.output.connect(ctx.destination);
  source.start();
  const rendered = await ctx.startRendering();
  await reportsDelivered();
  return { compressor, out: channels.map((_, c) => rendered.getChannelData(c)) };
}

/** Largest |applied − expected| in dB over samples where the input is clearly non-zero. */
function worstErrorDb(input: Float32Array, output: Float32Array, expectedDb: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i] as number;
    if (Math.abs(x) < 0.01) continue;
    const applied = 20 * Math.log10((output[i] as number) / x);
    worst = Math.max(worst, Math.abs(applied - (expectedDb[i] as number)));
  }
  return worst;
}

describe('Compressor (worklet + VCA)', () => {
  it('applies exactly the gain renderCompressorGain computes (mono)', async () => {
    const input = programme(FS / 2);
    const { out, compressor } = await renderThrough([input], SETTINGS);
    const expected = renderCompressorGain([input], FS, SETTINGS);
    const worst = worstErrorDb(input, out[0]!, expected);
    expect(worst).toBeLessThan(0.1);
    console.info(`compressor worklet vs renderCompressorGain, mono: worst ${worst.toExponential(2)} dB`);
    // It really compresses: the 0.95 segment (−0.45 dBFS) loses ~15 dB before makeup.
    expect(expected[Math.floor((3.5 * FS) / 16)]).toBeCloseTo(3 + (-24 + 23.55 / 4 + 0.45), 1);
    expect(compressor.readGainReductionDb()).toBeLessThan(-5);
  });

  it('follows the louder channel of a stereo source and keeps both channels', async () => {
    const left = programme(FS / 2);
    const right = left.map((v) => v * 0.25);
    const { out } = await renderThrough([left, right], SETTINGS);
    const expected = renderCompressorGain([left, right], FS, SETTINGS);
    expect(worstErrorDb(left, out[0]!, expected)).toBeLessThan(0.1);
    expect(worstErrorDb(right, out[1]!, expected)).toBeLessThan(0.1);
  });
});
