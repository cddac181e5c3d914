import type { IGainNode } from 'standardized-audio-context';
import type { CompressorSettings } from '../dsp/compressor';
import { dbToGain } from '../dsp/db';
import { effectiveWidth } from '../dsp/stereo-width';
import type { Decibels, Seconds } from '../dsp/units';
import { StripMeter, type StripMeterReading } from './strip-meter';
import type { SourceChannels } from './strip-pan';
import { createTonePath, PathSwitcher, rampFilterParams, type TonePath, tonePathKey } from './strip-paths';
import { createPlacementPath, type PlacementPath } from './strip-placement';
import { rampParam } from './strip-ramp';
import { StripSend } from './strip-send';
import { defaultStripSettings, FADER_MAX_DB, mergeStripSettings, type StripSettings } from './strip-settings';
import type { AnyContext, AnyNode, DeepPartial } from './types';
import { loadEngineWorklets } from './worklets';

export type { EqBandSettings, SendSettings, StripSettings } from './strip-settings';
export { defaultStripSettings } from './strip-settings';

type SendName = keyof StripSettings['sends'];
const SEND_NAMES: SendName[] = ['reverb', 'delay'];
const COMPRESSOR_FIELDS = ['thresholdDb', 'ratio', 'kneeDb', 'attackMs', 'releaseMs', 'makeupDb'] as const;

/** The width the strip applies (mono forces 0). */
function stripWidth(settings: StripSettings): number {
  return effectiveWidth(settings.width ?? 1, settings.mono ?? false);
}

function faderGain(db: Decibels): number {
  return dbToGain(Math.min(db, FADER_MAX_DB));
}

/**
 * One mixer channel: trim → high-pass → low-pass → EQ (4 bands) → saturation (strip-saturation.ts) → compressor → mute and solo-silence (one gain) →
 * [pre-fader sends] → fader → [post-fader sends] → pan → width / mono (strip-width.ts) → output (+ output
 * meter). Mute and solo-silence sit before
 * the pre-fader tap, so a muted or solo-silenced channel sends nothing to the reverb or delay either.
 *
 * Pan (strip-pan.ts): a mono input gets the equal-power law of dsp/pan.ts panGains (centre −3.01 dB each
 * side); a stereo input gets Web Audio's balance law (centre passes both sides at unity; panning left
 * attenuates the right channel and folds it into the left with equal-power gains). Every stage keeps the
 * input's channel count (the compressor's worklet only listens), so the panner sees what came in. Told the
 * source's layout (setInputChannels; the Mixer passes what the Transport knows), the pan is one node.
 *
 * Only audible stages are in the chain: a disabled or flat (0 dB) EQ band, a disabled high-pass, saturation
 * off, width 1 or a disabled compressor has no node. The strip is two switched paths: filters, saturation
 * and compressor (input → gate, strip-paths.ts createTonePath), pan and width (fader → wherever the output
 * goes, strip-placement.ts: the Mixer's master input directly, or the `output` node made on first use).
 * Switching a stage in or out builds its path anew from fresh nodes and crossfades to it (see
 * strip-paths.ts); every other change glides its AudioParam (~10 ms).
 */
export class ChannelStrip {
  /** Connect the source here (mono or stereo). */
  readonly input: IGainNode<AnyContext>;
  private outputNode: IGainNode<AnyContext> | undefined;
  private state: StripSettings;
  /** Mute and solo-silence in one gain (1 open, 0 shut): both only ever shut the strip off. */
  private readonly gate: IGainNode<AnyContext>;
  private readonly fader: IGainNode<AnyContext>;
  /** Filters, saturation and compressor (strip-paths.ts createTonePath). */
  private readonly tone: PathSwitcher<TonePath>;
  private readonly sendTaps: Record<SendName, StripSend>;
  /** Pan and width (strip-placement.ts). */
  private readonly pan: PathSwitcher<PlacementPath>;
  private sourceChannels: SourceChannels = null;
  private meter: StripMeter | undefined;
  private toneKey: string;
  private silenced = false;

  private constructor(
    private readonly ctx: AnyContext,
    settings: StripSettings,
    channels: SourceChannels,
  ) {
    this.state = settings;
    this.sourceChannels = channels;
    this.input = ctx.createGain();
    this.input.gain.value = dbToGain(settings.trimDb);
    this.gate = ctx.createGain();
    this.gate.gain.value = settings.mute ? 0 : 1;
    this.fader = ctx.createGain();
    this.fader.gain.value = faderGain(settings.faderDb);

    this.tone = new PathSwitcher(ctx, this.gate, createTonePath(ctx, this.input, settings, channels));
    this.toneKey = tonePathKey(settings);
    this.gate.connect(this.fader);
    // No output node unless someone asks for `output`: the Mixer feeds the placement straight into its master.
    this.pan = new PathSwitcher(ctx, null, this.placement(settings, channels));

    this.sendTaps = {
      reverb: new StripSend(ctx, this.gate, this.fader, settings.sends.reverb),
      delay: new StripSend(ctx, this.gate, this.fader, settings.sends.delay),
    };
  }

  /** Stereo, post-fader, post-pan (a node made on first use; the Mixer uses connectOutput instead). */
  get output(): IGainNode<AnyContext> {
    if (!this.outputNode) {
      this.outputNode = this.ctx.createGain();
      this.pan.attach(this.outputNode);
    }
    return this.outputNode;
  }

  /** Feeds the strip's stereo output straight into `destination` (no node of its own), from now on. */
  connectOutput(destination: AnyNode): void {
    this.pan.attach(destination);
  }

  /** Stereo send outputs (made on first use; the Mixer feeds its returns through connectSends instead). */
  get sends(): { reverb: IGainNode<AnyContext>; delay: IGainNode<AnyContext> } {
    return { reverb: this.sendTaps.reverb.output, delay: this.sendTaps.delay.output };
  }

  /** Feeds the sends straight into the return buses' inputs (one node per active send, no output node). */
  connectSends(destinations: { reverb?: AnyNode; delay?: AnyNode }): void {
    if (destinations.reverb) this.sendTaps.reverb.attach(destinations.reverb);
    if (destinations.delay) this.sendTaps.delay.attach(destinations.delay);
  }

  /**
   * Builds a strip on `ctx` (loads the engine worklets first if needed). `channels`, when the source's
   * layout is known, is what setInputChannels would be told: the strip is built for it at once, instead
   * of building the layout-free pan network and replacing it.
   */
  static async create(
    ctx: AnyContext,
    settings: Partial<StripSettings> = {},
    channels: SourceChannels = null,
  ): Promise<ChannelStrip> {
    await loadEngineWorklets(ctx);
    return new ChannelStrip(ctx, mergeStripSettings(defaultStripSettings(settings.name), settings), channels);
  }

  /** A copy of the current settings. */
  get settings(): StripSettings {
    return mergeStripSettings(this.state, {});
  }

  /** Applies a change from time `at` (default now). Every move glides or crossfades: no zipper noise, no clicks. */
  update(patch: DeepPartial<StripSettings>, at: Seconds = this.ctx.currentTime): void {
    this.collect();
    const before = this.state;
    const after = mergeStripSettings(before, patch);
    this.state = after;
    if (after.trimDb !== before.trimDb) rampParam(this.input.gain, dbToGain(after.trimDb), at);
    if (after.faderDb !== before.faderDb) rampParam(this.fader.gain, faderGain(after.faderDb), at);
    if (after.pan !== before.pan) this.pan.current.setPan(after.pan, at);
    if (after.mute !== before.mute && !this.silenced) rampParam(this.gate.gain, after.mute ? 0 : 1, at);
    this.updateWidth(before, after, at);
    this.updateTone(before, after, at);
    for (const name of SEND_NAMES) {
      const [b, a] = [before.sends[name], after.sends[name]];
      if (a.enabled !== b.enabled || a.levelDb !== b.levelDb || a.preFader !== b.preFader) {
        this.sendTaps[name].update(a, at);
      }
    }
  }

  /**
   * Tells the strip its source is mono (1) or stereo (2), or not known (null, the default). A known layout
   * pans with one StereoPannerNode instead of the five-node network that lets the signal decide; a change
   * crossfades like any rewiring. It is a promise: a stereo signal into a strip told "mono" is folded to mono.
   */
  setInputChannels(channels: SourceChannels, at: Seconds = this.ctx.currentTime): void {
    this.collect();
    if (channels === this.sourceChannels) return;
    this.sourceChannels = channels;
    this.pan.replace(this.placement(this.state, channels), at);
    if (this.tone.current.saturation)
      this.tone.replace(createTonePath(this.ctx, this.input, this.state, channels, this.tone.current), at);
  }

  /** Silences (or restores) the strip because another strip is soloed; the Mixer decides. */
  setSilencedBySolo(silenced: boolean, at: Seconds = this.ctx.currentTime): void {
    this.collect();
    if (silenced === this.silenced) return;
    this.silenced = silenced;
    if (this.state.mute) return; // shut by the mute either way
    if (this.ctx.currentTime === 0 && at <= 0) {
      // Nothing has been rendered yet (e.g. a mixer built with a soloed track): silent from the first sample.
      this.gate.gain.cancelScheduledValues(0);
      this.gate.gain.value = silenced ? 0 : 1;
      return;
    }
    rampParam(this.gate.gain, silenced ? 0 : 1, at);
  }

  /** The compressor's latest gain reduction (≤ 0 dB; 0 when it is off or not compressing). */
  readGainReductionDb(): Decibels {
    this.collect();
    return this.tone.current.compressor?.readGainReductionDb() ?? 0;
  }

  /**
   * Peak and RMS of the output over the last ~43 ms (louder channel), dBFS. The meter's nodes are made on
   * the first read (a strip nobody meters, e.g. in an offline render, has none), so that read is silent.
   * Analysers only run in a live AudioContext: offline, the reading stays −Infinity.
   */
  readMeter(): StripMeterReading {
    this.collect();
    this.meter ??= new StripMeter(this.ctx, this.output);
    return this.meter.read();
  }

  /**
   * The processing stages now in the audible chain, in order: 'hp', 'lp', 'eq0' … 'eq3', 'saturation', 'compressor'. Flat or
   * disabled stages have no node, so a default strip lists none.
   */
  activeStages(): string[] {
    this.collect();
    const stages = this.tone.current.stages.map((s) => s.id);
    if (this.tone.current.saturation) stages.push('saturation');
    if (this.tone.current.compressor) stages.push('compressor');
    return stages;
  }

  /** Disconnects every node this strip made (not whatever is connected to its input). */
  dispose(): void {
    this.tone.dispose();
    this.meter?.dispose();
    this.pan.dispose();
    for (const send of Object.values(this.sendTaps)) send.dispose();
    for (const node of [this.input, this.gate, this.fader]) node.disconnect();
    this.outputNode?.disconnect();
  }

  /** Rebuilds the tone path when a stage comes or goes; otherwise glides the stages it has. */
  private updateTone(before: StripSettings, after: StripSettings, at: Seconds): void {
    const key = tonePathKey(after);
    if (key !== this.toneKey) {
      this.toneKey = key;
      const path = createTonePath(this.ctx, this.input, after, this.sourceChannels, this.tone.current);
      this.tone.replace(path, at);
      return;
    }
    const path = this.tone.current;
    for (const [id, node] of path.nodes) rampFilterParams(node, id, before, after, at);
    const [b, a] = [before.saturation, after.saturation];
    if (a.enabled && a.driveDb !== b.driveDb) path.saturation?.setDrive(a.driveDb, at);
    if (!path.compressor) return;
    const patch: Partial<CompressorSettings> = {};
    for (const field of COMPRESSOR_FIELDS) {
      if (after.compressor[field] !== before.compressor[field]) patch[field] = after.compressor[field];
    }
    path.compressor.update(patch, at);
  }

  private updateWidth(before: StripSettings, after: StripSettings, at: Seconds): void {
    const [from, to] = [stripWidth(before), stripWidth(after)];
    if (from === to) return;
    const fresh = this.ctx.currentTime === 0 && at <= 0; // nothing rendered yet: swap outright, no glide
    if (fresh || from === 1 || to === 1) this.pan.replace(this.placement(after, this.sourceChannels), at);
    else this.pan.current.setWidth(to, at);
  }

  /** A new pan-and-width path fed by the fader, for `settings` and this source layout. */
  private placement(settings: StripSettings, channels: SourceChannels): PlacementPath {
    return createPlacementPath(this.ctx, this.fader, settings.pan, channels, stripWidth(settings));
  }

  private collect(): void {
    this.tone.collect();
    this.pan.collect();
    for (const send of Object.values(this.sendTaps)) send.collect();
  }
}
