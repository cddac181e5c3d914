import { OfflineAudioContext } from 'standardized-audio-context';
import { ChannelStrip, type StripSettings } from '../../src/engine/channel-strip';
import type { DeepPartial } from '../../src/engine/types';
import { bufferOf } from './mix-fixtures';

/** What a strip render gives back: the output channels, the send outputs and the strip itself. */
export interface StripRender {
  out: Float32Array[];
  reverb: Float32Array[];
  strip: ChannelStrip;
}

/**
 * Plays `input` (1 or 2 channels) through a strip built with `settings` in an offline context; `schedule`
 * may queue updates at future times before rendering starts. Renders the output, or a send when asked.
 */
export async function renderStrip(
  input: Float32Array[],
  sampleRate: number,
  settings: Partial<StripSettings> = {},
  schedule?: (strip: ChannelStrip) => void,
  tap: 'output' | 'reverb' = 'output',
): Promise<StripRender> {
  const length = input[0]!.length;
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length, sampleRate });
  const source = ctx.createBufferSource();
  source.buffer = bufferOf(ctx, input);
  const strip = await ChannelStrip.create(ctx, settings);
  source.connect(strip.input);
  (tap === 'output' ? strip.output : strip.sends.reverb).connect(ctx.destination);
  schedule?.(strip);
  source.start();
  const rendered = await ctx.startRendering();
  await reportsDelivered();
  const channels = [rendered.getChannelData(0), rendered.getChannelData(1)];
  return { out: tap === 'output' ? channels : [], reverb: tap === 'reverb' ? channels : [], strip };
}

/**
 * Waits a moment after a render, so the worklets' last gain-reduction reports (posted from the audio thread,
 * delivered as tasks that may run after startRendering resolves) have reached the main thread.
 */
export function reportsDelivered(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

/** Convenience for a patch typed like ChannelStrip.update's argument. */
export function patch(p: DeepPartial<StripSettings>): DeepPartial<StripSettings> {
  return p;
}
