import { describe, expect, it } from 'vitest';
import { gainToDb } from '../../src/dsp/db';
import { measureRms } from '../../src/dsp/meters';
import { RESAMPLE_HALF_TAPS, resample, resampledLength } from '../../src/dsp/resample';

function sine(hz: number, rate: number, length: number, amp = 0.5): Float32Array {
  return Float32Array.from({ length }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Largest difference from the ideal sine at the output rate, away from the edges. */
function maxErrorVsSine(out: Float32Array, hz: number, rate: number, amp = 0.5): number {
  const edge = 4 * RESAMPLE_HALF_TAPS * 4;
  let worst = 0;
  for (let i = edge; i < out.length - edge; i++) {
    worst = Math.max(worst, Math.abs(out[i]! - amp * Math.sin((2 * Math.PI * hz * i) / rate)));
  }
  return worst;
}

const middle = (x: Float32Array) => x.subarray(x.length / 4, (3 * x.length) / 4);

describe('resample', () => {
  it('returns a copy at equal rates', () => {
    const x = sine(440, 48000, 100);
    const y = resample(x, 48000, 48000);
    expect(y).toEqual(x);
    expect(y).not.toBe(x);
  });
  it('gives round(n · to / from) samples', () => {
    expect(resampledLength(44100, 44100, 48000)).toBe(48000);
    expect(resample(new Float32Array(441), 44100, 48000).length).toBe(480);
    expect(resample(new Float32Array(1000), 96000, 48000).length).toBe(500);
    expect(resample(new Float32Array(999), 48000, 44100).length).toBe(918);
  });
  it('moves a 1 kHz sine from 44.1 to 48 kHz within 0.001 (−66 dB) of the ideal', () => {
    const out = resample(sine(1000, 44100, 8820), 44100, 48000);
    expect(maxErrorVsSine(out, 1000, 48000)).toBeLessThan(1e-3);
  });
  it('keeps a 15 kHz sine within 0.1 dB (passband) when going 44.1 → 48 kHz', () => {
    const out = resample(sine(15000, 44100, 8820), 44100, 48000);
    const level = gainToDb(measureRms(middle(out)) / (0.5 / Math.SQRT2));
    expect(Math.abs(level)).toBeLessThan(0.1);
    expect(maxErrorVsSine(out, 15000, 48000)).toBeLessThan(0.01);
  });
  it('works for a rate pair with many phases (47999 → 48000) and keeps DC at exactly its level', () => {
    const dc = resample(new Float32Array(4800).fill(0.5), 47999, 48000);
    for (const v of middle(dc)) expect(v).toBeCloseTo(0.5, 5);
    const out = resample(sine(2000, 47999, 4800), 47999, 48000);
    expect(maxErrorVsSine(out, 2000, 48000)).toBeLessThan(2e-3);
  });
  it('removes content above the new Nyquist frequency when downsampling (20 kHz, 48 → 22.05 kHz: > 70 dB down)', () => {
    const out = resample(sine(20000, 48000, 9600), 48000, 22050);
    expect(gainToDb(measureRms(middle(out)) / (0.5 / Math.SQRT2))).toBeLessThan(-70);
    const kept = resample(sine(5000, 48000, 9600), 48000, 22050);
    expect(maxErrorVsSine(kept, 5000, 22050)).toBeLessThan(1e-3);
  });
  it('adds no images when upsampling (8 kHz at 22.05 → 48 kHz stays one clean sine, no 14.05 kHz image)', () => {
    const out = resample(sine(8000, 22050, 4410), 22050, 48000);
    expect(maxErrorVsSine(out, 8000, 48000)).toBeLessThan(1e-3);
  });
  it('refuses rates that are not positive integers', () => {
    expect(() => resample(new Float32Array(4), 0, 48000)).toThrow(RangeError);
    expect(() => resample(new Float32Array(4), 44100.5, 48000)).toThrow(RangeError);
  });
});
