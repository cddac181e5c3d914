import { describe, expect, it } from 'vitest';
import { onePoleCoefficient, Svf } from '../../../src/production/synth/filters';

const RATE = 48000;

function gainDb(filter: (x: number) => number, frequency: number): number {
  const n = RATE;
  let inPower = 0;
  let outPower = 0;
  for (let i = 0; i < n; i++) {
    const x = Math.sin((2 * Math.PI * frequency * i) / RATE);
    const y = filter(x);
    if (i > n / 2) {
      inPower += x * x;
      outPower += y * y;
    }
  }
  return 10 * Math.log10(outPower / inPower);
}

describe('Svf', () => {
  it('low-passes at 12 dB/octave: flat well below, −3 dB at cutoff (Q 0.707), −24 dB two octaves up', () => {
    const make = () => new Svf(1000, Math.SQRT1_2, RATE);
    const at = (f: number) => {
      const s = make();
      return gainDb((x) => s.lowpass(x), f);
    };
    expect(at(100)).toBeCloseTo(0, 1);
    expect(at(1000)).toBeCloseTo(-3, 0);
    expect(at(4000)).toBeGreaterThan(-26);
    expect(at(4000)).toBeLessThan(-22);
  });

  it('band-passes with unity gain at the centre', () => {
    const s = new Svf(2000, 5, RATE);
    expect(gainDb((x) => s.bandpass(x), 2000)).toBeCloseTo(0, 1);
    const t = new Svf(2000, 5, RATE);
    expect(gainDb((x) => t.bandpass(x), 500)).toBeLessThan(-20);
  });

  it('high-passes: silent-ish two octaves below, flat above', () => {
    const s = new Svf(4000, Math.SQRT1_2, RATE);
    expect(gainDb((x) => s.highpass(x), 1000)).toBeLessThan(-22);
    const t = new Svf(4000, Math.SQRT1_2, RATE);
    expect(gainDb((x) => t.highpass(x), 16000)).toBeCloseTo(0, 0);
  });

  it('keeps its cutoff below 0.45 × the sample rate (stable for any request)', () => {
    const s = new Svf(1e6, 10, RATE);
    let y = 0;
    for (let i = 0; i < 1000; i++) y = s.lowpass(i % 2 ? 1 : -1);
    expect(Number.isFinite(y)).toBe(true);
    expect(Math.abs(y)).toBeLessThan(100);
  });
});

describe('onePoleCoefficient', () => {
  it('gives a one-pole low-pass whose −3 dB point is near the cutoff', () => {
    const c = onePoleCoefficient(500, RATE);
    let y = 0;
    const db = gainDb((x) => (y += c * (x - y)), 500);
    expect(db).toBeCloseTo(-3, 0);
  });
});
