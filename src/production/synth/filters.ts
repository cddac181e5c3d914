/** Filters for synthesis: a state-variable filter that can sweep cheaply, and a one-pole smoother. */
import type { Hz, SampleRate } from '../../dsp/units';

/**
 * Trapezoidal state-variable filter (topology-preserving transform): stable under fast cutoff changes,
 * so envelopes can sweep it. One call of lowpass/bandpass/highpass per sample advances the state.
 */
export class Svf {
  private ic1 = 0;
  private ic2 = 0;
  private a1 = 0;
  private a2 = 0;
  private a3 = 0;
  private k = 1;

  constructor(cutoff: Hz, q: number, sampleRate: SampleRate) {
    this.set(cutoff, q, sampleRate);
  }

  /** Retunes the filter; the cutoff is kept below 0.45 × the sample rate. */
  set(cutoff: Hz, q: number, sampleRate: SampleRate): void {
    const fc = Math.min(Math.max(cutoff, 10), 0.45 * sampleRate);
    const g = Math.tan((Math.PI * fc) / sampleRate);
    this.k = 1 / q;
    this.a1 = 1 / (1 + g * (g + this.k));
    this.a2 = g * this.a1;
    this.a3 = g * this.a2;
  }

  private v1 = 0;
  private v2 = 0;

  private tick(x: number): void {
    const v3 = x - this.ic2;
    const v1 = this.a1 * this.ic1 + this.a2 * v3;
    const v2 = this.ic2 + this.a2 * this.ic1 + this.a3 * v3;
    this.ic1 = 2 * v1 - this.ic1;
    this.ic2 = 2 * v2 - this.ic2;
    this.v1 = v1;
    this.v2 = v2;
  }

  /** Low-pass output (12 dB/octave). */
  lowpass(x: number): number {
    this.tick(x);
    return this.v2;
  }

  /** Band-pass output normalised to unity gain at the centre frequency. */
  bandpass(x: number): number {
    this.tick(x);
    return this.k * this.v1;
  }

  /** High-pass output (12 dB/octave). */
  highpass(x: number): number {
    this.tick(x);
    return x - this.k * this.v1 - this.v2;
  }
}

/** Coefficient of a one-pole low-pass at `cutoff` (y += c · (x − y)). */
export function onePoleCoefficient(cutoff: Hz, sampleRate: SampleRate): number {
  return 1 - Math.exp((-2 * Math.PI * Math.min(cutoff, 0.45 * sampleRate)) / sampleRate);
}
