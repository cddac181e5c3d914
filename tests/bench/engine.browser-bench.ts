// `npm run bench engine`: the mixing engine's rows (issue 3, "Performance"). Runs in headless Chromium.
// Every timing is the best of RUNS renders, because the bench machine is shared.
import type { IOfflineAudioContext } from 'standardized-audio-context';
import { Compressor, DEFAULT_COMPRESSOR, loadEngineWorklets } from '../../src/engine';
import {
  BENCH_RATE,
  benchSources,
  bestRenders,
  buildEngineMix,
  buildNaiveMix,
  fullStrip,
  startSources,
  typicalStrip,
} from './engine-bench-graphs';
import {
  eqBoostExercise,
  levelMatchByPureMaths,
  levelMatchByRender,
  mixExercise,
  reverbTimeExercise,
} from './engine-bench-level-match';

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
      await loadEngineWorklets(ctx);
      startSources(ctx, sources, (_, node) => {
        for (let k = 0; k < COMPRESSORS; k++)
          new Compressor(ctx, node, settings).output.connect(ctx.destination);
      });
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

/** The engine's bench rows. */
export async function run(): Promise<Row[]> {
  return [...(await mixRows()), ...(await compressorRows()), ...(await levelMatchRows())];
}
