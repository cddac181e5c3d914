import type { Seconds } from '../dsp/units';
import { RAMP_SETTLE, RAMP_TAU } from './strip-ramp';

/**
 * A setting that moves the way rampParam moves an AudioParam (strip-ramp.ts): from time `start` an
 * exponential approach to `target` (τ = RAMP_TAU), pinned to the exact target RAMP_SETTLE later. For the
 * compressor bank's per-strip settings, which live in the worklet instead of in AudioParams. Plain data, so
 * the worklet and Node tests share it.
 */
export interface Glide {
  /** Value at `start` (what the setting was doing then). */
  from: number;
  target: number;
  start: Seconds;
  /** What the setting did before `start` (undefined: it held `from`). */
  before: Glide | undefined;
}

/** A setting that holds `value`. */
export function steadyGlide(value: number): Glide {
  return { from: value, target: value, start: 0, before: undefined };
}

/** The setting's value at time `t`. */
export function glideValue(g: Glide, t: Seconds): number {
  if (t < g.start) return g.before ? glideValue(g.before, t) : g.from;
  if (t >= g.start + RAMP_SETTLE) return g.target;
  return g.target + (g.from - g.target) * Math.exp(-(t - g.start) / RAMP_TAU);
}

/** Whether the setting holds one value from `t` on (so a block from `t` needs no per-sample values). */
export function glideSettled(g: Glide, t: Seconds): boolean {
  return t >= g.start + RAMP_SETTLE || (g.from === g.target && !g.before);
}

/** The setting moving to `target` from `at`, continuous from wherever it is then (rampParam's move). */
export function glideTo(g: Glide, target: number, at: Seconds): Glide {
  // What happened before `at` still counts for blocks before it; older moves that ended by then do not.
  const before = g.start + RAMP_SETTLE <= at && !g.before ? undefined : g;
  return { from: glideValue(g, at), target, start: at, before };
}
