/** Small scoring helpers shared by the exercise kinds: every score is an integer 0 … 100. */
import type { CheckResult } from '../types';

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

/**
 * The control furthest off: the one that, set alone to the learner's value, moves the result the most
 * (`aloneDistance` returns null for a control the learner got exactly right). Null when none moves it.
 */
export function furthestOff<K>(
  controls: readonly K[],
  aloneDistance: (control: K) => number | null,
): K | null {
  let worst: K | null = null;
  let worstDistance = 0;
  for (const control of controls) {
    const d = aloneDistance(control);
    if (d !== null && d > worstDistance) {
      worst = control;
      worstDistance = d;
    }
  }
  return worst;
}

/**
 * A matching kind's result: the score, one sentence on how far off the learner is ("your curve is", "your gain
 * moves" as `subject`) plus the hint for the control furthest off, and the details the review shows.
 */
export function matchResult<K extends string>(
  score: number,
  distance: number,
  perfect: number,
  subject: string,
  worst: K | null,
  hint: string | null,
): CheckResult {
  const feedback =
    distance <= perfect
      ? `Spot on: your ${subject} within ${distance.toFixed(1)} dB of the reference.`
      : `Your ${subject} ${distance.toFixed(1)} dB (RMS) away from the reference.${hint ? ` ${hint}` : ''}`;
  return {
    score,
    feedback,
    correct: score >= 80,
    details: { distanceDb: roundDetail(distance), furthestOff: worst },
  };
}
