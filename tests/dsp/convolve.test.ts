import { describe, expect, it } from 'vitest';
import { convolveStereo } from '../../src/dsp/convolve';
import { createRng } from '../../src/dsp/random';

function direct(x: Float32Array, h: Float32Array, length: number): Float64Array {
  const y = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    let sum = 0;
    for (let k = 0; k <= n && k < h.length; k++)
      sum += (h[k] as number) * (n - k < x.length ? (x[n - k] as number) : 0);
    y[n] = sum;
  }
  return y;
}

function noise(seed: number, length: number): Float32Array {
  const rng = createRng(seed);
  return new Float32Array(length).map(() => rng.range(-1, 1));
}

describe('convolveStereo', () => {
  it('equals direct convolution, left with left and right with right', () => {
    const x = [noise(1, 700), noise(2, 700)];
    const h: [Float32Array, Float32Array] = [noise(3, 150), noise(4, 130)];
    const [yl, yr] = convolveStereo(x, h, 700);
    const el = direct(x[0]!, h[0], 700);
    const er = direct(x[1]!, h[1], 700);
    for (let n = 0; n < 700; n++) {
      expect(Math.abs((yl[n] as number) - (el[n] as number))).toBeLessThan(1e-5);
      expect(Math.abs((yr[n] as number) - (er[n] as number))).toBeLessThan(1e-5);
    }
  });

  it('is the same over many overlap-add blocks (a long input, a short IR)', () => {
    const x = [noise(10, 5000), noise(11, 4000)];
    const h: [Float32Array, Float32Array] = [noise(12, 100), noise(13, 60)];
    const [yl, yr] = convolveStereo(x, h, 5000);
    const el = direct(x[0]!, h[0], 5000);
    const er = direct(x[1]!, h[1], 5000);
    for (let n = 0; n < 5000; n++) {
      expect(Math.abs((yl[n] as number) - (el[n] as number))).toBeLessThan(1e-5);
      expect(Math.abs((yr[n] as number) - (er[n] as number))).toBeLessThan(1e-5);
    }
  });

  it('a unit impulse returns the impulse response; a mono input feeds both sides', () => {
    const x = new Float32Array(64);
    x[5] = 1;
    const h: [Float32Array, Float32Array] = [noise(5, 20), noise(6, 20)];
    const [yl, yr] = convolveStereo([x], h, 64);
    expect(Array.from(yl.subarray(0, 5))).toEqual([0, 0, 0, 0, 0].map(() => expect.closeTo(0, 6)));
    for (let k = 0; k < 20; k++) {
      expect(yl[5 + k]).toBeCloseTo(h[0][k] as number, 6);
      expect(yr[5 + k]).toBeCloseTo(h[1][k] as number, 6);
    }
    expect(Math.abs(yl[40] as number)).toBeLessThan(1e-6);
  });

  it('keeps only the first `length` samples (a longer IR or input is cut, not wrapped round)', () => {
    const x = noise(7, 300);
    const h: [Float32Array, Float32Array] = [noise(8, 500), noise(9, 500)];
    const [yl] = convolveStereo([x, x], h, 200);
    expect(yl.length).toBe(200);
    const el = direct(x, h[0], 200);
    for (let n = 0; n < 200; n++) expect(Math.abs((yl[n] as number) - (el[n] as number))).toBeLessThan(1e-5);
  });
});
