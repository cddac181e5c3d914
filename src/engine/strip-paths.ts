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

/** Holds the audible path of one stretch and the ones still fading out. */
export class PathSwitcher<P extends StripPath> {
  private live: P;
  private retiring: { path: P; until: Seconds }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: AnyContext,
    private readonly destination: AnyNode,
    initial: P,
  ) {
    this.live = initial;
    initial.fade.gain.value = 1;
    initial.fade.connect(destination);
  }

  /** The path being heard (or fading in). */
  get current(): P {
    return this.live;
  }

  /** Number of paths still connected (the live one plus any fading out). */
  get connectedPaths(): number {
    return 1 + this.retiring.length;
  }

  /** Makes `next` (already fed by the source) the audible path from `at` (or after the preroll), crossfading. */
  replace(next: P, at: Seconds): void {
    this.collect();
    next.fade.connect(this.destination);
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
 * The high-pass, low-pass and audible EQ bands, as fresh BiquadFilterNodes in series, then the saturation
 * insert when it is on (strip-saturation.ts): the strip's tone, one path, so an unused stage has no node.
 */
export interface FilterPath extends StripPath {
  readonly stages: readonly FilterStage[];
  readonly nodes: ReadonlyMap<string, IBiquadFilterNode<AnyContext>>;
  /** The saturation insert, when on. */
  readonly saturation: SaturationStage | undefined;
}

/** A key that changes exactly when the filter path must be rebuilt (its filter stages or saturation on/off). */
export function filterPathKey(settings: StripSettings): string {
  return `${filterTopologyKey(activeFilterStages(settings))}${settings.saturation?.enabled ? '|sat' : ''}`;
}

/**
 * Builds the filter path for `settings`, fed by `source` (a path with no stages is just its fade); the
 * saturation worklet runs on `channels` (worklets must be loaded when saturation is on).
 */
export function createFilterPath(
  ctx: AnyContext,
  source: AnyNode,
  settings: StripSettings,
  channels: SourceChannels = null,
): FilterPath {
  const stages = activeFilterStages(settings);
  const nodes = new Map<string, IBiquadFilterNode<AnyContext>>();
  const fade: IGainNode<AnyContext> = ctx.createGain();
  let last: AnyNode = source;
  let first: AnyNode = fade;
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
  last.connect(fade);
  return {
    stages,
    nodes,
    saturation,
    fade,
    dispose() {
      source.disconnect(first);
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

/** The compressor stage: either a plain fade (bypass) or the compressor feeding its fade. */
export interface DynamicsPath extends StripPath {
  readonly compressor: Compressor | undefined;
}

/** Builds the compressor stage for `settings`, fed by `source` (worklets must be loaded). */
export function createDynamicsPath(ctx: AnyContext, source: AnyNode, settings: StripSettings): DynamicsPath {
  const fade: IGainNode<AnyContext> = ctx.createGain();
  if (!settings.compressor.enabled) {
    source.connect(fade);
    return {
      fade,
      compressor: undefined,
      dispose() {
        source.disconnect(fade);
        fade.disconnect();
      },
    };
  }
  const { enabled: _, ...compressorSettings } = settings.compressor;
  const compressor = new Compressor(ctx, source, compressorSettings);
  compressor.output.connect(fade);
  return {
    fade,
    compressor,
    dispose() {
      compressor.dispose();
      fade.disconnect();
    },
  };
}
