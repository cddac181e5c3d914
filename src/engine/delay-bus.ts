import type { IBiquadFilterNode, IDelayNode, IGainNode } from 'standardized-audio-context';
import { webAudioQ } from '../dsp/biquad';
import { dbToGain } from '../dsp/db';
import { clampFeedback, type NoteValue, noteValueSeconds } from '../dsp/delay';
import type { Decibels, Gain, Hz, Seconds } from '../dsp/units';
import { rampParam } from './strip-ramp';
import type { AnyContext, AnyParam } from './types';

/** Settings of the tempo-synced delay return. */
export interface DelaySettings {
  note: NoteValue;
  /** Tempo in quarter notes per minute (a tempo that is not a positive number counts as 120). */
  bpm: number;
  /** Gain of each trip round the loop, clamped to [0, 0.9]. */
  feedback: Gain;
  /** High-pass in the loop: each repeat is thinner than the one before. */
  lowCutHz: Hz;
  /** Low-pass in the loop: each repeat is darker than the one before. */
  highCutHz: Hz;
  /** Level of the return into the master bus; −Infinity mutes it. */
  returnDb: Decibels;
}

/** A dotted-eighth at 120 BPM with a few darkening repeats: the default delay return. */
export const DEFAULT_DELAY: Readonly<DelaySettings> = {
  note: '1/8d',
  bpm: 120,
  feedback: 0.35,
  lowCutHz: 250,
  highCutHz: 4500,
  returnDb: 0,
};

/** Longest delay the bus can hold (a half note at 30 BPM). */
export const MAX_DELAY_S: Seconds = 4;

/** Delay-time changes glide a little slower, like tape, so they bend pitch briefly instead of clicking. */
const TIME_TAU: Seconds = 0.03;

function glideTo(param: AnyParam, value: number, at: Seconds): void {
  param.cancelScheduledValues(at);
  param.setTargetAtTime(value, at, TIME_TAU);
}

/**
 * The delay send/return: input → DelayNode → output (the return fader); the delay's output also runs
 * through high-pass → low-pass → feedback gain back into the delay. The first echo is the input
 * delayed by exactly one note value; every later one is filtered once more and scaled by `feedback`.
 */
export class DelayBus {
  /** Where the strips' delay sends connect (stereo). */
  readonly input: IGainNode<AnyContext>;
  /** The return, to connect to the master bus (stereo). */
  readonly output: IGainNode<AnyContext>;
  private readonly delay: IDelayNode<AnyContext>;
  private readonly lowCut: IBiquadFilterNode<AnyContext>;
  private readonly highCut: IBiquadFilterNode<AnyContext>;
  private readonly feedback: IGainNode<AnyContext>;
  private current: DelaySettings;

  private constructor(
    private readonly ctx: AnyContext,
    settings: DelaySettings,
  ) {
    this.current = { ...settings };
    this.input = ctx.createGain();
    this.delay = ctx.createDelay(MAX_DELAY_S);
    this.lowCut = ctx.createBiquadFilter();
    this.lowCut.type = 'highpass';
    this.highCut = ctx.createBiquadFilter();
    this.highCut.type = 'lowpass';
    this.feedback = ctx.createGain();
    this.output = ctx.createGain();
    this.delay.delayTime.value = this.delaySeconds(settings);
    // Butterworth (no resonance): Web Audio takes lowpass/highpass Q in dB.
    this.lowCut.Q.value = webAudioQ('highpass', Math.SQRT1_2);
    this.highCut.Q.value = webAudioQ('lowpass', Math.SQRT1_2);
    this.lowCut.frequency.value = settings.lowCutHz;
    this.highCut.frequency.value = settings.highCutHz;
    this.feedback.gain.value = clampFeedback(settings.feedback);
    this.output.gain.value = dbToGain(settings.returnDb);
    this.input.connect(this.delay);
    this.delay.connect(this.output);
    this.delay.connect(this.lowCut);
    this.lowCut.connect(this.highCut);
    this.highCut.connect(this.feedback);
    this.feedback.connect(this.delay);
  }

  /** Builds a delay return on `ctx` with `settings` over DEFAULT_DELAY. */
  static create(ctx: AnyContext, settings: Partial<DelaySettings> = {}): DelayBus {
    return new DelayBus(ctx, { ...DEFAULT_DELAY, ...settings });
  }

  /** The settings now in force (a copy). */
  get settings(): DelaySettings {
    return { ...this.current };
  }

  /** The delay time the settings give, in seconds (one note value at the tempo, within the bus's range). */
  get delayTimeS(): Seconds {
    return this.delaySeconds(this.current);
  }

  /** Changes settings from time `at`; every parameter ramps. */
  update(patch: Partial<DelaySettings>, at: Seconds = this.ctx.currentTime): void {
    const b = this.current;
    const s = { ...b, ...patch };
    this.current = s;
    if (s.note !== b.note || s.bpm !== b.bpm) glideTo(this.delay.delayTime, this.delaySeconds(s), at);
    if (s.feedback !== b.feedback) rampParam(this.feedback.gain, clampFeedback(s.feedback), at);
    if (s.lowCutHz !== b.lowCutHz) rampParam(this.lowCut.frequency, s.lowCutHz, at);
    if (s.highCutHz !== b.highCutHz) rampParam(this.highCut.frequency, s.highCutHz, at);
    if (s.returnDb !== b.returnDb) rampParam(this.output.gain, dbToGain(s.returnDb), at);
  }

  /** Disconnects every node this bus made. */
  dispose(): void {
    for (const node of [this.input, this.delay, this.lowCut, this.highCut, this.feedback, this.output]) {
      node.disconnect();
    }
  }

  private delaySeconds(s: DelaySettings): Seconds {
    // A loop in a Web Audio graph cannot be shorter than one 128-sample render quantum.
    const min = 128 / this.ctx.sampleRate;
    const bpm = Number.isFinite(s.bpm) && s.bpm > 0 ? s.bpm : DEFAULT_DELAY.bpm;
    return Math.min(MAX_DELAY_S, Math.max(min, noteValueSeconds(s.note, bpm)));
  }
}
