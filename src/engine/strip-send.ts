import type { IGainNode } from 'standardized-audio-context';
import { dbToGain } from '../dsp/db';
import type { Seconds } from '../dsp/units';
import { RAMP_SETTLE, rampParam } from './strip-ramp';
import type { SendSettings } from './strip-settings';
import type { AnyContext, AnyNode } from './types';

/**
 * One send: only while the send is audible, one tap gain fed from the pre- or post-fader point, connected to
 * every destination the send feeds. The Mixer attaches its return bus's input directly (a mono tap mixes into
 * a stereo bus exactly as an up-mix would), so a send costs one node; `output`, a stereo node for anyone else
 * to connect, is made on first use. Switching pre/post crossfades between two taps; turning the send off
 * ramps its tap down and disconnects it once silent.
 */
export class StripSend {
  private tap: { node: IGainNode<AnyContext>; preFader: boolean } | undefined;
  private retiring: { node: IGainNode<AnyContext>; until: Seconds }[] = [];
  private readonly destinations: AnyNode[] = [];
  private outputNode: IGainNode<AnyContext> | undefined;

  constructor(
    private readonly ctx: AnyContext,
    private readonly preFaderPoint: AnyNode,
    private readonly postFaderPoint: AnyNode,
    settings: SendSettings,
  ) {
    const gain = sendGain(settings);
    if (gain > 0) this.tap = { node: this.createTap(settings.preFader, gain), preFader: settings.preFader };
  }

  /** A stereo node carrying the send (a mono channel on both sides), made on first use. */
  get output(): IGainNode<AnyContext> {
    if (!this.outputNode) {
      const node = this.ctx.createGain();
      node.channelCount = 2;
      node.channelCountMode = 'explicit';
      node.channelInterpretation = 'speakers';
      this.outputNode = node;
      this.attach(node);
    }
    return this.outputNode;
  }

  /** Feeds the send into `destination` as well (e.g. a return bus's input), from now on. */
  attach(destination: AnyNode): void {
    if (this.destinations.includes(destination)) return;
    this.destinations.push(destination);
    for (const node of this.liveTaps()) node.connect(destination);
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
    for (const r of this.retiring) if (r.until < now) this.disconnectTap(r.node);
    this.retiring = this.retiring.filter((r) => r.until >= now);
  }

  /** Disconnects every node it made. */
  dispose(): void {
    for (const node of this.liveTaps()) this.disconnectTap(node);
    this.retiring = [];
    this.tap = undefined;
    this.outputNode?.disconnect();
  }

  private liveTaps(): IGainNode<AnyContext>[] {
    return [...(this.tap ? [this.tap.node] : []), ...this.retiring.map((r) => r.node)];
  }

  private createTap(preFader: boolean, gain: number): IGainNode<AnyContext> {
    const node = this.ctx.createGain();
    node.gain.value = gain;
    (preFader ? this.preFaderPoint : this.postFaderPoint).connect(node);
    for (const destination of this.destinations) node.connect(destination);
    return node;
  }

  private disconnectTap(node: IGainNode<AnyContext>): void {
    // Its outputs only: with nothing downstream a node is no longer pulled, so it costs nothing.
    node.disconnect();
  }

  private retire(node: IGainNode<AnyContext>, at: Seconds, instant: boolean): void {
    if (instant) {
      this.disconnectTap(node);
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
