import type { IBiquadFilterNode, IGainNode } from 'standardized-audio-context';
import { webAudioQ } from '../dsp/biquad';
import type { Seconds } from '../dsp/units';
import { Compressor } from './compressor';
import type { SourceChannels } from './strip-pan';
import { RAMP_SETTLE, rampParam } from './strip-ramp';
import { createSaturationStage, type SaturationStage } from './strip-saturation';
import {
  activeFilterStages,
  type FilterStage,
  filterTopologyKey,
  type StripSettings,
} from './strip-settings';
import type { AnyContext, AnyNode } from './types';

/**
 * Click-free rewiring. The strip keeps only the nodes that do something (no flat EQ band, no disabled
 * compressor). When that set changes, a new path is built from fresh nodes next to the old one, fed by the
 * same source; after a short preroll (so fresh filters and the detector settle) the new path fades in while
 * every older one fades out with the same time constant (gains sum to 1, so a correlated signal keeps its
 * level). Faded-out paths are disconnected once silent.
 */

/** Time a new path runs silently before it fades in. */
export const PATH_PREROLL: Seconds = 0.02;

/** A stretch of the strip between a fixed source and a fixed destination, ending in its own fade gain. */
export interface StripPath {
  readonly fade: IGainNode<AnyContext>;
  /** Disconnects every node the path made, including the link from its source. */
  dispose(): void;
}

/**
 * Holds the audible path of one stretch and the ones still fading out. Every path's fade feeds each of the
 * switcher's destinations (none at first is allowed: `attach` adds them, so a strip's last stretch can feed
 * the master bus directly instead of through an output node of its own).
 */
export class PathSwitcher<P extends StripPath> {
  private live: P;
  private retiring: { path: P; until: Seconds }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly destinations: AnyNode[] = [];

  constructor(
    private readonly ctx: AnyContext,
    destination: AnyNode | null,
    initial: P,
  ) {
    this.live = initial;
    initial.fade.gain.value = 1;
    if (destination) this.attach(destination);
  }

  /** The path being heard (or fading in). */
  get current(): P {
    return this.live;
  }

  /** Number of paths still connected (the live one plus any fading out). */
  get connectedPaths(): number {
    return 1 + this.retiring.length;
  }

  /** Feeds every path (live, fading out, and later ones) into `destination` as well, from now on. */
  attach(destination: AnyNode): void {
    if (this.destinations.includes(destination)) return;
    this.destinations.push(destination);
    for (const path of [this.live, ...this.retiring.map((r) => r.path)]) path.fade.connect(destination);
  }

  /** Makes `next` (already fed by the source) the audible path from `at` (or after the preroll), crossfading. */
  replace(next: P, at: Seconds): void {
    this.collect();
    for (const destination of this.destinations) next.fade.connect(destination);
    const now = this.ctx.currentTime;
    if (now === 0 && at <= 0) {
      // Nothing has been rendered yet: swap outright.
      next.fade.gain.value = 1;
      for (const old of [this.live, ...this.retiring.map((r) => r.path)]) old.dispose();
      this.retiring = [];
      this.live = next;
      return;
    }
    next.fade.gain.value = 0;
    // The new path is fed from now on: it has had its preroll by `at` if that is far enough ahead.
    const start = Math.max(at, now + PATH_PREROLL);
    const until = start + RAMP_SETTLE;
    rampParam(next.fade.gain, 1, start);
    for (const old of [this.live, ...this.retiring.map((r) => r.path)]) rampParam(old.fade.gain, 0, start);
    this.retiring = [...this.retiring.map((r) => ({ path: r.path, until })), { path: this.live, until }];
    this.live = next;
    this.scheduleCollect(until - now);
  }

  /** Disconnects the paths that have finished fading out. */
  collect(): void {
    const now = this.ctx.currentTime;
    const done = this.retiring.filter((r) => r.until < now);
    if (done.length === 0) return;
    for (const r of done) r.path.dispose();
    this.retiring = this.retiring.filter((r) => r.until >= now);
  }

  /** Disconnects every path. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const r of this.retiring) r.path.dispose();
    this.retiring = [];
    this.live.dispose();
  }

  private scheduleCollect(delay: Seconds): void {
    // Live contexts: collect soon after the fade. Offline renders collect on the next update or read.
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
}

/**
 * The strip's processing between its input and its mute gate, as one path of fresh nodes: the high-pass,
 * low-pass and audible EQ bands as BiquadFilterNodes in series, the saturation insert when it is on
 * (strip-saturation.ts), then the compressor's VCA when it is on (compressor.ts), ending in the path's fade.
 * One path, so an unused stage has no node and the stretch has no junction or second fade of its own.
 */
export interface TonePath extends StripPath {
  readonly stages: readonly FilterStage[];
  readonly nodes: ReadonlyMap<string, IBiquadFilterNode<AnyContext>>;
  /** The saturation insert, when on. */
  readonly saturation: SaturationStage | undefined;
  /** The compressor, when on. */
  readonly compressor: Compressor | undefined;
}

/**
 * A key that changes exactly when the tone path must be rebuilt: its filter stages, saturation on or off,
 * the compressor on or off.
 */
export function tonePathKey(settings: StripSettings): string {
  const saturation = settings.saturation?.enabled ? '|sat' : '';
  return `${filterTopologyKey(activeFilterStages(settings))}${saturation}${settings.compressor.enabled ? '|comp' : ''}`;
}

/**
 * Builds the tone path for `settings`, fed by `source` (a path with no stages is just its fade); the
 * saturation worklet runs on `channels` (the engine worklets must be loaded when saturation or the
 * compressor is on). `replacing`, the path this one will crossfade from: its compressor's detector state
 * seeds the new one, so adding a filter stage to a compressing strip does not fade in an uncompressed path.
 */
export function createTonePath(
  ctx: AnyContext,
  source: AnyNode,
  settings: StripSettings,
  channels: SourceChannels = null,
  replacing?: TonePath,
): TonePath {
  const stages = activeFilterStages(settings);
  const nodes = new Map<string, IBiquadFilterNode<AnyContext>>();
  const fade: IGainNode<AnyContext> = ctx.createGain();
  let last: AnyNode = source;
  let first: AnyNode | undefined;
  const chain = (node: AnyNode) => {
    if (last === source) first = node;
    last.connect(node);
    last = node;
  };
  for (const stage of stages) {
    const node: IBiquadFilterNode<AnyContext> = ctx.createBiquadFilter();
    node.type = stage.type;
    setFilterParams(node, stage.id, settings);
    nodes.set(stage.id, node);
    chain(node);
  }
  const saturation = settings.saturation?.enabled
    ? createSaturationStage(ctx, settings.saturation.driveDb, channels)
    : undefined;
  if (saturation) chain(saturation.node);
  let compressor: Compressor | undefined;
  if (settings.compressor.enabled) {
    const { enabled: _, ...compressorSettings } = settings.compressor;
    // The compressor taps `last` itself (its VCA and its bank slot): it disconnects those links itself.
    compressor = new Compressor(ctx, last, compressorSettings, replacing?.compressor);
    compressor.output.connect(fade);
  } else chain(fade);
  return {
    stages,
    nodes,
    saturation,
    compressor,
    fade,
    dispose() {
      if (first) source.disconnect(first);
      compressor?.dispose();
      for (const node of nodes.values()) node.disconnect();
      saturation?.dispose();
      fade.disconnect();
    },
  };
}

/** The filter's target values for a stage: [frequency, Q as Web Audio takes it, gain dB]. */
export function filterTargets(id: string, settings: StripSettings): [number, number, number] {
  if (id === 'hp') return [settings.highPass.frequency, webAudioQ('highpass', Math.SQRT1_2), 0];
  if (id === 'lp') return [settings.lowPass.frequency, webAudioQ('lowpass', Math.SQRT1_2), 0];
  const band = settings.eq[Number(id.slice(2))];
  if (!band) throw new Error(`No EQ band ${id}`);
  return [band.frequency, webAudioQ(band.type, band.q), band.gainDb];
}

function setFilterParams(node: IBiquadFilterNode<AnyContext>, id: string, settings: StripSettings): void {
  const [frequency, q, gain] = filterTargets(id, settings);
  node.frequency.value = frequency;
  node.Q.value = q;
  node.gain.value = gain;
}

/** Glides an existing filter's params to the stage's new values from `at`. */
export function rampFilterParams(
  node: IBiquadFilterNode<AnyContext>,
  id: string,
  before: StripSettings,
  after: StripSettings,
  at: Seconds,
): void {
  const from = filterTargets(id, before);
  const to = filterTargets(id, after);
  if (from[0] !== to[0]) rampParam(node.frequency, to[0], at);
  if (from[1] !== to[1]) rampParam(node.Q, to[1], at);
  if (from[2] !== to[2]) rampParam(node.gain, to[2], at);
}
