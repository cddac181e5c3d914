import type { IAudioBuffer } from 'standardized-audio-context';
import type { Decibels, Lufs, SampleRate, Seconds } from '../../dsp/units';
import {
  type AnyContext,
  type DeepPartial,
  downloadBlob,
  exportWav,
  loadEngineWorklets,
  Mixer,
  renderOffline,
  SAFETY_CEILING_DB,
  type StripMeterReading,
  type StripSettings,
  Transport,
  type TransportSnapshot,
} from '../../engine/index';
import { LoudnessTap } from '../../engine/loudness-tap';
import type { MixSource } from '../shared/test-sources';
import { sourceFrames } from './source-frames';

export { startingSettings } from './starting-settings';

/**
 * The engine side of the mixer model, loaded on demand (`import('./live-mix')`) so the engine and the
 * audio library stay out of the first screen's JavaScript. Everything here is thin: the Mixer and the
 * Transport do the work (and the ramps); this file only adapts them to what the model needs.
 */

/** A Mixer and a Transport playing one source on one context. */
export interface LiveMix {
  readonly context: AnyContext;
  readonly sampleRate: SampleRate;
  /** Forwards a strip change to the engine (solo included: the Mixer keeps solo consistent). */
  updateStrip(index: number, patch: DeepPartial<StripSettings>): void;
  setMasterFaderDb(db: Decibels): void;
  /** Sets the master width (1 = as panned) and its mono button. */
  setMasterWidth(width: number, mono: boolean): void;
  readStripMeter(index: number): StripMeterReading;
  readGainReductionDb(index: number): Decibels;
  /** What leaves the master bus, after the hearing-safety limiter (never above its −1 dBFS ceiling). */
  readMasterMeter(): StripMeterReading;
  /** Loudness of what leaves the limiter over the last 400 ms (momentary LUFS; −∞ when not live). */
  readLoudnessLufs(): Lufs;
  /** How much the limiter is turning the mix down now (≤ 0 dB): the output peak against the peak going in. */
  readLimiterReductionDb(): Decibels;
  play(from: Seconds): void;
  /** The source playing, its samples readable (for an export: they live in the buffers, see buffersFor). */
  readonly playingSource: MixSource;
  /** Plays `source`'s tracks from now on (same tracks, more of them rendered) without a break. */
  replaceSource(source: MixSource): void;
  stop(): void;
  seek(time: Seconds): void;
  /** Loops the whole programme, or plays it once. */
  setLoop(on: boolean): void;
  readonly position: Seconds;
  readonly isPlaying: boolean;
  readonly duration: Seconds;
  onChange(listener: (s: TransportSnapshot) => void): () => void;
  dispose(): void;
}

/**
 * The limiter's gain reduction read from its two meters: 0 while the peak going in stays under the
 * ceiling (nothing to do; the meters' small differences are not reduction), else output − input peak.
 */
export function limiterReductionDb(inputPeakDb: Decibels, outputPeakDb: Decibels): Decibels {
  if (!(inputPeakDb > SAFETY_CEILING_DB) || !Number.isFinite(outputPeakDb)) return 0;
  return Math.min(0, outputPeakDb - inputPeakDb);
}

/**
 * One AudioBuffer per track of `source`. With `adopt` (live playback), each track's channels become views
 * of its buffer's own samples, so the arrays copied from are let go: the song is held once, in the buffers.
 */
function buffersFor(ctx: AnyContext, source: MixSource, adopt = false): IAudioBuffer[] {
  return source.tracks.map((track) => {
    const length = sourceFrames(source);
    const buffer = ctx.createBuffer(track.channels.length, Math.max(1, length), source.sampleRate);
    track.channels.forEach((data, c) => {
      buffer.copyToChannel(data, c);
    });
    if (adopt && length > 0) track.channels = track.channels.map((_, c) => buffer.getChannelData(c));
    return buffer;
  });
}

/** `source` with each track's channels read again from `buffers` (a browser may detach views once playing). */
function readBack(source: MixSource, buffers: readonly IAudioBuffer[]): MixSource {
  return {
    ...source,
    tracks: source.tracks.map((track, i) => {
      const buffer = buffers[i];
      if (!buffer || track.channels.every((c) => c.length > 0)) return track;
      return { ...track, channels: track.channels.map((_, c) => buffer.getChannelData(c)) };
    }),
  };
}

/** Loads the engine's audio processors into `ctx` ahead of building a mixer there (once per context). */
export function prepareLiveMix(ctx: AnyContext): Promise<void> {
  return loadEngineWorklets(ctx);
}

/**
 * Builds the mixer for `source` on `ctx` with the given strip settings, plus a transport to play it. With
 * `holdOnce` (a source made for this mixer alone), live playback takes its samples over (see buffersFor).
 */
export async function createLiveMix(
  ctx: AnyContext,
  source: MixSource,
  settings: readonly StripSettings[],
  masterDb: Decibels,
  holdOnce = false,
): Promise<LiveMix> {
  // What leaves the master also feeds a loudness meter (live playback only: an offline render has no reader).
  const out = 'startRendering' in ctx ? null : ctx.createGain();
  out?.connect(ctx.destination);
  const mixer = await Mixer.create(ctx, {
    tracks: [...settings],
    masterDb,
    bpm: source.bpm ?? 120,
    ...(out ? { output: out } : {}),
  });
  performance.mark('live:graph');
  const loudness = out ? new LoudnessTap(ctx, out) : null;
  let playing = source;
  let buffers = buffersFor(ctx, source, holdOnce && out !== null);
  performance.mark('live:buffers');
  const transport = new Transport(ctx, mixer, buffers);
  return {
    context: ctx,
    sampleRate: ctx.sampleRate,
    updateStrip: (index, patch) => mixer.updateTrack(index, patch),
    setMasterFaderDb: (db) => mixer.master.setFaderDb(db),
    setMasterWidth: (width, mono) => {
      mixer.master.setWidth(width);
      mixer.master.setMono(mono);
    },
    readStripMeter: (index) => mixer.strip(index).readMeter(),
    readGainReductionDb: (index) => mixer.strip(index).readGainReductionDb(),
    readMasterMeter: () => mixer.master.readOutputMeter(),
    readLoudnessLufs: () => loudness?.read() ?? Number.NEGATIVE_INFINITY,
    readLimiterReductionDb: () =>
      limiterReductionDb(mixer.readMasterMeter().peakDb, mixer.master.readOutputMeter().peakDb),
    play: (from) => {
      transport.play(from);
    },
    get playingSource() {
      return readBack(playing, buffers);
    },
    replaceSource: (next) => {
      playing = next;
      buffers = buffersFor(ctx, next, holdOnce && out !== null);
      transport.replaceBuffers(buffers);
    },
    stop: () => transport.stop(),
    seek: (time) => transport.seek(time),
    setLoop: (on) => transport.setLoop(on ? { start: 0, end: transport.duration } : null),
    get position() {
      return transport.position;
    },
    get isPlaying() {
      return transport.isPlaying;
    },
    get duration() {
      return transport.duration;
    },
    onChange: (listener) => transport.onChange(listener),
    dispose: () => {
      transport.dispose();
      mixer.dispose();
      loudness?.dispose();
      out?.disconnect();
    },
  };
}

/** Seconds rendered after the programme so reverb and delay tails are not cut off. */
const TAIL_S: Seconds = 2;

/** Renders the mix offline (faster than real time) from the start, with a tail for the returns. */
export function renderMix(
  source: MixSource,
  settings: readonly StripSettings[],
  masterDb: Decibels,
  durationS?: Seconds,
  masterWidth = 1,
) {
  const length = sourceFrames(source);
  return renderOffline(
    async (ctx) => {
      const mix = await createLiveMix(ctx, source, settings, masterDb);
      if (masterWidth !== 1) mix.setMasterWidth(masterWidth, false);
      mix.play(0);
    },
    { sampleRate: source.sampleRate, durationS: durationS ?? length / source.sampleRate + TAIL_S },
  );
}

/**
 * Renders the mix and offers it as a 16-bit WAV download named after the source. The master width is part of
 * the mix; the master's mono button is a listening check and is left out.
 */
export async function exportMixWav(
  source: MixSource,
  settings: readonly StripSettings[],
  masterDb: Decibels,
  masterWidth = 1,
): Promise<void> {
  const buffer = await renderMix(source, settings, masterDb, undefined, masterWidth);
  downloadBlob(exportWav(buffer), `headroom-${source.id}-mix.wav`);
}
