import { describe, expect, it } from 'vitest';
import { decimateByTwo } from '../../src/dsp/decimate';
import { measureRmsDb } from '../../src/dsp/meters';

const SR = 48000;

function sine(hz: number, n = SR): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin((2 * Math.PI * hz * i) / SR);
  return x;
}

/** Level change of a sine through the decimator, dB (edges left out). */
function gainDb(hz: number): number {
  const x = sine(hz);
  const y = decimateByTwo(x);
  return measureRmsDb(y, 200, y.length - 200) - measureRmsDb(x, 400, x.length - 400);
}

describe('decimateByTwo', () => {
  it('halves the length and keeps DC at exactly unity', () => {
    const y = decimateByTwo(new Float32Array(101).fill(0.25));
    expect(y).toHaveLength(51);
    expect(y[25]).toBeCloseTo(0.25, 6);
  });
  it('passes everything up to 10.6 kHz (at 48 → 24 kHz) within 0.1 dB', () => {
    for (const hz of [50, 1000, 5000, 8000, 10000, 10600])
      expect(Math.abs(gainDb(hz)), `${hz} Hz`).toBeLessThan(0.1);
  });
  it('lets nothing from 13.4 kHz up fold back: at least 55 dB down', () => {
    for (const hz of [13400, 15000, 18000, 22000]) expect(gainDb(hz), `${hz} Hz`).toBeLessThan(-55);
  });
  it('keeps a 1 kHz sine in place (no delay: the filter is centred)', () => {
    const x = sine(1000);
    const y = decimateByTwo(x);
    for (const m of [1000, 5000, 9000]) expect(y[m]).toBeCloseTo(x[2 * m]!, 3);
  });
});
