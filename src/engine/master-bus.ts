import type { IAnalyserNode, IAudioNode, IAudioWorkletNode, IGainNode } from 'standardized-audio-context';
import { dbToGain } from '../dsp/db';
import { measurePeakDb, measureRmsDb } from '../dsp/meters';
import type { Decibels, Seconds } from '../dsp/units';
import { createLimiterNode, disposeLimiterNode, limiterLatencySeconds } from './limiter';
import type { AnyContext, AnyNode } from './types';

/** A master meter reading in dBFS, the louder channel of the two (−Infinity for silence). */
export interface MasterMeterReading {
  peakDb: Decibels;
  rmsDb: Decibels;
}

/** How the master bus is built. */
export interface MasterBusOptions {
  /** Master fader (default 0 dB). */
  faderDb?: Decibels;
  /** Where the limiter's output goes (default `ctx.destination`). */
  output?: AnyNode;
}

/** Ceiling of the hearing-safety limiter, in dBFS. */
export const SAFETY_CEILING_DB: Decibels = -1;

const RAMP_TAU: Seconds = 0.0035;
/** Samples the meter looks at per read: ~43 ms at 48 kHz, longer than a 60 fps frame, so no peak is missed. */
const METER_WINDOW = 2048;

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
  private readonly splitter: IAudioNode<AnyContext>;
  private readonly analysers: IAnalyserNode<AnyContext>[];
  private readonly scratch = new Float32Array(METER_WINDOW);
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
    this.splitter = ctx.createChannelSplitter(2);
    this.analysers = [0, 1].map((c) => {
      const analyser = ctx.createAnalyser();
      analyser.fftSize = METER_WINDOW;
      this.splitter.connect(analyser, c);
      return analyser;
    });
    this.input.connect(this.fader);
    this.fader.connect(this.splitter);
    this.fader.connect(limiter);
    limiter.connect(output);
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
    this.fader.gain.cancelScheduledValues(at);
    this.fader.gain.setTargetAtTime(dbToGain(db), at, RAMP_TAU);
  }

  /** Peak and RMS of the last ~2048 samples after the master fader (before the limiter). */
  readMeter(): MasterMeterReading {
    let peakDb = Number.NEGATIVE_INFINITY;
    let rmsDb = Number.NEGATIVE_INFINITY;
    for (const analyser of this.analysers) {
      analyser.getFloatTimeDomainData(this.scratch);
      peakDb = Math.max(peakDb, measurePeakDb(this.scratch));
      rmsDb = Math.max(rmsDb, measureRmsDb(this.scratch));
    }
    return { peakDb, rmsDb };
  }

  /** Disconnects every node this bus made (not the output it was given). */
  dispose(): void {
    this.input.disconnect();
    this.fader.disconnect();
    this.splitter.disconnect();
    for (const analyser of this.analysers) analyser.disconnect();
    disposeLimiterNode(this.limiter);
  }
}
