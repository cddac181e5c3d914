import {
  type IAudioBuffer,
  type IOfflineAudioContext,
  OfflineAudioContext,
} from 'standardized-audio-context';
import type { SampleRate, Seconds } from '../dsp/units';

/** How long and at what rate an offline render runs. */
export interface RenderOptions {
  sampleRate: SampleRate;
  durationS: Seconds;
  /** Output channels (default 2). */
  channels?: number;
}

/**
 * Renders a graph faster than real time: `build` wires its nodes into the given OfflineAudioContext
 * (standardized-audio-context's, never a native one) and connects them to `ctx.destination`; the
 * promise resolves with the rendered buffer. Used by tests, scoring, level matching and export.
 */
export async function renderOffline(
  build: (ctx: IOfflineAudioContext) => Promise<void> | void,
  { sampleRate, durationS, channels = 2 }: RenderOptions,
): Promise<IAudioBuffer> {
  const length = Math.max(1, Math.round(durationS * sampleRate));
  const ctx = new OfflineAudioContext({ numberOfChannels: channels, length, sampleRate });
  await build(ctx);
  return ctx.startRendering();
}

/** Copies a rendered buffer's channels into plain arrays (for dsp measurements and WAV encoding). */
export function bufferChannels(buffer: IAudioBuffer | AudioBuffer): Float32Array[] {
  const out: Float32Array[] = [];
  for (let c = 0; c < buffer.numberOfChannels; c++) out.push(buffer.getChannelData(c));
  return out;
}
