import { describe, expect, it } from 'vitest';
import {
  applyBiquad,
  type BiquadCoefficients,
  biquadCoefficients,
  biquadMagnitudeDb,
  cascadeMagnitudeDb,
  emptyBiquadState,
  webAudioQ,
} from '../../src/dsp/biquad';
import { createRng } from '../../src/dsp/random';

const SR = 48_000;

function sine(frequency: number, seconds: number, sampleRate: number, amplitude = 1): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++)
    out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
}

function rms(x: Float32Array, from = 0): number {
  let sum = 0;
  for (let i = from; i < x.length; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum / (x.length - from));
}

describe('biquadCoefficients + biquadMagnitudeDb', () => {
  it('peaking: the response at the centre equals the gain for many f/Q/gain', () => {
    for (const f of [40, 250, 1000, 5000, 15_000]) {
      for (const q of [0.3, Math.SQRT1_2, 1.4, 4, 10]) {
        for (const g of [-15, -6, -1, 0, 2.5, 12]) {
          const c = biquadCoefficients('peaking', f, q, g, SR);
          expect(Math.abs(biquadMagnitudeDb(c, f, SR) - g)).toBeLessThan(0.01);
        }
      }
    }
  });

  it('peaking: far from the centre the response is ~0 dB', () => {
    const c = biquadCoefficients('peaking', 1000, 2, 9, SR);
    expect(Math.abs(biquadMagnitudeDb(c, 20, SR))).toBeLessThan(0.05);
    expect(Math.abs(biquadMagnitudeDb(c, 20_000, SR))).toBeLessThan(0.1);
    // Half-gain points of an RBJ peak sit at the bandwidth edges; one octave away it is well below the peak.
    expect(biquadMagnitudeDb(c, 2000, SR)).toBeLessThan(4.5);
  });

  it('lowshelf: DC gets the gain, Nyquist stays at 0 dB, the corner gets half the gain (S = 1)', () => {
    for (const g of [-12, -3, 6, 15]) {
      const c = biquadCoefficients('lowshelf', 200, 7 /* ignored */, g, SR);
      expect(biquadMagnitudeDb(c, 0, SR)).toBeCloseTo(g, 6);
      expect(biquadMagnitudeDb(c, SR / 2, SR)).toBeCloseTo(0, 6);
      expect(biquadMagnitudeDb(c, 200, SR)).toBeCloseTo(g / 2, 2);
    }
  });

  it('highshelf: the reverse of lowshelf', () => {
    for (const g of [-12, -3, 6, 15]) {
      const c = biquadCoefficients('highshelf', 5000, 0.1, g, SR);
      expect(biquadMagnitudeDb(c, 0, SR)).toBeCloseTo(0, 6);
      expect(biquadMagnitudeDb(c, SR / 2, SR)).toBeCloseTo(g, 6);
      expect(biquadMagnitudeDb(c, 5000, SR)).toBeCloseTo(g / 2, 2);
    }
  });

  it('shelves ignore q', () => {
    expect(biquadCoefficients('lowshelf', 300, 0.5, 6, SR)).toEqual(
      biquadCoefficients('lowshelf', 300, 8, 6, SR),
    );
  });

  it('lowpass/highpass: the response at the cutoff is 20·log10(Q) (Q = 0.7071 gives −3.01 dB)', () => {
    expect(biquadMagnitudeDb(biquadCoefficients('lowpass', 1000, Math.SQRT1_2, 0, SR), 1000, SR)).toBeCloseTo(
      -3.0103,
      3,
    );
    for (const type of ['lowpass', 'highpass'] as const) {
      for (const f of [50, 1000, 12_000]) {
        for (const q of [0.5, Math.SQRT1_2, 1, 3]) {
          const c = biquadCoefficients(type, f, q, 99 /* ignored */, SR);
          expect(biquadMagnitudeDb(c, f, SR)).toBeCloseTo(20 * Math.log10(q), 4);
        }
      }
    }
  });

  it('lowpass passes DC and kills Nyquist; highpass the reverse', () => {
    const lp = biquadCoefficients('lowpass', 2000, Math.SQRT1_2, 0, SR);
    const hp = biquadCoefficients('highpass', 2000, Math.SQRT1_2, 0, SR);
    expect(biquadMagnitudeDb(lp, 0, SR)).toBeCloseTo(0, 9);
    expect(biquadMagnitudeDb(hp, SR / 2, SR)).toBeCloseTo(0, 9);
    expect(biquadMagnitudeDb(lp, SR / 2, SR)).toBeLessThan(-150);
    expect(biquadMagnitudeDb(hp, 0, SR)).toBeLessThan(-150);
    // 12 dB/octave well above the cutoff.
    const a = biquadMagnitudeDb(lp, 8000, SR);
    const b = biquadMagnitudeDb(lp, 16_000, SR);
    expect(a - b).toBeGreaterThan(11);
  });

  it('clamps the frequency to [0, Nyquist] with the Web Audio limiting cases', () => {
    expect(biquadCoefficients('lowpass', 30_000, 1, 0, SR)).toEqual({ b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 });
    expect(biquadCoefficients('highpass', -5, 1, 0, SR)).toEqual({ b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 });
    expect(biquadCoefficients('lowpass', 0, 1, 0, SR).b0).toBe(0);
    expect(biquadCoefficients('lowshelf', SR, 1, 6, SR).b0).toBeCloseTo(10 ** (6 / 20), 12);
    expect(biquadCoefficients('highshelf', 0, 1, 6, SR).b0).toBeCloseTo(10 ** (6 / 20), 12);
    expect(biquadCoefficients('peaking', 24_000, 1, 6, SR).b0).toBe(1);
    // Just inside the range the filters stay stable (|a2| < 1).
    for (const type of ['lowpass', 'highpass', 'peaking', 'lowshelf', 'highshelf'] as const) {
      for (const f of [0.01, 23_999.9]) {
        const c = biquadCoefficients(type, f, 0.7, 6, SR);
        expect(Math.abs(c.a2)).toBeLessThan(1);
        expect(Number.isFinite(c.b0 + c.b1 + c.b2 + c.a1)).toBe(true);
      }
    }
  });

  it('cascadeMagnitudeDb sums the dB responses', () => {
    const list: BiquadCoefficients[] = [
      biquadCoefficients('peaking', 1000, 1, 6, SR),
      biquadCoefficients('peaking', 1000, 1, 3, SR),
      biquadCoefficients('highpass', 20, Math.SQRT1_2, 0, SR),
    ];
    expect(cascadeMagnitudeDb(list, 1000, SR)).toBeCloseTo(9, 2);
    expect(cascadeMagnitudeDb([], 1000, SR)).toBe(0);
  });
});

describe('webAudioQ', () => {
  it('converts to dB for lowpass/highpass and passes peaking/shelf Q through', () => {
    expect(webAudioQ('lowpass', Math.SQRT1_2)).toBeCloseTo(-3.0103, 4);
    expect(webAudioQ('highpass', 1)).toBe(0);
    expect(webAudioQ('highpass', 10)).toBeCloseTo(20, 12);
    expect(webAudioQ('peaking', 1.4)).toBe(1.4);
    expect(webAudioQ('lowshelf', 0.5)).toBe(0.5);
  });
});

describe('applyBiquad', () => {
  it('a peaking filter changes the RMS of a sine at its centre by the gain (steady state)', () => {
    const sr = 16_000;
    for (const g of [-9, 6]) {
      const x = sine(1000, 0.5, sr);
      const y = applyBiquad(x, biquadCoefficients('peaking', 1000, 2, g, sr));
      const skip = sr / 10; // let the transient die out
      const change = 20 * Math.log10(rms(y, skip) / rms(x, skip));
      expect(change).toBeCloseTo(g, 2);
    }
  });

  it('a lowpass leaves a sine far below the cutoff alone and removes one far above', () => {
    const sr = 16_000;
    const c = biquadCoefficients('lowpass', 500, Math.SQRT1_2, 0, sr);
    expect(20 * Math.log10(rms(applyBiquad(sine(50, 0.5, sr), c), 4000) / Math.SQRT1_2)).toBeCloseTo(0, 2);
    expect(20 * Math.log10(rms(applyBiquad(sine(5000, 0.5, sr), c), 4000) / Math.SQRT1_2)).toBeLessThan(-38);
  });

  it('block-by-block processing with a state equals one pass exactly', () => {
    const rng = createRng(11);
    const x = new Float32Array(5000);
    for (let i = 0; i < x.length; i++) x[i] = rng.range(-1, 1);
    const c = biquadCoefficients('peaking', 700, 3, 8, 44_100);
    const whole = applyBiquad(x, c);
    const state = emptyBiquadState();
    const parts: Float32Array[] = [];
    for (const [from, to] of [
      [0, 1],
      [1, 128],
      [128, 1000],
      [1000, 1000],
      [1000, 5000],
    ] as const) {
      parts.push(applyBiquad(x.subarray(from, to), c, state));
    }
    const joined = new Float32Array(x.length);
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    expect(joined).toEqual(whole);
    expect(whole).not.toEqual(x);
  });

  it('does not modify its input and returns a new array', () => {
    const x = sine(100, 0.01, SR);
    const copy = x.slice();
    const y = applyBiquad(x, biquadCoefficients('highpass', 1000, 1, 0, SR));
    expect(x).toEqual(copy);
    expect(y).not.toBe(x);
  });
});
