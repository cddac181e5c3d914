/**
 * Stereo width in mid-side terms: mid M = (L + R) / 2, side S = (L − R) / 2; a width w keeps M and scales
 * S by w (0 = mono, 1 = unchanged, 2 = twice the side). As a 2 × 2 matrix on (L, R):
 *   L' = a·L + b·R,  R' = b·L + a·R,  a = (1 + w) / 2,  b = (1 − w) / 2.
 * The mono button is width 0: both sides get (L + R) / 2.
 */
import type { Gain } from './units';

/** Stereo width as a factor on the side signal (0 = mono, 1 = unchanged, 2 = twice as wide). */
export type Width = number;

/** Widest setting the strips and master allow (200 %). */
export const MAX_WIDTH: Width = 2;

/** The width actually applied: `mono` forces 0; anything else is clamped to 0 … MAX_WIDTH (NaN counts as 1). */
export function effectiveWidth(width: Width, mono: boolean): Width {
  if (mono) return 0;
  if (!Number.isFinite(width)) return 1;
  return Math.max(0, Math.min(MAX_WIDTH, width));
}

/** The matrix gains [direct a, cross b] for a width (see the module comment). */
export function widthGains(width: Width): [Gain, Gain] {
  return [(1 + width) / 2, (1 - width) / 2];
}

/**
 * Applies a width to a stereo pair in float32, as the engine's gain nodes do (a·L then + b·R); width 1
 * returns the inputs themselves.
 */
export function applyWidth(
  left: Float32Array,
  right: Float32Array,
  width: Width,
): [Float32Array, Float32Array] {
  if (width === 1) return [left, right];
  const [a, b] = widthGains(width).map(Math.fround) as [number, number];
  const n = Math.min(left.length, right.length);
  const outL = new Float32Array(n);
  const outR = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const l = left[i] as number;
    const r = right[i] as number;
    outL[i] = Math.fround(a * l) + Math.fround(b * r);
    outR[i] = Math.fround(b * l) + Math.fround(a * r);
  }
  return [outL, outR];
}

/** Energy of the mid and side signals of a stereo pair (sums of squares). */
export function midSideEnergy(left: Float32Array, right: Float32Array): { mid: number; side: number } {
  let mid = 0;
  let side = 0;
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const l = left[i] as number;
    const r = right[i] as number;
    mid += ((l + r) / 2) ** 2;
    side += ((l - r) / 2) ** 2;
  }
  return { mid, side };
}

/** Side energy over mid energy in dB (−Infinity for mono, +Infinity for a pure side signal). */
export function sideToMidDb(left: Float32Array, right: Float32Array): number {
  const { mid, side } = midSideEnergy(left, right);
  if (side === 0) return Number.NEGATIVE_INFINITY;
  if (mid === 0) return Number.POSITIVE_INFINITY;
  return 10 * Math.log10(side / mid);
}

/** Width in percent for people ("100 %"). */
export function formatWidth(width: Width): string {
  return `${Math.round(width * 100)} %`;
}
