import type { IGainNode } from 'standardized-audio-context';
import type { CompressorSettings } from '../dsp/compressor';
import { dbToGain } from '../dsp/db';
import { effectiveWidth } from '../dsp/stereo-width';
import type { Decibels, Seconds } from '../dsp/units';
import { StripMeter, type StripMeterReading } from './strip-meter';
import { createPanPath, type PanPath, type SourceChannels } from './strip-pan';
import {
  createDynamicsPath,
  createFilterPath,
  type DynamicsPath,
  type FilterPath,
  PathSwitcher,
  rampFilterParams,
} from './strip-paths';
import { rampParam } from './strip-ramp';
import { createSaturationPath, type SaturationPath } from './strip-saturation';
import { StripSend } from './strip-send';
import {
  activeFilterStages,
  defaultStripSettings,
  FADER_MAX_DB,
  filterTopologyKey,
  mergeStripSettings,
  type StripSettings,
} from './strip-settings';
import { createWidthPath, type WidthPath } from './strip-width';
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
 * One mixer channel: trim → high-pass → low-pass → EQ (4 bands) → saturation (strip-saturation.ts) → compressor → mute → solo-silence →
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
 * Only audible stages are in the chain: a disabled or flat (0 dB) EQ band, a disabled high-pass or a
 * disabled compressor has no node. Switching one in or out builds the new chain from fresh nodes and
 * crossfades to it (see strip-paths.ts); every other change glides its AudioParam (~10 ms).
 */
export class ChannelStrip {
  /** Connect the source here (mono or stereo). */
  readonly input: IGainNode<AnyContext>;
  /** Stereo, post-fader, post-pan. */
  readonly output: IGainNode<AnyContext>;
  private state: StripSettings;
  private readonly junction: IGainNode<AnyContext>;
  private readonly muteGain: IGainNode<AnyContext>;
  private readonly soloGain: IGainNode<AnyContext>;
  private readonly fader: IGainNode<AnyContext>;
  private readonly filters: PathSwitcher<FilterPath>;
  private readonly satIn: IGainNode<AnyContext>;
  private readonly saturation: PathSwitcher<SaturationPath>;
  private readonly dynamics: PathSwitcher<DynamicsPath>;
  private readonly sendTaps: Record<SendName, StripSend>;
  private readonly pan: PathSwitcher<PanPath>;
  private readonly panOut: IGainNode<AnyContext>;
  private readonly width: PathSwitcher<WidthPath>;
  private sourceChannels: SourceChannels = null;
  private meter: StripMeter | undefined;
  private filterKey: string;
  private silenced = false;

  private constructor(
    private readonly ctx: AnyContext,
    settings: StripSettings,
  ) {
    this.state = settings;
    this.input = ctx.createGain();
    this.input.gain.value = dbToGain(settings.trimDb);
    this.junction = ctx.createGain();
    this.muteGain = ctx.createGain();
    this.muteGain.gain.value = settings.mute ? 0 : 1;
    this.soloGain = ctx.createGain();
    this.fader = ctx.createGain();
    this.fader.gain.value = faderGain(settings.faderDb);

    this.satIn = ctx.createGain();
    this.filters = new PathSwitcher(ctx, this.satIn, createFilterPath(ctx, this.input, settings));
    this.saturation = new PathSwitcher(ctx, this.junction, createSaturationPath(ctx, this.satIn, settings));
    this.filterKey = filterTopologyKey(this.filters.current.stages);
    this.dynamics = new PathSwitcher(ctx, this.muteGain, createDynamicsPath(ctx, this.junction, settings));
    this.muteGain.connect(this.soloGain).connect(this.fader);
    this.output = ctx.createGain();
    this.panOut = ctx.createGain();
    this.pan = new PathSwitcher(ctx, this.panOut, createPanPath(ctx, this.fader, settings.pan, null));
    this.width = new PathSwitcher(ctx, this.output, createWidthPath(ctx, this.panOut, stripWidth(settings)));

    this.sendTaps = {
      reverb: new StripSend(ctx, this.soloGain, this.fader, settings.sends.reverb),
      delay: new StripSend(ctx, this.soloGain, this.fader, settings.sends.delay),
    };
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

  /** Builds a strip on `ctx` (loads the engine worklets first if needed). */
  static async create(ctx: AnyContext, settings: Partial<StripSettings> = {}): Promise<ChannelStrip> {
    await loadEngineWorklets(ctx);
    return new ChannelStrip(ctx, mergeStripSettings(defaultStripSettings(settings.name), settings));
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
    if (after.mute !== before.mute) rampParam(this.muteGain.gain, after.mute ? 0 : 1, at);
    this.updateWidth(before, after, at);
    this.updateFilters(before, after, at);
    this.updateSaturation(before, after, at);
    this.updateCompressor(before, after, at);
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
    this.pan.replace(createPanPath(this.ctx, this.fader, this.state.pan, channels), at);
    if (this.saturation.current.active)
      this.saturation.replace(createSaturationPath(this.ctx, this.satIn, this.state, channels), at);
  }

  /** Silences (or restores) the strip because another strip is soloed; the Mixer decides. */
  setSilencedBySolo(silenced: boolean, at: Seconds = this.ctx.currentTime): void {
    this.collect();
    if (silenced === this.silenced) return;
    this.silenced = silenced;
    if (this.ctx.currentTime === 0 && at <= 0) {
      // Nothing has been rendered yet (e.g. a mixer built with a soloed track): silent from the first sample.
      this.soloGain.gain.cancelScheduledValues(0);
      this.soloGain.gain.value = silenced ? 0 : 1;
      return;
    }
    rampParam(this.soloGain.gain, silenced ? 0 : 1, at);
  }

  /** The compressor's latest gain reduction (≤ 0 dB; 0 when it is off or not compressing). */
  readGainReductionDb(): Decibels {
    this.collect();
    return this.dynamics.current.compressor?.readGainReductionDb() ?? 0;
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
    const stages = this.filters.current.stages.map((s) => s.id);
    if (this.saturation.current.active) stages.push('saturation');
    if (this.dynamics.current.compressor) stages.push('compressor');
    return stages;
  }

  /** Disconnects every node this strip made (not whatever is connected to its input). */
  dispose(): void {
    this.filters.dispose();
    this.saturation.dispose();
    this.dynamics.dispose();
    this.meter?.dispose();
    this.pan.dispose();
    this.width.dispose();
    for (const send of Object.values(this.sendTaps)) send.dispose();
    for (const node of [
      this.input,
      this.satIn,
      this.junction,
      this.muteGain,
      this.soloGain,
      this.fader,
      this.panOut,
      this.output,
    ]) {
      node.disconnect();
    }
  }

  private updateFilters(before: StripSettings, after: StripSettings, at: Seconds): void {
    const key = filterTopologyKey(activeFilterStages(after));
    if (key !== this.filterKey) {
      this.filterKey = key;
      this.filters.replace(createFilterPath(this.ctx, this.input, after), at);
      return;
    }
    for (const [id, node] of this.filters.current.nodes) rampFilterParams(node, id, before, after, at);
  }

  private updateSaturation(before: StripSettings, after: StripSettings, at: Seconds): void {
    const [b, a] = [before.saturation, after.saturation];
    if (a.enabled !== b.enabled) {
      this.saturation.replace(createSaturationPath(this.ctx, this.satIn, after, this.sourceChannels), at);
      return;
    }
    if (a.enabled && a.driveDb !== b.driveDb) this.saturation.current.setDrive(a.driveDb, at);
  }

  private updateWidth(before: StripSettings, after: StripSettings, at: Seconds): void {
    const [from, to] = [stripWidth(before), stripWidth(after)];
    if (from === to) return;
    const fresh = this.ctx.currentTime === 0 && at <= 0; // nothing rendered yet: swap outright, no glide
    if (fresh || from === 1 || to === 1) this.width.replace(createWidthPath(this.ctx, this.panOut, to), at);
    else this.width.current.setWidth(to, at);
  }

  private updateCompressor(before: StripSettings, after: StripSettings, at: Seconds): void {
    if (after.compressor.enabled !== before.compressor.enabled) {
      this.dynamics.replace(createDynamicsPath(this.ctx, this.junction, after), at);
      return;
    }
    const compressor = this.dynamics.current.compressor;
    if (!compressor) return;
    const patch: Partial<CompressorSettings> = {};
    for (const field of COMPRESSOR_FIELDS) {
      if (after.compressor[field] !== before.compressor[field]) patch[field] = after.compressor[field];
    }
    compressor.update(patch, at);
  }

  private collect(): void {
    this.filters.collect();
    this.saturation.collect();
    this.dynamics.collect();
    this.pan.collect();
    this.width.collect();
    for (const send of Object.values(this.sendTaps)) send.collect();
  }
}
