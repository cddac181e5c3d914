import type { IGainNode, IStereoPannerNode } from 'standardized-audio-context';
import { panGains } from '../dsp/pan';
import type { Gain, Pan, Seconds } from '../dsp/units';
import type { StripPath } from './strip-paths';
import { rampParam } from './strip-ramp';
import type { AnyContext, AnyNode } from './types';

/**
 * The strip's panner: equal-power (dsp/pan.ts panGains) for a mono input, a balance law for a stereo one,
 * chosen by the signal itself. standardized-audio-context forces StereoPannerNode to 2 explicit channels,
 * so a mono input reaches it up-mixed to (m, m) and would get the balance law like a stereo one.
 *
 * Main path: a StereoPannerNode at the pan position, i.e. the balance law (Web Audio's stereo algorithm):
 *   x ≤ 0: outL = L + R·cos((x+1)π/2), outR = R·sin((x+1)π/2)
 *   x > 0: outL = L·cos(xπ/2),         outR = R + L·sin(xπ/2)
 * Correction path: the input up-mixed 'speakers' (mono → m, m) minus the input up-mixed 'discrete'
 * (mono → m, 0) is (0, m) for a mono input and exactly (0, 0) for a stereo one. A second StereoPannerNode
 * spreads that m to (c_L, c_R)·m, the difference between the equal-power law and what the balance law gave
 * the mono input, so a mono input ends at (cos θ, sin θ)·m and a stereo input is untouched.
 * Five nodes in all; a stereo input at centre comes out bit-identical.
 */

/** The main pan, and the correction path's pan and gain, for a pan position. */
export interface PanSettings {
  /** StereoPannerNode position of the main (balance) path. */
  main: Pan;
  /** StereoPannerNode position of the correction path. */
  correctionPan: Pan;
  /** Gain of the correction path (applied as +g on 'speakers' and −g on 'discrete'). */
  correctionGain: Gain;
}

/** Rounds values that are zero up to floating-point noise (cos(π/2)) to exactly zero. */
function clean(x: number): number {
  return Math.abs(x) < 1e-12 ? 0 : x;
}

/** The balance law's gains [L→L, R→L, L→R, R→R] for a pan position (see the module comment). */
export function balanceGains(pan: Pan): [Gain, Gain, Gain, Gain] {
  const x = Math.max(-1, Math.min(1, pan));
  const angle = ((x <= 0 ? x + 1 : x) * Math.PI) / 2;
  const gl = clean(Math.cos(angle));
  const gr = clean(Math.sin(angle));
  return x <= 0 ? [1, gl, 0, gr] : [gl, 0, gr, 1];
}

/** The panner's settings for a pan position in [−1, 1]. */
export function panSettings(pan: Pan): PanSettings {
  const x = Math.max(-1, Math.min(1, pan));
  const [ll, rl, lr, rr] = balanceGains(x);
  const [monoL, monoR] = panGains(x);
  // What the balance law gives a mono input (m, m), and what is missing to reach equal power. Both
  // corrections are ≤ 0, so a negative gain and a correction pan in [−1, 0] (balance law on (0, m):
  // outL = m·cos((p+1)π/2), outR = m·sin((p+1)π/2)) reach them.
  const cl = clean(monoL - ll - rl);
  const cr = clean(monoR - lr - rr);
  const size = Math.hypot(cl, cr);
  const correctionPan = size === 0 ? 0 : (2 / Math.PI) * Math.atan2(-cr, -cl) - 1;
  return { main: x, correctionPan, correctionGain: -size };
}

/** The panner as nodes: `source` in, stereo `output` out. */
export class StripPanner {
  /** Stereo output (sums the main and correction paths). */
  readonly output: IGainNode<AnyContext>;
  private readonly main: IStereoPannerNode<AnyContext>;
  private readonly speakers: IGainNode<AnyContext>;
  private readonly discrete: IGainNode<AnyContext>;
  private readonly correction: IStereoPannerNode<AnyContext>;

  constructor(
    ctx: AnyContext,
    private readonly source: AnyNode,
    pan: Pan,
  ) {
    const settings = panSettings(pan);
    this.main = ctx.createStereoPanner();
    this.main.pan.value = settings.main;
    this.speakers = ctx.createGain();
    this.discrete = ctx.createGain();
    for (const [node, interpretation] of [
      [this.speakers, 'speakers'],
      [this.discrete, 'discrete'],
    ] as const) {
      node.channelCount = 2;
      node.channelCountMode = 'explicit';
      node.channelInterpretation = interpretation;
    }
    this.speakers.gain.value = settings.correctionGain;
    this.discrete.gain.value = -settings.correctionGain;
    this.correction = ctx.createStereoPanner();
    this.correction.pan.value = settings.correctionPan;
    this.output = ctx.createGain();
    source.connect(this.main).connect(this.output);
    source.connect(this.speakers).connect(this.correction);
    source.connect(this.discrete).connect(this.correction);
    this.correction.connect(this.output);
  }

  /** Glides to a new pan position from `at` (~10 ms). */
  setPan(pan: Pan, at: Seconds): void {
    const settings = panSettings(pan);
    rampParam(this.main.pan, settings.main, at);
    rampParam(this.correction.pan, settings.correctionPan, at);
    rampParam(this.speakers.gain, settings.correctionGain, at);
    rampParam(this.discrete.gain, -settings.correctionGain, at);
  }

  /** Disconnects every node it made (and its taps on the source). */
  dispose(): void {
    for (const node of [this.main, this.speakers, this.discrete]) this.source.disconnect(node);
    for (const node of [this.main, this.speakers, this.discrete, this.correction, this.output])
      node.disconnect();
  }
}

/** What the strip knows about its source: mono, stereo, or not known (the signal then picks the law). */
export type SourceChannels = 1 | 2 | null;

/** The strip's pan stage as a path of its PathSwitcher (so a change of source layout crossfades). */
export interface PanPath extends StripPath {
  /** Glides to a new pan position from `at` (~10 ms). */
  setPan(pan: Pan, at: Seconds): void;
}

function clampPan(pan: Pan): Pan {
  return Math.max(-1, Math.min(1, pan));
}

/**
 * Builds the pan stage fed by `source`, ending in its own fade gain. A known layout needs one
 * StereoPannerNode: with channelCount 1 a mono source gets Web Audio's mono law, which is exactly
 * panGains (equal power); with channelCount 2 a stereo source gets the balance law. An unknown layout
 * gets the five-node StripPanner that lets the signal decide.
 */
export function createPanPath(ctx: AnyContext, source: AnyNode, pan: Pan, channels: SourceChannels): PanPath {
  if (channels === null) {
    const panner = new StripPanner(ctx, source, pan);
    return {
      fade: panner.output,
      setPan: (p, at) => panner.setPan(p, at),
      dispose: () => panner.dispose(),
    };
  }
  const node: IStereoPannerNode<AnyContext> = ctx.createStereoPanner();
  node.channelCount = channels;
  node.pan.value = clampPan(pan);
  const fade: IGainNode<AnyContext> = ctx.createGain();
  source.connect(node).connect(fade);
  return {
    fade,
    setPan: (p, at) => rampParam(node.pan, clampPan(p), at),
    dispose() {
      source.disconnect(node);
      node.disconnect();
      fade.disconnect();
    },
  };
}
