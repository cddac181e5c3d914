import { describe, expect, it } from 'vitest';
import { fft, hannWindow, ifft, isPowerOfTwo, powerSpectrum, spectrumBandPower } from '../../src/dsp/fft';
import { createRng } from '../../src/dsp/random';

function randomSignal(seed: number, length: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length }, () => rng.range(-1, 1));
}

function meanSquare(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * x[i]!;
  return sum / x.length;
}

function sum(x: Float64Array): number {
  return x.reduce((a, b) => a + b, 0);
}

describe('fft', () => {
  it('matches a direct DFT', () => {
    const n = 64;
    const xr = randomSignal(1, n);
    const xi = randomSignal(2, n);
    const re = xr.slice();
    const im = xi.slice();
    fft(re, im);
    for (let k = 0; k < n; k++) {
      let sr = 0;
      let si = 0;
      for (let t = 0; t < n; t++) {
        const a = (-2 * Math.PI * k * t) / n;
        sr += xr[t]! * Math.cos(a) - xi[t]! * Math.sin(a);
        si += xr[t]! * Math.sin(a) + xi[t]! * Math.cos(a);
      }
      expect(Math.abs(re[k]! - sr)).toBeLessThan(1e-10);
      expect(Math.abs(im[k]! - si)).toBeLessThan(1e-10);
    }
  });

  it('puts a complex exponential at bin m into bin m only, with magnitude N', () => {
    const n = 256;
    const m = 37;
    const re = Float64Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * m * t) / n));
    const im = Float64Array.from({ length: n }, (_, t) => Math.sin((2 * Math.PI * m * t) / n));
    fft(re, im);
    for (let k = 0; k < n; k++) expect(Math.hypot(re[k]!, im[k]!)).toBeCloseTo(k === m ? n : 0, 8);
  });

  it('ifft undoes fft', () => {
    const xr = randomSignal(3, 1024);
    const xi = randomSignal(4, 1024);
    const re = xr.slice();
    const im = xi.slice();
    fft(re, im);
    ifft(re, im);
    for (let i = 0; i < xr.length; i++) {
      expect(Math.abs(re[i]! - xr[i]!)).toBeLessThan(1e-12);
      expect(Math.abs(im[i]! - xi[i]!)).toBeLessThan(1e-12);
    }
  });

  it('handles size 1 and 2 and rejects other lengths', () => {
    const one = [new Float64Array([3]), new Float64Array([4])] as const;
    fft(one[0], one[1]);
    expect([one[0][0], one[1][0]]).toEqual([3, 4]);
    const re = new Float64Array([1, 2]);
    const im = new Float64Array(2);
    fft(re, im);
    expect([...re]).toEqual([3, -1]);
    expect(() => fft(new Float64Array(6), new Float64Array(6))).toThrow(RangeError);
    expect(() => fft(new Float64Array(8), new Float64Array(4))).toThrow(RangeError);
    expect(isPowerOfTwo(4096)).toBe(true);
    expect(isPowerOfTwo(0)).toBe(false);
    expect(isPowerOfTwo(12)).toBe(false);
  });
});

describe('powerSpectrum', () => {
  it('puts a bin-centred sine into its bin: 2/3 there and 1/6 in each neighbour (Hann), A²/2 in total', () => {
    const sr = 8000;
    const size = 512;
    const bin = 40;
    const f = (bin * sr) / size;
    const a = 0.5;
    const x = Float32Array.from({ length: 4000 }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / sr));
    const { frequencies, power } = powerSpectrum(x, sr, { size, window: 'hann' });
    expect(frequencies.length).toBe(size / 2 + 1);
    expect(frequencies[bin]).toBe(f);
    expect(frequencies[size / 2]).toBe(sr / 2);
    const total = (a * a) / 2;
    expect(power[bin]! / total).toBeCloseTo(2 / 3, 3);
    expect(power[bin - 1]! / total).toBeCloseTo(1 / 6, 3);
    expect(power[bin + 1]! / total).toBeCloseTo(1 / 6, 3);
    expect(sum(power) / total).toBeCloseTo(1, 3);
    expect(spectrumBandPower({ frequencies, power }, f - 100, f + 100) / total).toBeCloseTo(1, 3);
  });

  it('finds an off-bin sine at the nearest bin', () => {
    const sr = 44_100;
    const x = Float32Array.from({ length: 44_100 }, (_, i) => Math.sin((2 * Math.PI * 1234.5 * i) / sr));
    const { frequencies, power } = powerSpectrum(x, sr, { size: 4096 });
    const peak = power.indexOf(Math.max(...power));
    expect(Math.abs(frequencies[peak]! - 1234.5)).toBeLessThan(sr / 4096 / 2);
  });

  it('keeps Parseval: the bins sum to the mean square of noise within 1 %', () => {
    const sr = 16_000;
    for (const [length, size] of [
      [16_000, 1024],
      [40_000, 4096],
      [5001, 256],
    ] as const) {
      const x = Float32Array.from(randomSignal(length, length));
      const { power } = powerSpectrum(x, sr, { size, window: 'hann' });
      expect(Math.abs(sum(power) / meanSquare(x) - 1)).toBeLessThan(0.01);
    }
  });

  it('keeps Parseval for a steady signal shorter than one frame (one stretched, zero-padded frame)', () => {
    const sr = 16_000;
    const x = Float32Array.from(
      { length: 3000 },
      (_, i) =>
        0.5 * Math.sin((2 * Math.PI * 440 * i) / sr) + 0.3 * Math.sin((2 * Math.PI * 2500 * i) / sr + 1),
    );
    const { power } = powerSpectrum(x, sr, { size: 4096, window: 'hann' });
    expect(Math.abs(sum(power) / meanSquare(x) - 1)).toBeLessThan(0.01);
  });

  it('band sums split the mean square of two tones between their bands', () => {
    const sr = 16_000;
    const x = Float32Array.from(
      { length: 16_000 },
      (_, i) => 0.6 * Math.sin((2 * Math.PI * 300 * i) / sr) + 0.2 * Math.sin((2 * Math.PI * 3000 * i) / sr),
    );
    const s = powerSpectrum(x, sr, { size: 2048, overlap: 0.75 });
    expect(spectrumBandPower(s, 200, 400)).toBeCloseTo(0.18, 3);
    expect(spectrumBandPower(s, 2800, 3200)).toBeCloseTo(0.02, 3);
    expect(spectrumBandPower(s, 600, 2500)).toBeLessThan(1e-6);
    expect(spectrumBandPower(s, 400, 200)).toBe(0);
  });

  it('spectrumBandPower over adjacent ranges tiles the spectrum exactly, sharing straddling bins', () => {
    const sr = 8000;
    const x = Float32Array.from(randomSignal(9, 8000));
    const s = powerSpectrum(x, sr, { size: 512 });
    const rng = createRng(10);
    const edges = [0, ...Array.from({ length: 20 }, () => rng.range(1, 3999)).sort((a, b) => a - b), 4000];
    let tiled = 0;
    for (let i = 1; i < edges.length; i++) tiled += spectrumBandPower(s, edges[i - 1]!, edges[i]!);
    expect(tiled / sum(s.power)).toBeCloseTo(1, 12);
    // Half of a bin's width takes half of its power.
    const df = sr / 512;
    expect(spectrumBandPower(s, 10 * df, 10.5 * df)).toBeCloseTo(s.power[10]! / 2, 15);
  });

  it('returns zeros for an empty signal and rejects bad options', () => {
    const { power } = powerSpectrum(new Float32Array(0), 8000, { size: 64 });
    expect(sum(power)).toBe(0);
    expect(() => powerSpectrum(new Float32Array(10), 8000, { size: 100 })).toThrow(RangeError);
    expect(() => powerSpectrum(new Float32Array(10), 8000, { size: 64, overlap: 1 })).toThrow(RangeError);
  });
});

describe('hannWindow', () => {
  it('is periodic: overlapping halves sum to 1', () => {
    const w = hannWindow(16);
    expect(w[0]).toBe(0);
    for (let i = 0; i < 8; i++) expect(w[i]! + w[i + 8]!).toBeCloseTo(1, 12);
  });
});
