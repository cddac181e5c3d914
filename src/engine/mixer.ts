import type { Decibels, Seconds } from '../dsp/units';
import { ChannelStrip, type StripSettings } from './channel-strip';
import { DelayBus, type DelaySettings } from './delay-bus';
import { MasterBus, type MasterMeterReading } from './master-bus';
import { ReverbBus, type ReverbSettings } from './reverb-bus';
import type { SourceChannels } from './strip-pan';
import { defaultStripSettings, mergeStripSettings } from './strip-settings';
import type { TransportTarget } from './transport';
import type { AnyContext, AnyNode, DeepPartial } from './types';

/** Strip settings from a deep patch over the defaults (so `sends: { reverb: { enabled: true } }` is enough). */
function fullSettings(patch: DeepPartial<StripSettings>): StripSettings {
  return mergeStripSettings(defaultStripSettings(patch.name), patch);
}

/** A channel count as a strip's source layout (unknown stays unknown). */
function sourceLayout(channels: number | undefined): SourceChannels {
  if (channels === undefined) return null;
  return channels >= 2 ? 2 : 1;
}

/** How a mixer starts out. */
export interface MixerOptions {
  /** One entry per track, any field left out is the default (default: no tracks; add them with addTrack). */
  tracks?: DeepPartial<StripSettings>[];
  /** Song tempo, for the delay's note values (default 120). */
  bpm?: number;
  reverb?: Partial<ReverbSettings>;
  /** Delay settings; its tempo comes from `bpm`. */
  delay?: Partial<Omit<DelaySettings, 'bpm'>>;
  /** Master fader (default 0 dB). */
  masterDb?: Decibels;
  /** Master width, side × width (default 1, unchanged). */
  masterWidth?: number;
  /** Master summed to mono (default off). */
  masterMono?: boolean;
  /** Where the master bus goes (default `ctx.destination`; e.g. an AbCompare input). */
  output?: AnyNode;
  /**
   * Each track's source layout when known (1 mono, 2 stereo; as connectSource will be told): a strip is
   * then built for it at once rather than rebuilt when the source connects.
   */
  inputChannels?: readonly (number | undefined)[];
}

/**
 * The mixer: channel strips summed into the master bus, their sends feeding a reverb and a delay return
 * that also feed the master, and the master bus ending in the hearing-safety limiter (no bypass).
 * Solo is solo-in-place: while any strip is soloed every other strip is silenced, sends included, and
 * the returns keep playing what the soloed strips send. Change solo (and anything else) through
 * `updateTrack`, so the mixer can keep solo consistent.
 */
export class Mixer implements TransportTarget {
  /** The reverb return. */
  readonly reverb: ReverbBus;
  /** The delay return. */
  readonly delay: DelayBus;
  /** The master bus (fader, meter, limiter). */
  readonly master: MasterBus;
  private readonly strips: ChannelStrip[] = [];

  private constructor(
    private readonly ctx: AnyContext,
    master: MasterBus,
    options: MixerOptions,
  ) {
    this.master = master;
    this.reverb = ReverbBus.create(ctx, options.reverb);
    this.delay = DelayBus.create(ctx, { ...options.delay, bpm: options.bpm ?? 120 });
    this.reverb.output.connect(master.input);
    this.delay.output.connect(master.input);
  }

  /** Builds a mixer on `ctx` with its tracks (loads the engine worklets if needed). */
  static async create(ctx: AnyContext, options: MixerOptions = {}): Promise<Mixer> {
    const master = await MasterBus.create(ctx, { faderDb: options.masterDb ?? 0, output: options.output });
    if (options.masterWidth !== undefined) master.setWidth(options.masterWidth, 0);
    if (options.masterMono) master.setMono(true, 0);
    const mixer = new Mixer(ctx, master, options);
    const strips = await Promise.all(
      (options.tracks ?? []).map((t, i) =>
        ChannelStrip.create(ctx, fullSettings(t), sourceLayout(options.inputChannels?.[i])),
      ),
    );
    for (const strip of strips) mixer.attach(strip);
    mixer.refreshSolo(ctx.currentTime);
    return mixer;
  }

  /** Number of tracks. */
  get trackCount(): number {
    return this.strips.length;
  }

  /** The tempo the delay follows. */
  get bpm(): number {
    return this.delay.settings.bpm;
  }

  /** The strip of track `index` (read its settings and meters; change it through updateTrack). */
  strip(index: number): ChannelStrip {
    const strip = this.strips[index];
    if (!strip) throw new RangeError(`No track ${index}: the mixer has ${this.strips.length}`);
    return strip;
  }

  /** Adds a track at the end and returns its index. */
  async addTrack(settings: DeepPartial<StripSettings> = {}): Promise<number> {
    const strip = await ChannelStrip.create(this.ctx, fullSettings(settings));
    this.attach(strip);
    this.refreshSolo(this.ctx.currentTime);
    return this.strips.length - 1;
  }

  /** Removes track `index` (later tracks move down by one) and disposes its strip. */
  removeTrack(index: number): void {
    const strip = this.strip(index);
    this.strips.splice(index, 1);
    strip.dispose();
    this.refreshSolo(this.ctx.currentTime);
  }

  /** Changes track `index` from time `at`; solo changes re-evaluate every strip. */
  updateTrack(index: number, patch: DeepPartial<StripSettings>, at: Seconds = this.ctx.currentTime): void {
    this.strip(index).update(patch, at);
    if (patch.solo !== undefined) this.refreshSolo(at);
  }

  /**
   * Connects a source (e.g. a Transport voice) to the input of track `index`. With `channels` (1 mono,
   * 2 stereo; the Transport passes its buffer's), the strip pans with one node instead of five.
   */
  connectSource(index: number, node: AnyNode, channels?: number): void {
    const strip = this.strip(index);
    node.connect(strip.input);
    if (channels !== undefined) strip.setInputChannels(sourceLayout(channels));
  }

  /** Sets the song tempo: the delay glides to the new note length. */
  setBpm(bpm: number, at: Seconds = this.ctx.currentTime): void {
    this.delay.update({ bpm }, at);
  }

  /** Peak and RMS after the master fader (before the limiter), dBFS. */
  readMasterMeter(): MasterMeterReading {
    return this.master.readMeter();
  }

  /** Disconnects everything the mixer made: strips, returns and the master bus. */
  dispose(): void {
    for (const strip of this.strips) strip.dispose();
    this.strips.length = 0;
    this.reverb.dispose();
    this.delay.dispose();
    this.master.dispose();
  }

  private attach(strip: ChannelStrip): void {
    strip.connectOutput(this.master.input);
    strip.connectSends({ reverb: this.reverb.input, delay: this.delay.input });
    this.strips.push(strip);
  }

  /** Solo-in-place: with any strip soloed, every strip that is not soloed is silenced. */
  private refreshSolo(at: Seconds): void {
    const anySolo = this.strips.some((s) => s.settings.solo);
    for (const strip of this.strips) strip.setSilencedBySolo(anySolo && !strip.settings.solo, at);
  }
}
