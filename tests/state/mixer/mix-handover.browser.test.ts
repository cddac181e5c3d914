import { describe, expect, it } from 'vitest';
import { Transport } from '../../../src/engine/transport';
import type { AnyContext } from '../../../src/engine/types';

// The Mix page's first opening plays a song's first bars while the rest renders, then hands over to the whole
// song without stopping (mix-songs.ts → MixerModel.swapSource → LiveMix.replaceSource →
// Transport.replaceBuffers). A learner must hear no seam: the output with the hand-over must match the whole
// song played from the start. A native OfflineAudioContext pauses at a render quantum (suspend(time)), so the
// hand-over happens at a known context time, also within the transport's 20 ms lead after a start.

const RATE = 8000;
/** One render quantum at RATE. */
const QUANTUM = 128 / RATE;
const SECONDS = 0.5;
const FRAMES = RATE * SECONDS;
/** The first bars: the first 0.2 s of the song, silence after (a head source is as long as the song). */
const HEAD = Math.round(0.2 * RATE);
const PEAK = 0.25;

/** The song: a 220 Hz tone, PEAK high, the whole programme long. */
const song = () =>
  Float32Array.from({ length: FRAMES }, (_, i) => PEAK * Math.sin((2 * Math.PI * 220 * i) / RATE));

/** The song's first bars in a buffer as long as the song. */
const head = () => {
  const x = song();
  x.fill(0, HEAD);
  return x;
};

function bufferOf(ctx: OfflineAudioContext, samples: Float32Array): AudioBuffer {
  const buffer = ctx.createBuffer(1, samples.length, RATE);
  buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
  return buffer;
}

/**
 * Renders the song played from 0 (Play at `playAt`, a quantum boundary); with `swapAt`, it starts from the
 * first bars and the whole song takes over at that context time (in the same quantum as Play when equal).
 */
async function render(playAt: number, swapAt?: number, slip = 0): Promise<Float32Array> {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: FRAMES, sampleRate: RATE });
  const target = {
    connectSource: (_: number, node: { connect(d: AudioNode): unknown }) => node.connect(ctx.destination),
  };
  const first = bufferOf(ctx, swapAt === undefined ? song() : head());
  const transport = new Transport(ctx as unknown as AnyContext, target as never, [first as never]);
  // `slip` shifts the whole song by whole samples (the check below must hear a hand-over that is one off).
  const whole = bufferOf(ctx, slip === 0 ? song() : Float32Array.from(song().subarray(slip)));
  void ctx.suspend(playAt).then(() => {
    transport.play(0);
    if (swapAt === playAt) transport.replaceBuffers([whole as never]);
    void ctx.resume();
  });
  if (swapAt !== undefined && swapAt !== playAt)
    void ctx.suspend(swapAt).then(() => {
      transport.replaceBuffers([whole as never]);
      void ctx.resume();
    });
  return (await ctx.startRendering()).getChannelData(0);
}

/** The largest difference between two renders, as a share of the song's peak. */
function worstShare(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst / PEAK;
}

describe('the Mix page hands its first bars over to the whole song without a seam', () => {
  const playAt = 2 * QUANTUM;
  it.each([
    ['in the same moment as Play (before the first sample sounds)', playAt],
    ['one quantum after Play (inside the 20 ms lead)', playAt + QUANTUM],
    ['two quanta after Play (just after the first sample)', playAt + 2 * QUANTUM],
    ['well into the first bars', playAt + 8 * QUANTUM],
  ])('hand-over %s', async (_, swapAt) => {
    const reference = await render(playAt);
    const handedOver = await render(playAt, swapAt);
    // The reference really plays (a render that lost the song would "match" a silent one).
    expect(Math.max(...reference.map(Math.abs))).toBeGreaterThan(0.9 * PEAK);
    // Both play the same samples in the same place, so the crossfade between them changes nothing: any
    // step or doubled stretch (a click) would be a sizeable share of the peak.
    expect(worstShare(reference, handedOver)).toBeLessThan(1e-3);
  });

  it('the check hears a hand-over one sample out (what a 0.14–0.17 difference at 220 Hz and 8 kHz is)', async () => {
    const reference = await render(playAt);
    const slipped = await render(playAt, playAt + 8 * QUANTUM, 1);
    // One sample of a 220 Hz tone at 8 kHz: 2·sin(π·220/8000) ≈ 0.17 of the peak, a step the ear hears.
    expect(worstShare(reference, slipped)).toBeGreaterThan(0.15);
    expect(worstShare(reference, slipped)).toBeLessThan(0.18);
  });
});
