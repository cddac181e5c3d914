/** Small scoring helpers shared by the exercise kinds: every score is an integer 0 … 100. */

/** Rounds and clamps a raw score to an integer in [0, 100] (NaN counts as 0). */
export function clampScore(raw: number): number {
  if (Number.isNaN(raw)) return 0;
  return Math.min(100, Math.max(0, Math.round(raw)));
}

/**
 * Linear map of a distance to a score: 100 at `perfect` or less, 0 at `zero` or more, linear between,
 * rounded. Used by the curve-, trace- and fader-matching kinds.
 */
export function distanceScore(distance: number, perfect: number, zero: number): number {
  if (!(distance > perfect)) return Number.isNaN(distance) ? 0 : 100;
  if (distance >= zero) return 0;
  return clampScore((100 * (zero - distance)) / (zero - perfect));
}

/** Root mean square of a list (0 for an empty list). */
export function rms(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    sum += v * v;
  }
  return Math.sqrt(sum / values.length);
}

/** A finite number from an answer field, or `fallback` when it is missing, NaN or infinite. */
export function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Rounds to a multiple of `step` (and strips float noise such as 0.30000000000000004). */
export function roundTo(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(6));
}

/** Rounds a number for a result's details to 0.01 (never −0, so details survive a JSON round trip unchanged). */
export function roundDetail(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
