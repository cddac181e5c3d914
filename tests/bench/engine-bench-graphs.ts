// Graphs for the engine bench (tests/bench/engine.browser-bench.ts): the bench's sources, the 8-track mix
// on Headroom's engine, and the same mix wired naively from standardized-audio-context nodes.
import {
  type IAudioBuffer,
  type IOfflineAudioContext,
  OfflineAudioContext,
} from 'standardized-audio-context';
import { webAudioQ } from '../../src/dsp/biquad';
import { dbToGain } from '../../src/dsp/db';
import { renderPinkNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import {
  type AnyNode,
  Compressor,
  DEFAULT_COMPRESSOR,
  type DeepPartial,
  loadEngineWorklets,
  Mixer,
  type StripSettings,
} from '../../src/engine';

/** Render rate of every bench graph. */
export const BENCH_RATE = 48000;
/** Length of the looped source material, s. */
const SOURCE_LOOP_S = 4;

/**
 * Pink noise in bursts: every 250 ms a hit with a fast attack and a 150 ms decay over a quiet bed, so a
 * compressor works all the time (peaks around −6 dBFS, bed around −30 dBFS).
 */
function burstNoise(seed: number, length: number, sampleRate: number): Float32Array {
  const noise = renderPinkNoise(createRng(seed), length, 0.25);
  const period = Math.round(0.25 * sampleRate);
  const offset = Math.round((seed % 4) * 0.0625 * sampleRate);
  const decay = Math.exp(-1 / (0.15 * sampleRate));
  let env = 0;
  for (let i = 0; i < length; i++) {
    if ((i + offset) % period === 0) env = 1;
    noise[i] = (noise[i] as number) * (0.08 + env);
    env *= decay;
  }
  return noise;
}

/** The bench's tracks: 6 mono and 2 stereo looped sources in every 8 (as channel arrays). */
export function benchSources(sampleRate = BENCH_RATE, tracks = 8): Float32Array[][] {
  const length = SOURCE_LOOP_S * sampleRate;
  return Array.from({ length: tracks }, (_, i) =>
    i % 8 < 6
      ? [burstNoise(10 + i, length, sampleRate)]
      : [burstNoise(20 + i, length, sampleRate), burstNoise(30 + i, length, sampleRate)],
  );
}

/** The tracks as AudioBuffers of `ctx` (the song's data: made before a graph's build is timed). */
export function makeBuffers(ctx: IOfflineAudioContext, sources: Float32Array[][]): IAudioBuffer[] {
  return sources.map((channels) => {
    const buffer: IAudioBuffer = ctx.createBuffer(channels.length, channels[0]!.length, ctx.sampleRate);
    channels.forEach((data, c) => {
      buffer.copyToChannel(data, c);
    });
    return buffer;
  });
}

type SourceConnect = (
  index: number,
  node: ReturnType<IOfflineAudioContext['createBufferSource']>,
  channels: number,
) => void;

/** Starts one looping buffer source per buffer, each connected by `connect`. */
export function startBuffers(
  ctx: IOfflineAudioContext,
  buffers: IAudioBuffer[],
  connect: SourceConnect,
): void {
  buffers.forEach((buffer, i) => {
    const node = ctx.createBufferSource();
    node.buffer = buffer;
    node.loop = true;
    connect(i, node, buffer.numberOfChannels);
    node.start(0);
  });
}

/** Starts one looping buffer source per track, each connected by `connect`. */
export function startSources(
  ctx: IOfflineAudioContext,
  sources: Float32Array[][],
  connect: SourceConnect,
): void {
  startBuffers(ctx, makeBuffers(ctx, sources), connect);
}

/** Strip settings with every stage working: HPF, all four EQ bands non-flat, compressor, both sends. */
export function fullStrip(track: number): DeepPartial<StripSettings> {
  const i = track % 8; // beyond 8 tracks the pattern repeats
  return {
    name: `Track ${i + 1}`,
    trimDb: -2,
    highPass: { enabled: true, frequency: 40 + 10 * i },
    eq: [
      { enabled: true, gainDb: 3, frequency: 120 },
      { enabled: true, gainDb: -4, frequency: 350 + 20 * i, q: 1.4 },
      { enabled: true, gainDb: 3, frequency: 2800, q: 1 },
      { enabled: true, gainDb: 2, frequency: 9000 },
    ],
    compressor: { enabled: true, thresholdDb: -24, ratio: 4, kneeDb: 6, attackMs: 10, releaseMs: 120 },
    faderDb: -8,
    pan: -0.75 + (1.5 * i) / 7,
    sends: {
      reverb: { enabled: true, levelDb: -14 },
      delay: { enabled: true, levelDb: -20 },
    },
  };
}

/**
 * A typical exercise mix: the rough mix's faders and pans, one EQ band boosted on one track, a compressor on
 * one, reverb sends on two and a delay send on one. Every other band is flat, so it has no node.
 */
export function typicalStrip(i: number): DeepPartial<StripSettings> {
  return {
    name: `Track ${i + 1}`,
    faderDb: -8,
    pan: -0.75 + (1.5 * i) / 7,
    eq: i === 0 ? [{}, { gainDb: 6, frequency: 1000 }] : [],
    compressor: { enabled: i === 1 },
    sends: {
      reverb: { enabled: i === 2 || i === 3, levelDb: -14 },
      delay: { enabled: i === 4, levelDb: -20 },
    },
  };
}

/**
 * The mix on Headroom's engine: a Mixer with these strips, its reverb and delay returns, master and limiter.
 * Resolves to the graph's build time, ms (the tracks' buffers are made first, untimed). `engine` may be
 * another build of the engine's Mixer (e.g. an older commit's, to compare).
 */
export async function buildEngineMix(
  ctx: IOfflineAudioContext,
  sources: Float32Array[][],
  strip: (i: number) => DeepPartial<StripSettings>,
  engine: { create: typeof Mixer.create } = Mixer,
): Promise<number> {
  const buffers = makeBuffers(ctx, sources);
  const t0 = performance.now();
  const mixer = await engine.create(ctx, {
    tracks: sources.map((_, i) => strip(i)),
    inputChannels: sources.map((channels) => channels.length),
  });
  // As the Transport does: the mixer is told each track's layout, so a strip pans with one node.
  startBuffers(ctx, buffers, (i, node, channels) => mixer.connectSource(i, node, channels));
  return performance.now() - t0;
}

/** An untrimmed reverb impulse response: `lengthS` of decaying stereo noise (RT60 `decayS`), no cut-off. */
function untrimmedIr(ctx: IOfflineAudioContext, lengthS: number, decayS: number): IAudioBuffer {
  const length = Math.round(lengthS * ctx.sampleRate);
  const buffer = ctx.createBuffer(2, length, ctx.sampleRate);
  const rng = createRng(7);
  const step = Math.exp(-Math.log(1000) / (decayS * ctx.sampleRate));
  for (let c = 0; c < 2; c++) {
    const data = new Float32Array(length);
    let env = 0.05;
    for (let i = 0; i < length; i++) {
      data[i] = env * rng.range(-1, 1);
      env *= step;
    }
    buffer.copyToChannel(data, c);
  }
  return buffer;
}

/**
 * The same mix wired naively: per track trim gain → HPF → 4 EQ biquads → compressor (a native
 * DynamicsCompressorNode, or the engine's worklet + VCA when `compressor` is 'worklet') →
 * fader gain → StereoPannerNode → master gain, with post-fader reverb and delay send gains; the reverb a
 * ConvolverNode with a fixed 4 s IR, the delay a DelayNode with high-pass → low-pass → feedback gain in its
 * loop, the master gain into a DynamicsCompressorNode as the safety limiter. Every node is present whether it
 * does anything or not.
 */
export async function buildNaiveMix(
  ctx: IOfflineAudioContext,
  sources: Float32Array[][],
  strip: (i: number) => DeepPartial<StripSettings>,
  compressor: 'native' | 'worklet' = 'native',
): Promise<void> {
  if (compressor === 'worklet') await loadEngineWorklets(ctx);
  const master = ctx.createGain();
  // The engine's master ends in a safety limiter (ceiling −1 dBFS): here the native way, a hard-knee
  // DynamicsCompressorNode at −1 dB, 20:1, 1 ms attack, 60 ms release.
  const limiter = ctx.createDynamicsCompressor();
  limiter.threshold.value = -1;
  limiter.knee.value = 0;
  limiter.ratio.value = 20;
  limiter.attack.value = 0.001;
  limiter.release.value = 0.06;
  master.connect(limiter).connect(ctx.destination);
  const reverb = ctx.createConvolver();
  reverb.normalize = false;
  reverb.buffer = untrimmedIr(ctx, 4, 1.6);
  reverb.connect(master);
  const delay = ctx.createDelay(4);
  delay.delayTime.value = 0.375;
  const lowCut = ctx.createBiquadFilter();
  lowCut.type = 'highpass';
  lowCut.frequency.value = 250;
  const highCut = ctx.createBiquadFilter();
  highCut.type = 'lowpass';
  highCut.frequency.value = 4500;
  const feedback = ctx.createGain();
  feedback.gain.value = 0.35;
  delay.connect(master);
  delay.connect(lowCut).connect(highCut).connect(feedback).connect(delay);

  const pending: Promise<unknown>[] = [];
  startSources(ctx, sources, (i, node) => {
    const s = strip(i);
    const trim = ctx.createGain();
    trim.gain.value = dbToGain(s.trimDb ?? 0);
    node.connect(trim);
    const hp = ctx.createBiquadFilter();
    hp.type = 'highpass';
    hp.frequency.value = s.highPass?.frequency ?? 80;
    hp.Q.value = webAudioQ('highpass', Math.SQRT1_2);
    let last: AnyNode = trim.connect(hp);
    const types = ['lowshelf', 'peaking', 'peaking', 'highshelf'] as const;
    types.forEach((type, b) => {
      const band = s.eq?.[b] ?? {};
      const f = ctx.createBiquadFilter();
      f.type = type;
      f.frequency.value = band.frequency ?? [100, 400, 2500, 8000][b]!;
      f.Q.value = band.q ?? 1;
      f.gain.value = band.gainDb ?? 0;
      last = last.connect(f);
    });
    const fader = ctx.createGain();
    fader.gain.value = dbToGain(s.faderDb ?? 0);
    const c = { ...DEFAULT_COMPRESSOR, ...s.compressor };
    if (compressor === 'worklet') {
      // Compressor.create resolves once the compressor bank has its settings.
      pending.push(Compressor.create(ctx, last, c).then((comp) => comp.output.connect(fader)));
    } else {
      const comp = ctx.createDynamicsCompressor();
      comp.threshold.value = c.thresholdDb;
      comp.ratio.value = c.ratio;
      comp.knee.value = c.kneeDb;
      comp.attack.value = c.attackMs / 1000;
      comp.release.value = c.releaseMs / 1000;
      last.connect(comp).connect(fader);
    }
    const pan = ctx.createStereoPanner();
    pan.pan.value = s.pan ?? 0;
    fader.connect(pan).connect(master);
    const reverbSend = ctx.createGain();
    reverbSend.gain.value = dbToGain(s.sends?.reverb?.levelDb ?? -12);
    fader.connect(reverbSend).connect(reverb);
    const delaySend = ctx.createGain();
    delaySend.gain.value = dbToGain(s.sends?.delay?.levelDb ?? -12);
    fader.connect(delaySend).connect(delay);
  });
  await Promise.all(pending);
}

/** Builds a graph on a context; a number it resolves to is its own graph-build time, ms. */
// biome-ignore lint/suspicious/noConfusingVoidType: builds that time nothing return nothing
export type GraphBuild = (ctx: IOfflineAudioContext) => Promise<number | void> | number | void;

/** Result of one offline render: how long building and rendering took, ms. */
export interface RenderTiming {
  buildMs: number;
  renderMs: number;
  /** CPU time the page's renderer threads ran while rendering, ms (NaN outside `npm run bench`). */
  cpuMs?: number;
}

/** The renderer's CPU time so far, ms (run.mjs exposes it; NaN when it does not). */
export async function rendererCpuMs(): Promise<number> {
  const read = (globalThis as { benchRendererCpuMs?: () => Promise<number> }).benchRendererCpuMs;
  return read ? read() : Number.NaN;
}

/** The full strip with its compressor off (how much of the engine's time the compressors take). */
export function fullStripNoCompressor(track: number): DeepPartial<StripSettings> {
  return { ...fullStrip(track), compressor: { enabled: false } };
}

/**
 * Builds a graph in a fresh stereo OfflineAudioContext of `durationS` and renders it, timing both phases (a
 * build that resolves to a number says its own graph-build time, leaving out the tracks' buffers).
 */
export async function timeRender(
  durationS: number,
  build: GraphBuild,
  sampleRate = BENCH_RATE,
): Promise<RenderTiming> {
  const t0 = performance.now();
  const ctx = new OfflineAudioContext({ numberOfChannels: 2, length: durationS * sampleRate, sampleRate });
  const graphMs = await build(ctx);
  const c1 = await rendererCpuMs();
  const t1 = performance.now();
  await ctx.startRendering();
  const renderMs = performance.now() - t1;
  return {
    buildMs: typeof graphMs === 'number' ? graphMs : t1 - t0,
    renderMs,
    cpuMs: (await rendererCpuMs()) - c1,
  };
}

/**
 * The best (smallest) render time of each graph over `runs` rounds. The graphs take turns within a round, so
 * a change of load on the shared machine hits all of them alike.
 */
export async function bestRenders(
  runs: number,
  durationS: number,
  builds: Record<string, GraphBuild>,
): Promise<Record<string, RenderTiming>> {
  const best: Record<string, RenderTiming> = {};
  for (let r = 0; r < runs; r++) {
    for (const [name, build] of Object.entries(builds)) {
      const t = await timeRender(durationS, build);
      if (!best[name] || t.renderMs < best[name].renderMs) best[name] = t;
    }
  }
  return best;
}
