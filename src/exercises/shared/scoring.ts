/** Small scoring helpers shared by the exercise kinds: every score is an integer 0 … 100. */
/** Rounds and clamps a raw score to an integer in [0, 100] (NaN counts as 0). */
export function clampScore(raw: number): number {
  if (Number.isNaN(raw)) return 0;
  return Math.min(100, Math.max(0, Math.round(raw)));
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
