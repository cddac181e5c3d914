import type { IAudioBuffer, IConvolverNode, IGainNode } from 'standardized-audio-context';
import { dbToGain } from '../dsp/db';
import { createRng } from '../dsp/random';
import { type Metres, type ReverbType, spaceImpulseResponse } from '../dsp/reverb-space';
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
  /** A room, plate or hall (dsp/reverb-space.ts; its own damping); unset = the plain tail above. */
  type?: ReverbType;
  /** The typed space's size, metres (default: the type's). */
  sizeM?: Metres;
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

/** One room: a convolver and its crossfade gain. */
interface Slot {
  convolver: IConvolverNode<AnyContext>;
  gain: IGainNode<AnyContext>;
}

/** Time constant of the crossfade between the old and the new room when the IR changes. */
const ROOM_FADE_TAU: Seconds = 0.01;
/** After this long the crossfade snaps to its end values (e^−10 ≈ −87 dB from them) and the old room goes. */
const ROOM_FADE_SETTLE: Seconds = 10 * ROOM_FADE_TAU;

/** Rooms recently generated, newest last (every mixer and offline render of a drill builds the same room). */
const ROOM_CACHE: Map<string, [Float32Array, Float32Array]> = new Map();
const ROOM_CACHE_SIZE = 4;

/** The seeded IR for these settings at `sampleRate`, generated once and kept for the next few builds. */
function cachedImpulseResponse(s: ReverbSettings, sampleRate: number): [Float32Array, Float32Array] {
  const key = [sampleRate, s.decayS, s.preDelayMs, s.damping, s.stereoWidth, s.seed, s.type, s.sizeM].join(
    ' ',
  );
  let ir = ROOM_CACHE.get(key);
  if (ir) ROOM_CACHE.delete(key);
  else {
    ir = spaceImpulseResponse(createRng(s.seed), {
      sampleRate,
      decayS: s.decayS,
      preDelayMs: s.preDelayMs,
      damping: s.damping,
      stereoWidth: s.stereoWidth,
      ...(s.type === undefined ? {} : { type: s.type }),
      ...(s.sizeM === undefined ? {} : { sizeM: s.sizeM }),
    });
    if (ROOM_CACHE.size >= ROOM_CACHE_SIZE) ROOM_CACHE.delete(ROOM_CACHE.keys().next().value as string);
  }
  ROOM_CACHE.set(key, ir); // copyToChannel copies: no buffer shares the cached arrays
  return ir;
}

/**
 * The reverb send/return: sends sum into `input`, a ConvolverNode (normalize = false) plays our seeded
 * impulse response, `output` is the return fader. A new room (decay, pre-delay, damping, width, seed)
 * goes into a fresh convolver that crossfades in, so changes never click; the old one is disconnected
 * once silent, so at rest the bus runs one convolver.
 */
export class ReverbBus {
  /** Where the strips' reverb sends connect (stereo). */
  readonly input: IGainNode<AnyContext>;
  /** The return, to connect to the master bus (stereo). */
  readonly output: IGainNode<AnyContext>;
  /** The room being heard. */
  private live: Slot;
  /** Rooms fading out after a change, disconnected once silent (an idle convolver still costs CPU). */
  private retiring: { slot: Slot; until: Seconds }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: ReverbSettings;

  private constructor(
    private readonly ctx: AnyContext,
    settings: ReverbSettings,
  ) {
    this.current = { ...settings };
    this.input = ctx.createGain();
    this.output = ctx.createGain();
    this.output.gain.value = dbToGain(settings.returnDb);
    this.live = this.createSlot(settings, 1);
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
   * Changes settings from time `at`: the return level ramps, a new room crossfades in (τ = 10 ms) and the
   * old one is disconnected once faded out. A new room regenerates the IR (a few ms of work per second of
   * decay) and runs a second convolver while it fades, so throttle slider drags to about ten room changes
   * per second.
   */
  update(patch: Partial<ReverbSettings>, at: Seconds = this.ctx.currentTime): void {
    this.collect();
    const before = this.current;
    this.current = { ...before, ...patch };
    if (before.returnDb !== this.current.returnDb)
      rampParam(this.output.gain, dbToGain(this.current.returnDb), at);
    const roomChanged = (
      ['decayS', 'preDelayMs', 'damping', 'stereoWidth', 'seed', 'type', 'sizeM'] as const
    ).some((k) => before[k] !== this.current[k]);
    if (!roomChanged) return;
    const from = this.live;
    const to = this.createSlot(this.current, 0);
    const until = Math.max(at, this.ctx.currentTime) + ROOM_FADE_SETTLE;
    for (const [slot, target] of [
      [from, 0],
      [to, 1],
    ] as const) {
      slot.gain.gain.cancelScheduledValues(at);
      slot.gain.gain.setTargetAtTime(target, at, ROOM_FADE_TAU);
      slot.gain.gain.setValueAtTime(target, until);
    }
    this.retiring.push({ slot: from, until });
    this.live = to;
    this.scheduleCollect(until - this.ctx.currentTime);
  }

  /** Number of convolvers connected (1, plus any room still fading out). */
  get connectedRooms(): number {
    return 1 + this.retiring.length;
  }

  /** Disconnects every node this bus made. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const slot of [this.live, ...this.retiring.map((r) => r.slot)]) this.disposeSlot(slot);
    this.retiring = [];
    this.input.disconnect();
    this.output.disconnect();
  }

  /** Disconnects the rooms that have faded out. */
  private collect(): void {
    const now = this.ctx.currentTime;
    for (const r of this.retiring) if (r.until < now) this.disposeSlot(r.slot);
    this.retiring = this.retiring.filter((r) => r.until >= now);
  }

  private scheduleCollect(delay: Seconds): void {
    // Live contexts: collect soon after the fade. Offline renders collect on the next update.
    if ('startRendering' in this.ctx) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.collect();
      },
      delay * 1000 + 50,
    );
  }

  private createSlot(settings: ReverbSettings, gain: number): Slot {
    const convolver = this.ctx.createConvolver();
    convolver.normalize = false;
    convolver.buffer = this.makeImpulseResponse(settings);
    const fade = this.ctx.createGain();
    fade.gain.value = gain;
    this.input.connect(convolver);
    convolver.connect(fade);
    fade.connect(this.output);
    return { convolver, gain: fade };
  }

  private disposeSlot(slot: Slot): void {
    this.input.disconnect(slot.convolver);
    slot.convolver.disconnect();
    slot.gain.disconnect();
  }

  private makeImpulseResponse(s: ReverbSettings): IAudioBuffer {
    const sampleRate = this.ctx.sampleRate;
    const [left, right] = cachedImpulseResponse(s, sampleRate);
    const buffer = this.ctx.createBuffer(2, left.length, sampleRate);
    buffer.copyToChannel(left, 0);
    buffer.copyToChannel(right, 1);
    return buffer;
  }
}
