import type { IGainNode } from 'standardized-audio-context';
import { dbToGain } from '../dsp/db';
import type { Seconds } from '../dsp/units';
import { RAMP_SETTLE, rampParam } from './strip-ramp';
import type { SendSettings } from './strip-settings';
import type { AnyContext, AnyNode } from './types';

/**
 * One send: a stereo output node (always there, for the Mixer to connect) and, only while the send is
 * audible, one tap gain fed from the pre- or post-fader point. Switching pre/post crossfades between two
 * taps; turning the send off ramps its tap down and disconnects it once silent.
 */
export class StripSend {
  /** Stereo send output: a mono channel reaches the return on both sides. */
  readonly output: IGainNode<AnyContext>;
  private tap: { node: IGainNode<AnyContext>; preFader: boolean } | undefined;
  private retiring: { node: IGainNode<AnyContext>; until: Seconds }[] = [];

  constructor(
    private readonly ctx: AnyContext,
    private readonly preFaderPoint: AnyNode,
    private readonly postFaderPoint: AnyNode,
    settings: SendSettings,
  ) {
    this.output = ctx.createGain();
    this.output.channelCount = 2;
    this.output.channelCountMode = 'explicit';
    this.output.channelInterpretation = 'speakers';
    const gain = sendGain(settings);
    if (gain > 0) this.tap = { node: this.createTap(settings.preFader, gain), preFader: settings.preFader };
  }

  /** Number of tap nodes connected (0 when the send is off and nothing is fading out). */
  get connectedTaps(): number {
    return (this.tap ? 1 : 0) + this.retiring.length;
  }

  /** Applies new send settings from `at`, ramped. */
  update(settings: SendSettings, at: Seconds): void {
    this.collect();
    const gain = sendGain(settings);
    const tap = this.tap;
    if (tap && gain > 0 && tap.preFader === settings.preFader) {
      rampParam(tap.node.gain, gain, at);
      return;
    }
    const instant = this.ctx.currentTime === 0 && at <= 0;
    if (tap) this.retire(tap.node, at, instant);
    this.tap = undefined;
    if (gain <= 0) return;
    const node = this.createTap(settings.preFader, instant ? gain : 0);
    if (!instant) rampParam(node.gain, gain, at);
    this.tap = { node, preFader: settings.preFader };
  }

  /** Disconnects taps that have finished fading out. */
  collect(): void {
    const now = this.ctx.currentTime;
    for (const r of this.retiring) if (r.until < now) r.node.disconnect();
    this.retiring = this.retiring.filter((r) => r.until >= now);
  }

  /** Disconnects every node it made. */
  dispose(): void {
    for (const r of this.retiring) r.node.disconnect();
    this.retiring = [];
    this.tap?.node.disconnect();
    this.tap = undefined;
    this.output.disconnect();
  }

  private createTap(preFader: boolean, gain: number): IGainNode<AnyContext> {
    const node = this.ctx.createGain();
    node.gain.value = gain;
    (preFader ? this.preFaderPoint : this.postFaderPoint).connect(node).connect(this.output);
    return node;
  }

  private retire(node: IGainNode<AnyContext>, at: Seconds, instant: boolean): void {
    if (instant) {
      node.disconnect();
      return;
    }
    rampParam(node.gain, 0, at);
    this.retiring.push({ node, until: Math.max(at, this.ctx.currentTime) + RAMP_SETTLE });
  }
}

/** The send's linear gain: 0 when disabled or at −Infinity. */
export function sendGain(send: SendSettings): number {
  return send.enabled ? dbToGain(send.levelDb) : 0;
}
