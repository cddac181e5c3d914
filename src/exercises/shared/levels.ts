/** Level lookup: level numbers are 1 … levels.length, anything else is clamped into range. */
import type { LevelSpec } from '../types';

/** Clamps a requested level (any number) to a valid 1-based level of `meta`. */
export function clampLevel(meta: { levels: readonly unknown[] }, level: number): number {
  const n = meta.levels.length;
  if (!Number.isFinite(level)) return 1;
  return Math.min(n, Math.max(1, Math.round(level)));
}

/** The spec of a (clamped) level. */
export function levelSpec<P>(meta: { levels: readonly LevelSpec<P>[] }, level: number): LevelSpec<P> {
  return meta.levels[clampLevel(meta, level) - 1] as LevelSpec<P>;
}

/** Clamps an adaptive value into [min, max]; NaN gives `min`. */
export function clampValue(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}
