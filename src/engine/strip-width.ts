import type { IGainNode } from 'standardized-audio-context';
import { type Width, widthGains } from '../dsp/stereo-width';
import type { Seconds } from '../dsp/units';
import type { StripPath } from './strip-paths';
import { rampParam } from './strip-ramp';
import type { AnyContext, AnyNode } from './types';

/**
 * The width stage (dsp/stereo-width.ts) as nodes: a splitter, four gains (L→L and R→R at a = (1 + w) / 2,
 * R→L and L→R at b = (1 − w) / 2) and a merger. Width 1 is no stage at all (the path is just its fade), so a
 * strip or master at full width costs nothing; a change across 1 crossfades like any rewiring.
 */
export interface WidthPath extends StripPath {
  /** Whether the matrix is in the path (false: the path passes its source untouched). */
  readonly active: boolean;
  /** Glides the matrix to a new width from `at` (an active path only; 1 needs a new path). */
  setWidth(width: Width, at: Seconds): void;
}

/** Builds the width stage fed by `source` (stereo), ending in its own fade gain. */
export function createWidthPath(ctx: AnyContext, source: AnyNode, width: Width): WidthPath {
  const fade: IGainNode<AnyContext> = ctx.createGain();
  if (width === 1) {
    source.connect(fade);
    return {
      fade,
      active: false,
      setWidth: () => undefined,
      dispose() {
        source.disconnect(fade);
        fade.disconnect();
      },
    };
  }
  const splitter: AnyNode = ctx.createChannelSplitter(2);
  const merger: AnyNode = ctx.createChannelMerger(2);
  const [a, b] = widthGains(width);
  const gain = (value: number): IGainNode<AnyContext> => {
    const g = ctx.createGain();
    g.gain.value = value;
    return g;
  };
  const ll = gain(a);
  const rl = gain(b);
  const lr = gain(b);
  const rr = gain(a);
  source.connect(splitter);
  // Into each merger input, the direct channel first (the pure renderer adds in the same order).
  splitter.connect(ll, 0).connect(merger, 0, 0);
  splitter.connect(rl, 1).connect(merger, 0, 0);
  splitter.connect(lr, 0).connect(merger, 0, 1);
  splitter.connect(rr, 1).connect(merger, 0, 1);
  merger.connect(fade);
  return {
    fade,
    active: true,
    setWidth(next, at) {
      const [na, nb] = widthGains(next);
      rampParam(ll.gain, na, at);
      rampParam(rr.gain, na, at);
      rampParam(rl.gain, nb, at);
      rampParam(lr.gain, nb, at);
    },
    dispose() {
      source.disconnect(splitter);
      for (const node of [splitter, ll, rl, lr, rr, merger, fade]) node.disconnect();
    },
  };
}
