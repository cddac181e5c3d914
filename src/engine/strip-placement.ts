import type { Width } from '../dsp/stereo-width';
import type { Pan, Seconds } from '../dsp/units';
import { createPanPath, type SourceChannels } from './strip-pan';
import type { StripPath } from './strip-paths';
import { createWidthPath } from './strip-width';
import type { AnyContext, AnyNode } from './types';

/**
 * The strip's placement in the stereo field as one path: the pan stage (strip-pan.ts) and, when the width
 * is not 1, the width matrix after it (strip-width.ts). One path, so a strip at full width has no node for
 * its width at all, not even a fade or a junction: a change of layout, or of width across 1, builds a new
 * placement and crossfades to it (strip-paths.ts); pan and width moves within a placement glide.
 */
export interface PlacementPath extends StripPath {
  /** Whether the width matrix is in the path. */
  readonly widthActive: boolean;
  /** Glides to a new pan position from `at` (~10 ms). */
  setPan(pan: Pan, at: Seconds): void;
  /** Glides the width matrix from `at` (a path with the matrix only; 1 needs a new path). */
  setWidth(width: Width, at: Seconds): void;
}

/** Builds the placement fed by `source` (the fader): the pan for this layout, then the width unless it is 1. */
export function createPlacementPath(
  ctx: AnyContext,
  source: AnyNode,
  pan: Pan,
  channels: SourceChannels,
  width: Width,
): PlacementPath {
  const panPath = createPanPath(ctx, source, pan, channels);
  if (width === 1) {
    return {
      fade: panPath.fade,
      widthActive: false,
      setPan: (p, at) => panPath.setPan(p, at),
      setWidth: () => undefined,
      dispose: () => panPath.dispose(),
    };
  }
  const widthPath = createWidthPath(ctx, panPath.fade, width);
  return {
    fade: widthPath.fade,
    widthActive: true,
    setPan: (p, at) => panPath.setPan(p, at),
    setWidth: (w, at) => widthPath.setWidth(w, at),
    dispose() {
      widthPath.dispose();
      panPath.dispose();
    },
  };
}
