// The bench's plain native graph (issue 20): the same mix as the engine's, wired the fastest idiomatic way
// straight on the browser's own OfflineAudioContext (no wrapper library): per track one BiquadFilterNode per
// stage, a DynamicsCompressorNode, one gain (trim and fader together), a StereoPannerNode, post-fader send
// gains; a ConvolverNode playing the engine's own impulse response, a DelayNode with the engine's filtered
// feedback loop, and a DynamicsCompressorNode as the master limiter. Stages the strip leaves flat or off get
// no node, as anyone wiring it by hand would do.
import { webAudioQ } from '../../src/dsp/biquad';
import { dbToGain } from '../../src/dsp/db';
import { noteValueSeconds } from '../../src/dsp/delay';
import { createRng } from '../../src/dsp/random';
import { generateImpulseResponse } from '../../src/dsp/reverb-ir';
import {
  DEFAULT_COMPRESSOR,
  DEFAULT_DELAY,
  DEFAULT_REVERB,
  type DeepPartial,
  defaultStripSettings,
  type StripSettings,
} from '../../src/engine';
import { mergeStripSettings } from '../../src/engine/strip-settings';
import { type RenderTiming, rendererCpuMs } from './engine-bench-graphs';

/** The tracks as native AudioBuffers (the song's data: made before a graph's build is timed). */
export function makeNativeBuffers(ctx: BaseAudioContext, sources: Float32Array[][]): AudioBuffer[] {
  return sources.map((channels) => {
    const buffer = ctx.createBuffer(channels.length, channels[0]!.length, ctx.sampleRate);
    channels.forEach((data, c) => {
      buffer.copyToChannel(data as Float32Array<ArrayBuffer>, c);
    });
    return buffer;
  });
}

/** Starts one looping native buffer source per buffer, each handed to `connect`. */
export function startNativeBuffers(
  ctx: BaseAudioContext,
  buffers: AudioBuffer[],
  connect: (index: number, node: AudioBufferSourceNode) => void,
): void {
  buffers.forEach((buffer, i) => {
    const node = new AudioBufferSourceNode(ctx, { buffer, loop: true });
    connect(i, node);
    node.start(0);
  });
}

/** The engine's default reverb room as a stereo AudioBuffer of `ctx`. */
export function engineRoom(ctx: BaseAudioContext): AudioBuffer {
  const [left, right] = generateImpulseResponse(createRng(DEFAULT_REVERB.seed), {
    sampleRate: ctx.sampleRate,
    decayS: DEFAULT_REVERB.decayS,
    preDelayMs: DEFAULT_REVERB.preDelayMs,
    damping: DEFAULT_REVERB.damping,
    stereoWidth: DEFAULT_REVERB.stereoWidth,
  });
  const buffer = ctx.createBuffer(2, left.length, ctx.sampleRate);
  buffer.copyToChannel(left as Float32Array<ArrayBuffer>, 0);
  buffer.copyToChannel(right as Float32Array<ArrayBuffer>, 1);
  return buffer;
}

/** A strip's full settings from the bench's patch. */
export function benchStrip(patch: DeepPartial<StripSettings>): StripSettings {
  return mergeStripSettings(defaultStripSettings(patch.name), patch);
}

/** The filter stages a strip hears, as [type, frequency, Q as Web Audio takes it, gain dB]. */
export function audibleFilters(s: StripSettings): [BiquadFilterType, number, number, number][] {
  const out: [BiquadFilterType, number, number, number][] = [];
  if (s.highPass.enabled)
    out.push(['highpass', s.highPass.frequency, webAudioQ('highpass', Math.SQRT1_2), 0]);
  if (s.lowPass.enabled) out.push(['lowpass', s.lowPass.frequency, webAudioQ('lowpass', Math.SQRT1_2), 0]);
  for (const band of s.eq) {
    if (band.enabled && band.gainDb !== 0)
      out.push([band.type, band.frequency, webAudioQ(band.type, band.q), band.gainDb]);
  }
  return out;
}

/** The delay return's time at 120 BPM, s. */
export const BENCH_DELAY_S = noteValueSeconds(DEFAULT_DELAY.note, 120);

/** Builds the plain native mix on a native offline context, playing `buffers` (one per track). */
export function buildPlainNativeMix(
  ctx: BaseAudioContext,
  buffers: AudioBuffer[],
  strip: (i: number) => DeepPartial<StripSettings>,
): void {
  const master = ctx.createGain();
  const limiter = new DynamicsCompressorNode(ctx, {
    threshold: -1,
    knee: 0,
    ratio: 20,
    attack: 0.001,
    release: 0.06,
  });
  master.connect(limiter).connect(ctx.destination);
  const reverb = new ConvolverNode(ctx, { disableNormalization: true, buffer: engineRoom(ctx) });
  reverb.connect(master);
  const delay = new DelayNode(ctx, { maxDelayTime: 4, delayTime: BENCH_DELAY_S });
  const lowCut = new BiquadFilterNode(ctx, {
    type: 'highpass',
    frequency: DEFAULT_DELAY.lowCutHz,
    Q: webAudioQ('highpass', Math.SQRT1_2),
  });
  const highCut = new BiquadFilterNode(ctx, {
    type: 'lowpass',
    frequency: DEFAULT_DELAY.highCutHz,
    Q: webAudioQ('lowpass', Math.SQRT1_2),
  });
  const feedback = new GainNode(ctx, { gain: DEFAULT_DELAY.feedback });
  delay.connect(master);
  delay.connect(lowCut).connect(highCut).connect(feedback).connect(delay);

  startNativeBuffers(ctx, buffers, (i, node) => {
    const s = benchStrip(strip(i));
    let last: AudioNode = node;
    for (const [type, frequency, Q, gain] of audibleFilters(s))
      last = last.connect(new BiquadFilterNode(ctx, { type, frequency, Q, gain }));
    if (s.compressor.enabled) {
      const c = { ...DEFAULT_COMPRESSOR, ...s.compressor };
      last = last.connect(
        new DynamicsCompressorNode(ctx, {
          threshold: c.thresholdDb,
          ratio: c.ratio,
          knee: c.kneeDb,
          attack: c.attackMs / 1000,
          release: c.releaseMs / 1000,
        }),
      );
    }
    const fader = new GainNode(ctx, { gain: dbToGain(s.trimDb + s.faderDb) });
    last.connect(fader);
    fader.connect(new StereoPannerNode(ctx, { pan: s.pan })).connect(master);
    if (s.sends.reverb.enabled)
      fader.connect(new GainNode(ctx, { gain: dbToGain(s.sends.reverb.levelDb) })).connect(reverb);
    if (s.sends.delay.enabled)
      fader.connect(new GainNode(ctx, { gain: dbToGain(s.sends.delay.levelDb) })).connect(delay);
  });
}

/** Builds the plain native mix in a fresh native stereo OfflineAudioContext and renders `durationS` (buffers untimed). */
export async function timeNativeRender(
  durationS: number,
  sources: Float32Array[][],
  strip: (i: number) => DeepPartial<StripSettings>,
  sampleRate: number,
): Promise<RenderTiming> {
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: durationS * sampleRate, sampleRate });
  const buffers = makeNativeBuffers(ctx, sources);
  const t0 = performance.now();
  buildPlainNativeMix(ctx, buffers, strip);
  const c1 = await rendererCpuMs();
  const t1 = performance.now();
  await ctx.startRendering();
  const renderMs = performance.now() - t1;
  return { buildMs: t1 - t0, renderMs, cpuMs: (await rendererCpuMs()) - c1 };
}
