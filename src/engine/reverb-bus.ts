import type { IAudioBuffer, IConvolverNode, IGainNode } from 'standardized-audio-context';
import { dbToGain } from '../dsp/db';
import { createRng } from '../dsp/random';
import { generateImpulseResponse } from '../dsp/reverb-ir';
import type { Decibels, Milliseconds, Seconds } from '../dsp/units';
import { rampParam } from './strip-ramp';
import type { AnyContext } from './types';

/** Settings of the reverb return. */
export interface ReverbSettings {
  /** RT60 of the low/mid band (see generateImpulseResponse). */
  decayS: Seconds;
  preDelayMs: Milliseconds;
  /** 0..1: how much faster the highs die away. */
  damping: number;
  /** 0..1: mono to fully decorrelated sides. */
  stereoWidth: number;
  /** Level of the return into the master bus; −Infinity mutes it. */
  returnDb: Decibels;
  /** Seed of the impulse response: the same seed always gives the same room. */
  seed: number;
}

/** A medium, slightly dark room: the default reverb return. */
export const DEFAULT_REVERB: Readonly<ReverbSettings> = {
  decayS: 1.6,
  preDelayMs: 20,
  damping: 0.5,
  stereoWidth: 1,
  returnDb: 0,
  seed: 1,
};

/** Time constant of the crossfade between the old and the new room when the IR changes. */
const ROOM_FADE_TAU: Seconds = 0.01;

/**
 * The reverb send/return: sends sum into `input`, a ConvolverNode (normalize = false) plays our seeded
 * impulse response, `output` is the return fader. A new room (decay, pre-delay, damping, width, seed)
 * goes into a second convolver that crossfades in, so changes never click.
 */
export class ReverbBus {
  /** Where the strips' reverb sends connect (stereo). */
  readonly input: IGainNode<AnyContext>;
  /** The return, to connect to the master bus (stereo). */
  readonly output: IGainNode<AnyContext>;
  private readonly slots: { convolver: IConvolverNode<AnyContext>; gain: IGainNode<AnyContext> }[];
  private active = 0;
  private current: ReverbSettings;

  private constructor(
    private readonly ctx: AnyContext,
    settings: ReverbSettings,
  ) {
    this.current = { ...settings };
    this.input = ctx.createGain();
    this.output = ctx.createGain();
    this.output.gain.value = dbToGain(settings.returnDb);
    this.slots = [0, 1].map((i) => {
      const convolver = ctx.createConvolver();
      convolver.normalize = false;
      const gain = ctx.createGain();
      gain.gain.value = i === 0 ? 1 : 0;
      this.input.connect(convolver);
      convolver.connect(gain);
      gain.connect(this.output);
      return { convolver, gain };
    });
    this.slots[0]!.convolver.buffer = this.makeImpulseResponse(settings);
  }

  /** Builds a reverb return on `ctx` with `settings` over DEFAULT_REVERB. */
  static create(ctx: AnyContext, settings: Partial<ReverbSettings> = {}): ReverbBus {
    return new ReverbBus(ctx, { ...DEFAULT_REVERB, ...settings });
  }

  /** The settings now in force (a copy). */
  get settings(): ReverbSettings {
    return { ...this.current };
  }

  /**
   * Changes settings from time `at`: the return level ramps, a new room crossfades in (τ = 10 ms). A new
   * room regenerates the IR (a few ms of work per second of decay), so throttle slider drags to about ten
   * room changes per second: a room still fading out is the one the next change reuses.
   */
  update(patch: Partial<ReverbSettings>, at: Seconds = this.ctx.currentTime): void {
    const before = this.current;
    this.current = { ...before, ...patch };
    if (before.returnDb !== this.current.returnDb)
      rampParam(this.output.gain, dbToGain(this.current.returnDb), at);
    const roomChanged = (['decayS', 'preDelayMs', 'damping', 'stereoWidth', 'seed'] as const).some(
      (k) => before[k] !== this.current[k],
    );
    if (!roomChanged) return;
    const next = 1 - this.active;
    const from = this.slots[this.active]!;
    const to = this.slots[next]!;
    to.convolver.buffer = this.makeImpulseResponse(this.current);
    from.gain.gain.cancelScheduledValues(at);
    from.gain.gain.setTargetAtTime(0, at, ROOM_FADE_TAU);
    to.gain.gain.cancelScheduledValues(at);
    to.gain.gain.setTargetAtTime(1, at, ROOM_FADE_TAU);
    this.active = next;
  }

  /** Disconnects every node this bus made. */
  dispose(): void {
    this.input.disconnect();
    for (const { convolver, gain } of this.slots) {
      convolver.disconnect();
      gain.disconnect();
    }
    this.output.disconnect();
  }

  private makeImpulseResponse(s: ReverbSettings): IAudioBuffer {
    const sampleRate = this.ctx.sampleRate;
    const [left, right] = generateImpulseResponse(createRng(s.seed), {
      sampleRate,
      decayS: s.decayS,
      preDelayMs: s.preDelayMs,
      damping: s.damping,
      stereoWidth: s.stereoWidth,
    });
    const buffer = this.ctx.createBuffer(2, left.length, sampleRate);
    buffer.copyToChannel(left, 0);
    buffer.copyToChannel(right, 1);
    return buffer;
  }
}
