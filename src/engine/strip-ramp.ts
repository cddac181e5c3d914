import type { Seconds } from '../dsp/units';
import type { AnyParam } from './types';

/** Time constant of every parameter move: 95 % of the way in 10 ms. */
export const RAMP_TAU: Seconds = 0.01 / 3;

/** After this long a ramp snaps to its exact target (the remaining step is e^−10 ≈ −87 dB of the move). */
export const RAMP_SETTLE: Seconds = 10 * RAMP_TAU;

/**
 * Moves `param` to `value` from time `at` with an exponential approach (setTargetAtTime), then pins the
 * exact value once settled, so a gain of 1 ends bit-transparent. Continuous from whatever the param is
 * doing at `at`: no zipper noise, no click.
 */
export function rampParam(param: AnyParam, value: number, at: Seconds): void {
  param.cancelScheduledValues(at);
  param.setTargetAtTime(value, at, RAMP_TAU);
  param.setValueAtTime(value, at + RAMP_SETTLE);
}
