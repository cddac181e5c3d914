// `npm run bench engine`: the mixing engine's rows (issue 3, "Performance"). Runs in headless Chromium.
// Every timing is the best of RUNS renders, because the bench machine is shared.
import type { IOfflineAudioContext } from 'standardized-audio-context';
import { Compressor, DEFAULT_COMPRESSOR } from '../../src/engine';
import {
  BENCH_RATE,
  benchSources,
  bestRenders,
  buildEngineMix,
  buildNaiveMix,
  fullStrip,
  fullStripNoCompressor,
  type RenderTiming,
  startSources,
  timeRender,
  typicalStrip,
} from './engine-bench-graphs';
import {
  eqBoostExercise,
  levelMatchByPureMaths,
  levelMatchByRender,
  mixExercise,
  reverbTimeExercise,
} from './engine-bench-level-match';
import { timeNativeRender } from './engine-bench-native';
import { timeToneRender } from './engine-bench-tone';

interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

const RUNS = 3;
const MIX_S = 60;
const LEVEL_MATCH_GOAL_MS = 300;

/** Rows 1: the 8-track mix, naive graph against the engine. */
export async function mixRows(): Promise<Row[]> {
  const sources = benchSources();
  const best = await bestRenders(RUNS, MIX_S, {
    naive: (ctx) => buildNaiveMix(ctx, sources, fullStrip),
    naiveWorklet: (ctx) => buildNaiveMix(ctx, sources, fullStrip, 'worklet'),
    engine: (ctx) => buildEngineMix(ctx, sources, fullStrip),
    typical: (ctx) => buildEngineMix(ctx, sources, typicalStrip),
  });
  const x = (name: string) => (MIX_S * 1000) / (best[name]?.renderMs ?? Number.NaN);
  const ratio = x('engine') / x('naive');
  return [
    {
      name: '8-track mix, every stage on, 60 s @ 48 kHz: naive graph (native compressors and limiter)',
      value: x('naive'),
      unit: '× rt',
    },
    {
      name: '8-track mix, every stage on: naive graph with the compressor worklet',
      value: x('naiveWorklet'),
      unit: '× rt',
    },
    { name: '8-track mix, every stage on: engine', value: x('engine'), unit: '× rt' },
    {
      name: '8-track mix, every stage on: engine / naive (native compressors and limiter)',
      value: ratio,
      unit: '×',
      goal: '≥ 1.0',
      ok: ratio >= 1,
    },
    {
      name: '8-track mix, every stage on: engine / naive (compressor worklet)',
      value: x('engine') / x('naiveWorklet'),
      unit: '×',
    },
    { name: '8-track mix, typical exercise settings: engine', value: x('typical'), unit: '× rt' },
    {
      name: '8-track mix: engine graph build (worklets, IR)',
      value: best.engine?.buildMs ?? Number.NaN,
      unit: 'ms',
    },
  ];
}

const COMPRESSORS = 8;

/** Rows 2: the compressor worklet against the native DynamicsCompressorNode. */
export async function compressorRows(): Promise<Row[]> {
  const sources = benchSources(BENCH_RATE, 7).slice(6); // one stereo source
  const settings = { ...DEFAULT_COMPRESSOR, thresholdDb: -24, releaseMs: 120 };
  const best = await bestRenders(RUNS, MIX_S, {
    worklet: async (ctx: IOfflineAudioContext) => {
      const input = ctx.createGain();
      for (let k = 0; k < COMPRESSORS; k++)
        (await Compressor.create(ctx, input, settings)).output.connect(ctx.destination);
      startSources(ctx, sources, (_, node) => node.connect(input));
    },
    native: (ctx: IOfflineAudioContext) => {
      startSources(ctx, sources, (_, node) => {
        for (let k = 0; k < COMPRESSORS; k++) {
          const comp = ctx.createDynamicsCompressor();
          comp.threshold.value = settings.thresholdDb;
          comp.ratio.value = settings.ratio;
          comp.knee.value = settings.kneeDb;
          comp.attack.value = settings.attackMs / 1000;
          comp.release.value = settings.releaseMs / 1000;
          node.connect(comp).connect(ctx.destination);
        }
      });
    },
  });
  const worklet = best.worklet?.renderMs ?? Number.NaN;
  const native = best.native?.renderMs ?? Number.NaN;
  const x = (ms: number) => (MIX_S * 1000) / ms;
  return [
    {
      name: `${COMPRESSORS} compressors, stereo, 60 s: engine (worklet + VCA)`,
      value: x(worklet),
      unit: '× rt',
    },
    {
      name: `${COMPRESSORS} compressors, stereo, 60 s: native DynamicsCompressorNode`,
      value: x(native),
      unit: '× rt',
    },
    { name: 'compressor: engine / native', value: native / worklet, unit: '×' },
  ];
}

/** Rows 3: level-match readiness for three exercise shapes, by offline renders (before) and in plain TS. */
export async function levelMatchRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const ex of [eqBoostExercise(), reverbTimeExercise(), mixExercise()]) {
    let render = { ms: Number.POSITIVE_INFINITY, a: 0, b: 0 };
    let pure = { ms: Number.POSITIVE_INFINITY, a: 0, b: 0 };
    let firstPureMs = Number.NaN;
    for (let r = 0; r < RUNS; r++) {
      const byRender = await levelMatchByRender(ex);
      if (byRender.ms < render.ms) render = byRender;
      const byMaths = levelMatchByPureMaths(ex);
      if (r === 0) firstPureMs = byMaths.ms;
      if (byMaths.ms < pure.ms) pure = byMaths;
    }
    // What the trim uses is B − A; the renders run at the drill's measure rate, the pure maths at the tracks'.
    const gap = Math.abs(render.b - render.a - (pure.b - pure.a));
    rows.push(
      {
        name: `level match ready, ${ex.name}: offline renders @ ${ex.measureRate / 1000} kHz`,
        value: render.ms,
        unit: 'ms',
      },
      {
        name: `level match ready, ${ex.name}: pure TS @ ${ex.sampleRate / 1000} kHz`,
        value: pure.ms,
        unit: 'ms',
        goal: `< ${LEVEL_MATCH_GOAL_MS} ms`,
        ok: pure.ms < LEVEL_MATCH_GOAL_MS,
      },
      {
        name: '  pure TS, first call on the page (code not yet optimised by the JIT)',
        value: firstPureMs,
        unit: 'ms',
      },
      { name: `  level-match trim, pure TS vs render: difference`, value: gap, unit: 'dB' },
    );
  }
  return rows;
}

/** Rounds of the three-way comparison; each round renders every variant once, in turn. */
const ROUNDS = 6;
const SCALE_ROUNDS = 3;
const SCALE_S = 10;
const SCALE_TRACKS = [8, 16, 32, 64];

type Variant = () => Promise<RenderTiming>;

/** Every variant once per round, in turn (so a change of load on the shared machine hits all alike). */
async function interleave(
  rounds: number,
  variants: Record<string, Variant>,
): Promise<Record<string, RenderTiming[]>> {
  const out: Record<string, RenderTiming[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, variant] of Object.entries(variants)) {
      let timing: RenderTiming;
      try {
        timing = await variant();
      } catch (error) {
        // One failed render (the shared machine ran short of something) leaves a gap, not a dead bench.
        failures.push(`${name}, round ${r + 1}: ${(error as Error).name} ${(error as Error).message}`);
        timing = { buildMs: Number.NaN, renderMs: Number.NaN, cpuMs: Number.NaN };
      }
      (out[name] ??= []).push(timing);
    }
  }
  return out;
}

/** Renders that failed, said in the table's last row. */
const failures: string[] = [];

function median(values: number[]): number {
  const xs = values.filter((x) => !Number.isNaN(x));
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Speed of `a` over `b` (b's render time / a's) in each round, then the median over rounds; by wall-clock
 * time, or by the renderer's CPU time (`cpu`), which other work on a shared machine disturbs less.
 */
function ratio(runs: Record<string, RenderTiming[]>, a: string, b: string, cpu = false): number {
  const ra = runs[a] ?? [];
  const rb = runs[b] ?? [];
  const ms = (t: RenderTiming | undefined) => (cpu ? t?.cpuMs : t?.renderMs) ?? Number.NaN;
  return median(ra.map((t, i) => ms(rb[i]) / ms(t)));
}

/** Real-time factor of a variant from its median render time. */
function realTime(runs: Record<string, RenderTiming[]>, name: string, seconds: number): number {
  return (seconds * 1000) / median((runs[name] ?? []).map((t) => t.renderMs));
}

/**
 * Rows 0 (issue 20): the same 8-track 60 s full-strip mix on Headroom's engine, on a plain native graph
 * (engine-bench-native.ts) and on idiomatic Tone.js 15 (engine-bench-tone.ts), interleaved, as ratios.
 */
export async function honestRows(): Promise<Row[]> {
  const sources = benchSources();
  const runs = await interleave(ROUNDS, {
    engine: () => timeRender(MIX_S, (ctx) => buildEngineMix(ctx, sources, fullStrip)),
    native: () => timeNativeRender(MIX_S, sources, fullStrip, BENCH_RATE),
    tone: () => timeToneRender(MIX_S, sources, fullStrip, BENCH_RATE),
    engineNoComp: () => timeRender(MIX_S, (ctx) => buildEngineMix(ctx, sources, fullStripNoCompressor)),
    nativeNoComp: () => timeNativeRender(MIX_S, sources, fullStripNoCompressor, BENCH_RATE),
  });
  const vsNative = ratio(runs, 'engine', 'native');
  const vsTone = ratio(runs, 'engine', 'tone');
  const label = `8-track 60 s full-strip mix @ ${BENCH_RATE / 1000} kHz (median of ${ROUNDS} interleaved rounds)`;
  return [
    { name: `${label}: engine`, value: realTime(runs, 'engine', MIX_S), unit: '× rt' },
    {
      name: '  plain native graph (biquads, DynamicsCompressorNode, convolver, delay)',
      value: realTime(runs, 'native', MIX_S),
      unit: '× rt',
    },
    { name: '  idiomatic Tone.js 15', value: realTime(runs, 'tone', MIX_S), unit: '× rt' },
    { name: '  engine / plain native', value: vsNative, unit: '×', goal: '≥ 1.0', ok: vsNative >= 1 },
    { name: '  engine / Tone.js', value: vsTone, unit: '×', goal: '≥ 2.0', ok: vsTone >= 2 },
    { name: '  engine / plain native, by CPU time', value: ratio(runs, 'engine', 'native', true), unit: '×' },
    { name: '  engine / Tone.js, by CPU time', value: ratio(runs, 'engine', 'tone', true), unit: '×' },
    {
      name: "  compressors' share: engine without compressors / with",
      value: ratio(runs, 'engineNoComp', 'engine'),
      unit: '×',
    },
    {
      name: '  plain native without compressors / with',
      value: ratio(runs, 'nativeNoComp', 'native'),
      unit: '×',
    },
    { name: '  graph build: engine', value: median((runs.engine ?? []).map((t) => t.buildMs)), unit: 'ms' },
    {
      name: '  graph build: plain native',
      value: median((runs.native ?? []).map((t) => t.buildMs)),
      unit: 'ms',
    },
    { name: '  graph build: Tone.js', value: median((runs.tone ?? []).map((t) => t.buildMs)), unit: 'ms' },
  ];
}

/** Rows 0b: engine / plain native as the track count grows (10 s renders), with the engine's build time. */
export async function scalingRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const tracks of SCALE_TRACKS) {
    const sources = benchSources(BENCH_RATE, tracks);
    const runs = await interleave(SCALE_ROUNDS, {
      engine: () => timeRender(SCALE_S, (ctx) => buildEngineMix(ctx, sources, fullStrip)),
      native: () => timeNativeRender(SCALE_S, sources, fullStrip, BENCH_RATE),
    });
    const build = median((runs.engine ?? []).map((t) => t.buildMs));
    rows.push(
      {
        name: `${tracks} tracks, full strips, ${SCALE_S} s: engine / plain native`,
        value: ratio(runs, 'engine', 'native'),
        unit: '×',
        goal: '≥ 1.0',
        ok: ratio(runs, 'engine', 'native') >= 1,
      },
      {
        name: `${tracks} tracks: engine / plain native, by CPU time`,
        value: ratio(runs, 'engine', 'native', true),
        unit: '×',
      },
      {
        name: `${tracks} tracks: engine graph build`,
        value: build,
        unit: 'ms',
        ...(tracks === 64 ? { goal: '< 100 ms', ok: build < 100 } : {}),
      },
      {
        name: `${tracks} tracks: plain native graph build`,
        value: median((runs.native ?? []).map((t) => t.buildMs)),
        unit: 'ms',
      },
    );
  }
  return rows;
}

/** The engine's bench rows (HEADROOM_BENCH_PART=honest runs only the three-way and scaling rows). */
export async function run(): Promise<Row[]> {
  const head = [...(await honestRows()), ...(await scalingRows())];
  if (failures.length > 0)
    head.push({
      name: `failed renders (left out): ${failures.join('; ')}`,
      value: failures.length,
      unit: '',
    });
  if ((globalThis as { HEADROOM_BENCH_PART?: string }).HEADROOM_BENCH_PART?.includes('honest')) return head;
  return [...head, ...(await mixRows()), ...(await compressorRows()), ...(await levelMatchRows())];
}
