import type { IAudioBuffer, IAudioBufferSourceNode } from 'standardized-audio-context';
import type { AnyContext, AnyNode } from '../../src/engine/types';

/** An AudioBuffer on `ctx` holding `channels` (all the same length). */
export function bufferOf(ctx: AnyContext, channels: Float32Array[]): IAudioBuffer {
  const buffer = ctx.createBuffer(channels.length, channels[0]!.length, ctx.sampleRate);
  channels.forEach((data, c) => {
    buffer.copyToChannel(data, c);
  });
  return buffer;
}

/** Plays `samples` (mono) into `destination` from time `when`. */
export function playSamples(
  ctx: AnyContext,
  samples: Float32Array,
  destination: AnyNode,
  when = 0,
): IAudioBufferSourceNode<AnyContext> {
  const source = ctx.createBufferSource();
  source.buffer = bufferOf(ctx, [samples]);
  source.connect(destination);
  source.start(when);
  return source;
}

/** A unit impulse at sample `at` in a signal of `length` samples. */
export function impulse(length: number, at = 0, amplitude = 1): Float32Array {
  const out = new Float32Array(length);
  out[at] = amplitude;
  return out;
}

/** A sine of `frequency` Hz, `amplitude` peak, lasting `length` samples (optionally starting at `phase`). */
export function sine(
  frequency: number,
  sampleRate: number,
  length: number,
  amplitude = 1,
  phase = 0,
): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++)
    out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate + phase);
  return out;
}

/** Index of the largest |sample| in [start, end). */
export function argMaxAbs(x: Float32Array, start = 0, end = x.length): number {
  let best = start;
  for (let i = start; i < end; i++) if (Math.abs(x[i]!) > Math.abs(x[best]!)) best = i;
  return best;
}
