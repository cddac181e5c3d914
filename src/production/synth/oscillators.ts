/** Oscillator building blocks: pitch maths and polyBLEP band-limited saw and pulse waves. */
import type { Hz } from '../../dsp/units';

/** Frequency of a MIDI note (A4 = 69 = 440 Hz). */
export function midiToHz(note: number): Hz {
  return 440 * 2 ** ((note - 69) / 12);
}

/** Frequency ratio of a small pitch offset in semitones (second-order approximation, exact to 0.01 cent for |s| < 0.5). */
export function semitoneRatio(semitones: number): number {
  return 1 + semitones * (0.057762265 + semitones * 0.001668239);
}

/**
 * PolyBLEP residual at phase `t` (0..1) for phase increment `dt`: subtracted from a naive saw (or added
 * at each edge of a pulse) it rounds off the step and removes most of the aliasing.
 */
export function polyBlep(t: number, dt: number): number {
  if (t < dt) {
    const x = t / dt;
    return x + x - x * x - 1;
  }
  if (t > 1 - dt) {
    const x = (t - 1) / dt;
    return x * x + x + x + 1;
  }
  return 0;
}

/** One sample of a band-limited rising saw (−1..1) at phase `t` with increment `dt`. */
export function sawSample(t: number, dt: number): number {
  return 2 * t - 1 - polyBlep(t, dt);
}

/** One sample of a band-limited pulse (±1, mean 2·width − 1) with duty cycle `width` at phase `t`, increment `dt`. */
export function pulseSample(t: number, dt: number, width: number): number {
  let t2 = t + 1 - width;
  if (t2 >= 1) t2 -= 1;
  return (t < width ? 1 : -1) + polyBlep(t, dt) - polyBlep(t2, dt);
}

const SINE_SIZE = 4096;
const SINE = new Float64Array(SINE_SIZE + 1);
for (let i = 0; i <= SINE_SIZE; i++) SINE[i] = Math.sin((2 * Math.PI * i) / SINE_SIZE);

/** sin(2π·cycles) from a 4096-point table with linear interpolation (error < 3e-7); `cycles` may be any real. */
export function sineCycles(cycles: number): number {
  const x = (cycles - Math.floor(cycles)) * SINE_SIZE;
  const i = x | 0;
  const a = SINE[i] as number;
  return a + (x - i) * ((SINE[i + 1] as number) - a);
}

/** A cheap soft clipper close to tanh (rational approximation, exact ±1 beyond |x| = 3). */
export function softClip(x: number): number {
  if (x <= -3) return -1;
  if (x >= 3) return 1;
  const x2 = x * x;
  return (x * (27 + x2)) / (27 + 9 * x2);
}
