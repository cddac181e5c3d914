import type { IAudioWorkletNode, IGainNode } from 'standardized-audio-context';
import { dbToGain } from '../dsp/db';
import type { Decibels, Seconds } from '../dsp/units';
import { createLimiterNode, disposeLimiterNode, limiterLatencySeconds } from './limiter';
import { StripMeter, type StripMeterReading } from './strip-meter';
import { rampParam } from './strip-ramp';
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
 * The master bus: input (sum) → master fader → meter tap → hearing-safety limiter (ceiling −1 dBFS) →
 * output. The limiter is always the last stage and has no bypass; the meter reads before it, so it
 * shows how hard the mix drives the limiter.
 */
export class MasterBus {
  /** Where the strips and returns connect (stereo). */
  readonly input: IGainNode<AnyContext>;
  /** Delay the limiter's lookahead adds to everything on the bus. */
  readonly latency: Seconds;
  private readonly fader: IGainNode<AnyContext>;
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
    this.meter = 'startRendering' in ctx ? undefined : new StripMeter(ctx, this.fader);
    this.fader.connect(limiter);
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

  /** Peak and RMS of the last ~2048 samples after the master fader (before the limiter); −Infinity offline. */
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
    this.fader.disconnect();
    disposeLimiterNode(this.limiter);
  }
}
