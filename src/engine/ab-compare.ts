import type {
  IAudioBuffer,
  IAudioWorkletNode,
  IGainNode,
  IOfflineAudioContext,
} from 'standardized-audio-context';
import { dbToGain } from '../dsp/db';
import { integratedLoudness } from '../dsp/loudness';
import type { Decibels, Lufs, Milliseconds, SampleRate, Seconds } from '../dsp/units';
import { createLimiterNode, disposeLimiterNode } from './limiter';
import { SAFETY_CEILING_DB } from './master-bus';
import { bufferChannels, renderOffline } from './render';
import { rampParam } from './strip-ramp';
import type { AnyContext, AnyNode } from './types';

/** Which chain is heard: A is the reference, B the learner's mix. */
export type AbSide = 'a' | 'b';

/** Loudness matching as the UI shows it ("Level match on: B −2.3 dB"). */
export interface LevelMatchState {
  enabled: boolean;
  /** Trim applied to the louder side (≤ 0), 0 when off or unknown. */
  trimDb: Decibels;
  /** The side being turned down, or null when nothing is trimmed. */
  trimmedSide: AbSide | null;
  /** The last loudness readings given, if any. */
  aLufs: Lufs | null;
  bLufs: Lufs | null;
}

/** How an A/B switch is built. */
export interface AbCompareOptions {
  /** Where the compared signal goes (default `ctx.destination`); a safety limiter comes first. */
  output?: AnyNode;
  /** Crossfade length, clamped to 0..20 ms (default 20; 0 is a hard cut, for demonstrations). */
  fadeMs?: Milliseconds;
  /** The side heard at first (default 'a'). */
  selected?: AbSide;
}

const CURVE_POINTS = 64;

function fadeCurve(fadingIn: boolean): Float32Array {
  const curve = new Float32Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) {
    const theta = ((i / (CURVE_POINTS - 1)) * Math.PI) / 2;
    curve[i] = fadingIn ? Math.sin(theta) : Math.cos(theta);
  }
  // Exact end points: the faded-out side is silent, the faded-in side at unity.
  curve[0] = fadingIn ? 0 : 1;
  curve[CURVE_POINTS - 1] = fadingIn ? 1 : 0;
  return curve;
}

/**
 * Switches between two chains that run all the time from the same sources: inputA/inputB → level-match
 * trim → equal-power crossfade gain (cos/sin, ≤ 20 ms) → safety limiter → output. Position never jumps
 * because both chains keep playing; only the gains move. Level matching is on by default: once both
 * loudness readings are known, the louder side is trimmed by the difference.
 */
export class AbCompare {
  /** Connect the reference chain's output here (e.g. Mixer.create(ctx, { output: ab.inputA })). */
  readonly inputA: IGainNode<AnyContext>;
  /** Connect the learner's chain output here. */
  readonly inputB: IGainNode<AnyContext>;
  private readonly fades: Record<AbSide, IGainNode<AnyContext>>;
  private readonly fadeS: Seconds;
  private side: AbSide;
  private fadeEnd = 0;
  private match: LevelMatchState = { enabled: true, trimDb: 0, trimmedSide: null, aLufs: null, bLufs: null };

  private constructor(
    private readonly ctx: AnyContext,
    private readonly limiter: IAudioWorkletNode<AnyContext>,
    options: AbCompareOptions,
  ) {
    this.fadeS = Math.min(20, Math.max(0, options.fadeMs ?? 20)) / 1000;
    this.side = options.selected ?? 'a';
    this.inputA = ctx.createGain();
    this.inputB = ctx.createGain();
    this.fades = { a: ctx.createGain(), b: ctx.createGain() };
    this.fades.a.gain.value = this.side === 'a' ? 1 : 0;
    this.fades.b.gain.value = this.side === 'b' ? 1 : 0;
    this.inputA.connect(this.fades.a);
    this.inputB.connect(this.fades.b);
    this.fades.a.connect(limiter);
    this.fades.b.connect(limiter);
    limiter.connect(options.output ?? ctx.destination);
  }

  /** Builds the switch on `ctx` (loads the engine worklets if needed). */
  static async create(ctx: AnyContext, options: AbCompareOptions = {}): Promise<AbCompare> {
    const limiter = await createLimiterNode(ctx, { ceilingDb: SAFETY_CEILING_DB });
    return new AbCompare(ctx, limiter, options);
  }

  /** The side being heard (or faded to). */
  get selected(): AbSide {
    return this.side;
  }

  /** The level-match state, for display. */
  get levelMatch(): LevelMatchState {
    return { ...this.match };
  }

  /**
   * Crossfades to `side` starting at `at` (default now). A switch asked for during a running fade starts
   * when that fade ends (at most 20 ms later), so the gains always follow one smooth curve.
   */
  select(side: AbSide, at: Seconds = this.ctx.currentTime): void {
    if (side === this.side) return;
    this.side = side;
    const start = Math.max(at, this.fadeEnd);
    const incoming = this.fades[side].gain;
    const outgoing = this.fades[side === 'a' ? 'b' : 'a'].gain;
    incoming.cancelScheduledValues(start);
    outgoing.cancelScheduledValues(start);
    if (this.fadeS === 0) {
      incoming.setValueAtTime(1, start);
      outgoing.setValueAtTime(0, start);
    } else {
      incoming.setValueCurveAtTime(fadeCurve(true), start, this.fadeS);
      outgoing.setValueCurveAtTime(fadeCurve(false), start, this.fadeS);
    }
    this.fadeEnd = start + this.fadeS;
  }

  /**
   * Updates level matching from `at`: `enabled` switches it, `aLufs`/`bLufs` are the integrated loudness
   * of each chain (see measureLevelMatch). The louder side is trimmed by the difference; the trim ramps.
   */
  setLevelMatch(
    patch: { enabled?: boolean; aLufs?: Lufs | null; bLufs?: Lufs | null },
    at: Seconds = this.ctx.currentTime,
  ): void {
    const enabled = patch.enabled ?? this.match.enabled;
    const aLufs = patch.aLufs === undefined ? this.match.aLufs : patch.aLufs;
    const bLufs = patch.bLufs === undefined ? this.match.bLufs : patch.bLufs;
    let trimDb = 0;
    let trimmedSide: AbSide | null = null;
    if (enabled && aLufs !== null && bLufs !== null && Number.isFinite(aLufs) && Number.isFinite(bLufs)) {
      trimDb = -Math.abs(aLufs - bLufs);
      if (trimDb < 0) trimmedSide = aLufs > bLufs ? 'a' : 'b';
      else trimDb = 0;
    }
    this.match = { enabled, trimDb, trimmedSide, aLufs, bLufs };
    for (const side of ['a', 'b'] as const) {
      const input = side === 'a' ? this.inputA : this.inputB;
      rampParam(input.gain, side === trimmedSide ? dbToGain(trimDb) : 1, at);
    }
  }

  /** Disconnects every node this switch made (not the output it was given). */
  dispose(): void {
    this.inputA.disconnect();
    this.inputB.disconnect();
    this.fades.a.disconnect();
    this.fades.b.disconnect();
    disposeLimiterNode(this.limiter);
  }
}

/** Integrated loudness (BS.1770) of a rendered mix, in LUFS. */
export function measureMixLoudness(render: IAudioBuffer | AudioBuffer): Lufs {
  return integratedLoudness(bufferChannels(render), render.sampleRate);
}

/** Loudness of one chain and how long measuring it took. */
export interface ChainLoudness {
  lufs: Lufs;
  /** Wall-clock time of building, rendering and measuring, in ms. */
  elapsedMs: Milliseconds;
}

/**
 * Renders one chain offline over a short loop and measures its integrated loudness. `build` wires the
 * chain into the offline context's destination. Measure the reference once per question and re-measure
 * only the learner's chain after a change. A 32 kHz render keeps content up to 16 kHz and is about
 * 1.7× faster than 48 kHz.
 */
export async function measureChainLoudness(
  build: (ctx: IOfflineAudioContext) => Promise<void> | void,
  options: { sampleRate: SampleRate; durationS: Seconds },
): Promise<ChainLoudness> {
  const started = performance.now();
  const rendered = await renderOffline(build, options);
  return { lufs: measureMixLoudness(rendered), elapsedMs: performance.now() - started };
}

/** Loudness of both chains and how long measuring both took. */
export interface LevelMatchReading {
  aLufs: Lufs;
  bLufs: Lufs;
  /** Wall-clock time of both renders and measurements (run in parallel), in ms. */
  elapsedMs: Milliseconds;
}

/**
 * Renders both chains offline (in parallel) over a short loop and measures their loudness, for
 * AbCompare.setLevelMatch. `buildA`/`buildB` wire a chain into the offline context's destination.
 */
export async function measureLevelMatch(
  buildA: (ctx: IOfflineAudioContext) => Promise<void> | void,
  buildB: (ctx: IOfflineAudioContext) => Promise<void> | void,
  options: { sampleRate: SampleRate; durationS: Seconds },
): Promise<LevelMatchReading> {
  const started = performance.now();
  const [a, b] = await Promise.all([
    measureChainLoudness(buildA, options),
    measureChainLoudness(buildB, options),
  ]);
  return { aLufs: a.lufs, bLufs: b.lufs, elapsedMs: performance.now() - started };
}
