import type { IAudioWorkletNode, IGainNode } from 'standardized-audio-context';
import { dbToGain } from '../dsp/db';
import { effectiveWidth, type Width } from '../dsp/stereo-width';
import type { Decibels, Seconds } from '../dsp/units';
import { createLimiterNode, disposeLimiterNode, limiterLatencySeconds } from './limiter';
import { StripMeter, type StripMeterReading } from './strip-meter';
import { PathSwitcher } from './strip-paths';
import { rampParam } from './strip-ramp';
import { createWidthPath, type WidthPath } from './strip-width';
import type { AnyContext, AnyNode } from './types';

/** A master meter reading in dBFS, the louder channel of the two (−Infinity for silence). */
export type MasterMeterReading = StripMeterReading;

/** How the master bus is built. */
export interface MasterBusOptions {
  /** Master fader (default 0 dB). */
  faderDb?: Decibels;
  /** Where the limiter's output goes (default `ctx.destination`). */
  output?: AnyNode;
}

/** Ceiling of the hearing-safety limiter, in dBFS. */
export const SAFETY_CEILING_DB: Decibels = -1;

/**
 * The master bus: input (sum) → master fader → width / mono (strip-width.ts; no stage at full width) →
 * meter tap → hearing-safety limiter (ceiling −1 dBFS) → output. The limiter is always the last stage and has no bypass; the meter reads before it, so it
 * shows how hard the mix drives the limiter.
 */
export class MasterBus {
  /** Where the strips and returns connect (stereo). */
  readonly input: IGainNode<AnyContext>;
  /** Delay the limiter's lookahead adds to everything on the bus. */
  readonly latency: Seconds;
  private readonly fader: IGainNode<AnyContext>;
  /** After the width stage, before the limiter (the meter reads here). */
  private readonly post: IGainNode<AnyContext>;
  private readonly widthStage: PathSwitcher<WidthPath>;
  private widthValue: Width = 1;
  private monoOn = false;
  /** Only in a live context: analysers do nothing useful offline, and would still cost every quantum. */
  private readonly meter: StripMeter | undefined;
  /** What leaves the limiter (what the learner hears); live contexts only, like `meter`. */
  private readonly outputMeter: StripMeter | undefined;
  private faderLevel: Decibels;

  private constructor(
    private readonly ctx: AnyContext,
    private readonly limiter: IAudioWorkletNode<AnyContext>,
    private readonly output: AnyNode,
    faderDb: Decibels,
  ) {
    this.faderLevel = faderDb;
    this.latency = limiterLatencySeconds(ctx);
    this.input = ctx.createGain();
    this.fader = ctx.createGain();
    this.fader.gain.value = dbToGain(faderDb);
    this.input.connect(this.fader);
    this.post = ctx.createGain();
    this.widthStage = new PathSwitcher(ctx, this.post, createWidthPath(ctx, this.fader, 1));
    this.meter = 'startRendering' in ctx ? undefined : new StripMeter(ctx, this.post);
    this.post.connect(limiter);
    limiter.connect(output);
    this.outputMeter = 'startRendering' in ctx ? undefined : new StripMeter(ctx, limiter);
  }

  /** Builds the master bus on `ctx` (loads the engine worklets if needed). */
  static async create(ctx: AnyContext, options: MasterBusOptions = {}): Promise<MasterBus> {
    const limiter = await createLimiterNode(ctx, { ceilingDb: SAFETY_CEILING_DB });
    return new MasterBus(ctx, limiter, options.output ?? ctx.destination, options.faderDb ?? 0);
  }

  /** The master fader level. */
  get faderDb(): Decibels {
    return this.faderLevel;
  }

  /** Moves the master fader from time `at`, ramped. */
  setFaderDb(db: Decibels, at: Seconds = this.ctx.currentTime): void {
    this.faderLevel = db;
    rampParam(this.fader.gain, dbToGain(db), at);
  }

  /** The master width (1 = unchanged; see dsp/stereo-width.ts). */
  get width(): Width {
    return this.widthValue;
  }

  /** Whether the master is summed to mono. */
  get mono(): boolean {
    return this.monoOn;
  }

  /** Sets the master width (0 … 2, side signal × width) from time `at`, glided or crossfaded. */
  setWidth(width: Width, at: Seconds = this.ctx.currentTime): void {
    const from = effectiveWidth(this.widthValue, this.monoOn);
    this.widthValue = width;
    this.applyWidth(from, at);
  }

  /** Sums the master to mono (or back to its width) from time `at`, crossfaded. */
  setMono(mono: boolean, at: Seconds = this.ctx.currentTime): void {
    const from = effectiveWidth(this.widthValue, this.monoOn);
    this.monoOn = mono;
    this.applyWidth(from, at);
  }

  private applyWidth(from: Width, at: Seconds): void {
    this.widthStage.collect();
    const to = effectiveWidth(this.widthValue, this.monoOn);
    if (to === from) return;
    const fresh = this.ctx.currentTime === 0 && at <= 0; // nothing rendered yet: swap outright, no glide
    if (fresh || from === 1 || to === 1)
      this.widthStage.replace(createWidthPath(this.ctx, this.fader, to), at);
    else this.widthStage.current.setWidth(to, at);
  }

  /** Peak and RMS of the last ~2048 samples after the master fader and width (before the limiter); −Infinity offline. */
  readMeter(): MasterMeterReading {
    return this.meter?.read() ?? { peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY };
  }

  /** Peak and RMS of the last ~2048 samples after the limiter (what leaves the mixer); −Infinity offline. */
  readOutputMeter(): MasterMeterReading {
    return this.outputMeter?.read() ?? { peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY };
  }

  /** Disconnects every node this bus made (not the output it was given). */
  dispose(): void {
    this.input.disconnect();
    this.meter?.dispose();
    this.outputMeter?.dispose();
    this.widthStage.dispose();
    this.fader.disconnect();
    this.post.disconnect();
    disposeLimiterNode(this.limiter);
  }
}
