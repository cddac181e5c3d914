import { describe, expect, it } from 'vitest';
import { LoudnessTap } from '../../src/engine/loudness-tap';
import type { AnyContext, AnyNode } from '../../src/engine/types';

const RATE = 48_000;

/** Plays `amplitude` × a 997 Hz sine in the given channels for 1 s and reads the tap at the end. */
async function loudnessOf(amplitude: number, channels: number[]): Promise<number> {
  // The browser's own context: it can suspend mid-render, so the tap is read as during playback.
  const ctx = new globalThis.OfflineAudioContext({ numberOfChannels: 2, length: RATE, sampleRate: RATE });
  const buffer = ctx.createBuffer(2, RATE, RATE);
  const tone = new Float32Array(RATE).map((_, i) => amplitude * Math.sin((2 * Math.PI * 997 * i) / RATE));
  for (const c of channels) buffer.copyToChannel(tone, c);
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  const bus = ctx.createGain();
  source.connect(bus);
  bus.connect(ctx.destination);
  const tap = new LoudnessTap(ctx as unknown as AnyContext, bus as unknown as AnyNode);
  source.start(0);
  // Read while rendering (at 0.9 s, the last 0.4 s of tone behind it), as a meter reads during playback.
  let read = Number.NaN;
  void ctx.suspend(0.9).then(() => {
    read = tap.read();
    void ctx.resume();
  });
  await ctx.startRendering();
  return read;
}

describe('LoudnessTap (momentary LUFS)', () => {
  it('reads a −20 dBFS 997 Hz sine in both channels as −20 LUFS, and in one channel 3 dB less (BS.1770)', async () => {
    expect(await loudnessOf(0.1, [0, 1])).toBeCloseTo(-20, 1);
    expect(await loudnessOf(0.1, [0])).toBeCloseTo(-23.01, 1);
  });

  it('reads silence as −∞', async () => {
    expect(await loudnessOf(0, [0, 1])).toBe(Number.NEGATIVE_INFINITY);
  });
});
