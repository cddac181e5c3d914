import { describe, expect, it } from 'vitest';
import {
  midiToHz,
  pulseSample,
  sawSample,
  semitoneRatio,
  sineCycles,
  softClip,
} from '../../../src/production/synth/oscillators';
import { powerSpectrum } from '../spectrum-helpers';

const RATE = 48000;

/** Share of energy (dB) that is not within ±2 bins of a harmonic of f0: aliasing. */
function aliasDb(x: Float32Array, f0: number): number {
  const size = 8192;
  const p = powerSpectrum(x, size);
  let alias = 0;
  let total = 0;
  p.forEach((v, k) => {
    const f = (k * RATE) / size;
    total += v;
    const nearest = Math.round(f / f0) * f0;
    if (Math.abs(f - nearest) > (2.5 * RATE) / size) alias += v;
  });
  return 10 * Math.log10(alias / total);
}

describe('oscillators', () => {
  it('tunes MIDI notes: A4 = 440 Hz, an octave doubles', () => {
    expect(midiToHz(69)).toBe(440);
    expect(midiToHz(81)).toBeCloseTo(880, 9);
    expect(midiToHz(60)).toBeCloseTo(261.6256, 3);
  });

  it('approximates small pitch ratios to within 0.01 cent', () => {
    for (const s of [-0.5, -0.2, 0.1, 0.3, 0.5]) {
      const cents = 1200 * Math.log2(semitoneRatio(s)) - 100 * s;
      expect(Math.abs(cents)).toBeLessThan(0.01);
    }
  });

  it('reads sines from its table to better than 1e-6', () => {
    for (let i = 0; i < 1000; i++) {
      const c = i * 0.01234 - 3;
      expect(Math.abs(sineCycles(c) - Math.sin(2 * Math.PI * c))).toBeLessThan(1e-6);
    }
  });

  it('soft-clips like tanh: odd, bounded by 1, within 0.03 of tanh', () => {
    for (let x = -5; x <= 5; x += 0.05) {
      expect(Math.abs(softClip(x) - Math.tanh(x))).toBeLessThan(0.03);
      expect(softClip(-x)).toBeCloseTo(-softClip(x), 12);
      expect(Math.abs(softClip(x))).toBeLessThanOrEqual(1);
    }
  });

  it('aliases far less with polyBLEP than a naive saw (≥ 10 dB) at 2.5 kHz', () => {
    const f0 = 2500.3;
    const dt = f0 / RATE;
    const blep = new Float32Array(RATE / 2);
    const naive = new Float32Array(RATE / 2);
    let t = 0;
    for (let i = 0; i < blep.length; i++) {
      t += dt;
      if (t >= 1) t -= 1;
      blep[i] = sawSample(t, dt);
      naive[i] = 2 * t - 1;
    }
    expect(aliasDb(blep, f0)).toBeLessThan(aliasDb(naive, f0) - 10);
  });

  it('makes a pulse with the asked duty cycle (mean = 2·width − 1)', () => {
    const dt = 110 / RATE;
    let t = 0;
    let sum = 0;
    const n = RATE;
    for (let i = 0; i < n; i++) {
      t += dt;
      if (t >= 1) t -= 1;
      sum += pulseSample(t, dt, 0.25);
    }
    expect(sum / n).toBeCloseTo(-0.5, 2);
  });
});
