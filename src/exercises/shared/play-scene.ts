/**
 * Builds one side of an A/B comparison on the engine: a Mixer with one strip per track and a Transport that
 * loops the tracks. The live player and the offline renders (level matching, tests) use this same code, so
 * what is measured is what is heard.
 */
import type { IAudioBuffer } from 'standardized-audio-context';
import type { SampleRate, Seconds } from '../../dsp/units';
import {
  type AnyContext,
  type AnyNode,
  Mixer,
  measureMixLoudness,
  renderOffline,
  Transport,
} from '../../engine';
import type { SideSpec } from './play-types';

/** A side built on a context. */
export interface BuiltSide {
  mixer: Mixer;
  transport: Transport;
  dispose(): void;
}

/** Length of a side's programme in seconds (its longest track). */
export function sideDuration(side: SideSpec, sampleRate: SampleRate): Seconds {
  const frames = side.tracks.reduce((max, t) => Math.max(max, t.channels[0]?.length ?? 0), 0);
  return frames / sampleRate;
}

function toBuffer(ctx: AnyContext, channels: readonly Float32Array[], sampleRate: SampleRate): IAudioBuffer {
  const length = Math.max(1, channels[0]?.length ?? 1);
  const buffer = ctx.createBuffer(Math.max(1, channels.length), length, sampleRate);
  channels.forEach((data, c) => {
    buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c);
  });
  return buffer;
}

/** Builds `side` on `ctx` into `output` (default the destination), its transport looping the whole programme. */
export async function buildSide(
  ctx: AnyContext,
  side: SideSpec,
  sampleRate: SampleRate,
  output?: AnyNode,
): Promise<BuiltSide> {
  const mixer = await Mixer.create(ctx, {
    tracks: side.tracks.map((t) => ({ name: t.name, ...t.settings })),
    bpm: side.bpm ?? 120,
    reverb: side.reverb,
    delay: side.delay,
    output,
    inputChannels: side.tracks.map((t) => Math.max(1, t.channels.length)),
  });
  const buffers = side.tracks.map((t) => toBuffer(ctx, t.channels, sampleRate));
  const transport = new Transport(ctx, mixer, buffers);
  transport.setLoop({ start: 0, end: transport.duration });
  return {
    mixer,
    transport,
    dispose() {
      transport.dispose();
      mixer.dispose();
    },
  };
}

/** Whether two sides can morph into each other by settings alone (same tracks, same samples). */
export function sameTopology(x: SideSpec, y: SideSpec): boolean {
  return (
    x.tracks.length === y.tracks.length &&
    x.tracks.every((t, i) => {
      const other = y.tracks[i]?.channels ?? [];
      return t.channels.length === other.length && t.channels.every((c, k) => c === other[k]);
    }) &&
    (x.bpm ?? 120) === (y.bpm ?? 120)
  );
}

/** Moves a built side to `side`'s settings (ramped): strips, reverb and delay. Topology must be the same. */
export function morphSide(built: BuiltSide, side: SideSpec): void {
  side.tracks.forEach((t, i) => {
    built.mixer.updateTrack(i, t.settings);
  });
  if (side.reverb) built.mixer.reverb.update(side.reverb);
  if (side.delay) built.mixer.delay.update(side.delay);
}

/** Renders `side` offline from its start for `durationS` (default one pass of the loop). */
export function renderSide(
  side: SideSpec,
  sampleRate: SampleRate,
  options: { renderRate?: SampleRate; durationS?: Seconds } = {},
): Promise<IAudioBuffer> {
  return renderOffline(
    async (ctx) => {
      const built = await buildSide(ctx, side, sampleRate);
      built.transport.play(0, 0);
    },
    {
      sampleRate: options.renderRate ?? sampleRate,
      durationS: options.durationS ?? sideDuration(side, sampleRate),
    },
  );
}

/**
 * Integrated loudness (BS.1770) of one pass of `side`'s loop, rendered offline at `renderRate`. The whole
 * loop counts: with dynamic material a part of it can be off by more than half a LU.
 */
export async function measureSideLoudness(
  side: SideSpec,
  sampleRate: SampleRate,
  renderRate: SampleRate,
): Promise<number> {
  return measureMixLoudness(await renderSide(side, sampleRate, { renderRate }));
}
