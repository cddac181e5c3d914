import { describe, expect, it } from 'vitest';
import {
  findFirstSound,
  isSilent,
  measureChannelBalanceDb,
  measureCorrelation,
  measureMaxStep,
  measureRmsDbInWindow,
} from '../../src/dsp/measure';

function sine(frequency: number, sampleRate: number, length: number, amplitude = 1, phase = 0): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate + phase);
  }
  return out;
}

describe('measureRmsDbInWindow', () => {
  const fs = 8000;
  // 0.5 s of silence, then 0.5 s of a 100 Hz sine at half scale (whole cycles in every window below).
  const signal = new Float32Array(fs);
  signal.set(sine(100, fs, fs / 2, 0.5), fs / 2);
  const sineDb = 20 * Math.log10(0.5 / Math.SQRT2); // −9.03

  it('reads the sine alone, the silence alone, and half of each', () => {
    expect(measureRmsDbInWindow(signal, fs, 0.5, 1)).toBeCloseTo(sineDb, 4);
    expect(measureRmsDbInWindow(signal, fs, 0, 0.5)).toBe(Number.NEGATIVE_INFINITY);
    expect(measureRmsDbInWindow(signal, fs, 0.25, 0.75)).toBeCloseTo(sineDb - 10 * Math.log10(2), 4);
  });

  it('gives −Infinity for an empty or out-of-range window', () => {
    expect(measureRmsDbInWindow(signal, fs, 0.7, 0.7)).toBe(Number.NEGATIVE_INFINITY);
    expect(measureRmsDbInWindow(signal, fs, 2, 3)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('findFirstSound', () => {
  const x = new Float32Array(5000);
  x[1234] = 0.01; // −40 dBFS
  x[3000] = -0.1; // −20 dBFS

  it('finds the first sample above the threshold', () => {
    expect(findFirstSound(x)).toBe(1234);
    expect(findFirstSound(x, -30)).toBe(3000);
    expect(findFirstSound(x, -10)).toBe(-1);
  });

  it('needs a sample strictly above the threshold', () => {
    const edge = new Float32Array([0, 0.5, 0.6]);
    expect(findFirstSound(edge, 20 * Math.log10(0.5))).toBe(2);
    expect(findFirstSound(new Float32Array(10))).toBe(-1);
  });
});

describe('isSilent', () => {
  it('compares the peak with the threshold', () => {
    expect(isSilent(new Float32Array(100))).toBe(true);
    expect(isSilent(new Float32Array(0))).toBe(true);
    expect(isSilent(new Float32Array([0, 1e-5, -1e-5]))).toBe(true); // −100 dBFS
    expect(isSilent(new Float32Array([0, -1e-4]))).toBe(false); // −80 dBFS
    expect(isSilent(new Float32Array([0, -1e-4]), -70)).toBe(true);
  });
});

describe('measureMaxStep', () => {
  it('finds a step and respects the range', () => {
    const x = new Float32Array(20);
    x.fill(0.25, 10);
    expect(measureMaxStep(x)).toBe(0.25);
    expect(measureMaxStep(x, 10)).toBe(0); // the step from 9 to 10 is outside [10, end)
    expect(measureMaxStep(x, 0, 10)).toBe(0);
    expect(measureMaxStep(x, 9, 11)).toBe(0.25);
    expect(measureMaxStep(new Float32Array([0.5]))).toBe(0);
  });

  it("matches a sine's analytic largest step, 2A·sin(πf/fs), when a zero crossing falls mid-sample", () => {
    const fs = 48000;
    const s = sine(1000, fs, 4800, 0.8, Math.PI / 48); // half a sample of phase
    expect(measureMaxStep(s)).toBeCloseTo(2 * 0.8 * Math.sin(Math.PI / 48), 5);
  });
});

describe('measureCorrelation', () => {
  const fs = 8000;
  const a = sine(200, fs, 800);

  it('is +1 for the same shape, −1 inverted, 0 for quadrature', () => {
    expect(measureCorrelation(a, a)).toBeCloseTo(1, 9);
    expect(
      measureCorrelation(
        a,
        a.map((v) => 0.3 * v),
      ),
    ).toBeCloseTo(1, 6);
    expect(
      measureCorrelation(
        a,
        a.map((v) => -v),
      ),
    ).toBeCloseTo(-1, 9);
    expect(measureCorrelation(a, sine(200, fs, 800, 1, Math.PI / 2))).toBeCloseTo(0, 6);
  });

  it('is cos(φ) for two sines φ apart, and 0 if either side is silent', () => {
    expect(measureCorrelation(a, sine(200, fs, 800, 0.5, Math.PI / 3))).toBeCloseTo(0.5, 5);
    expect(measureCorrelation(a, new Float32Array(800))).toBe(0);
  });
});

describe('measureChannelBalanceDb', () => {
  const a = sine(200, 8000, 800);
  const scaled = (g: number) => a.map((v) => g * v);

  it('is 20·log10(rmsR / rmsL)', () => {
    expect(measureChannelBalanceDb(a, a)).toBeCloseTo(0, 9);
    expect(measureChannelBalanceDb(a, scaled(0.5))).toBeCloseTo(-6.0206, 3);
    // Equal-power pan at +0.5: gains cos(3π/8) and sin(3π/8), right louder by 7.66 dB.
    const [l, r] = [Math.cos((3 * Math.PI) / 8), Math.sin((3 * Math.PI) / 8)];
    expect(measureChannelBalanceDb(scaled(l), scaled(r))).toBeCloseTo(20 * Math.log10(r / l), 4);
  });

  it('handles silent sides', () => {
    const silence = new Float32Array(800);
    expect(measureChannelBalanceDb(silence, a)).toBe(Number.POSITIVE_INFINITY);
    expect(measureChannelBalanceDb(a, silence)).toBe(Number.NEGATIVE_INFINITY);
    expect(measureChannelBalanceDb(silence, silence)).toBe(0);
  });
});
