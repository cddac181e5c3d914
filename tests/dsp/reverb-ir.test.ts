import { describe, expect, it } from 'vitest';
import { applyBiquad, biquadCoefficients } from '../../src/dsp/biquad';
import { createRng } from '../../src/dsp/random';
import {
  generateImpulseResponse,
  type ImpulseResponseOptions,
  impulseResponseLength,
} from '../../src/dsp/reverb-ir';

const SR = 24_000;
const base: ImpulseResponseOptions = {
  sampleRate: SR,
  decayS: 1.2,
  preDelayMs: 0,
  damping: 0,
  stereoWidth: 1,
};

/** RT60 by Schroeder backward integration: the −5 → −35 dB slope of the energy decay curve, times two. */
function schroederRt60(h: Float32Array, from: number, sampleRate: number): number {
  const edc = new Float64Array(h.length);
  let acc = 0;
  for (let i = h.length - 1; i >= from; i--) {
    acc += h[i]! * h[i]!;
    edc[i] = acc;
  }
  const total = edc[from]!;
  const crossing = (db: number): number => {
    const level = total * 10 ** (db / 10);
    for (let i = from; i < h.length; i++) if (edc[i]! <= level) return i;
    return h.length;
  };
  return (2 * (crossing(-35) - crossing(-5))) / sampleRate;
}

/** Early decay time: the 0 → −10 dB fall of the energy decay curve, times six. */
function earlyDecayTime(h: Float32Array, sampleRate: number): number {
  const total = energy(h);
  let acc = total;
  for (let i = 0; i < h.length; i++) {
    acc -= h[i]! * h[i]!;
    if (acc <= total / 10) return (6 * i) / sampleRate;
  }
  return (6 * h.length) / sampleRate;
}

function energy(x: Float32Array, start = 0, end = x.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += x[i]! * x[i]!;
  return sum;
}

/** Energy of the first difference over energy: 2 for white noise, lower for darker signals. */
function brightness(x: Float32Array, start: number, end: number): number {
  let diff = 0;
  for (let i = start + 1; i < end; i++) diff += (x[i]! - x[i - 1]!) ** 2;
  return diff / energy(x, start, end);
}

describe('generateImpulseResponse', () => {
  it('decays with the requested RT60 (Schroeder T30 within 10 %)', () => {
    for (const decayS of [0.4, 1.2, 3]) {
      const [l, r] = generateImpulseResponse(createRng(7), { ...base, decayS });
      for (const side of [l, r]) {
        expect(schroederRt60(side, 0, SR)).toBeGreaterThan(decayS * 0.9);
        expect(schroederRt60(side, 0, SR)).toBeLessThan(decayS * 1.1);
      }
    }
  });

  it('keeps the low-band RT60 when damping shortens the highs', () => {
    const [l] = generateImpulseResponse(createRng(3), { ...base, decayS: 2, damping: 0.8 });
    const low = applyBiquad(l, biquadCoefficients('lowpass', 400, Math.SQRT1_2, 0, SR));
    const rt = schroederRt60(low, 0, SR);
    expect(rt).toBeGreaterThan(1.8);
    expect(rt).toBeLessThan(2.2);
    // Broadband, the damped tail's early decay (0 → −10 dB, ×6) is faster than the undamped one's.
    const [plain] = generateImpulseResponse(createRng(3), { ...base, decayS: 2, damping: 0 });
    expect(earlyDecayTime(l, SR)).toBeLessThan(0.8 * earlyDecayTime(plain, SR));
  });

  it('starts after exactly preDelayMs of silence', () => {
    const [l, r] = generateImpulseResponse(createRng(1), { ...base, preDelayMs: 25 });
    const lead = Math.round(0.025 * SR);
    expect(energy(l, 0, lead)).toBe(0);
    expect(energy(r, 0, lead)).toBe(0);
    expect(Math.abs(l[lead]!) + Math.abs(r[lead]!)).toBeGreaterThan(0);
  });

  it('is trimmed to its audible decay (−80 dB) and fades to zero', () => {
    const opts = { ...base, decayS: 1.5, preDelayMs: 10 };
    const [l] = generateImpulseResponse(createRng(2), opts);
    expect(l.length).toBe(impulseResponseLength(opts));
    expect(l.length).toBe(Math.round(0.01 * SR) + Math.ceil(((1.5 * 80) / 60) * SR));
    const w = Math.round(0.02 * SR);
    const head = energy(l, 240, 240 + w);
    const tail = energy(l, l.length - w - Math.round(0.005 * SR), l.length - Math.round(0.005 * SR));
    const dropDb = 10 * Math.log10(tail / head);
    expect(dropDb).toBeLessThan(-74);
    expect(dropDb).toBeGreaterThan(-86);
    expect(Math.abs(l[l.length - 1]!)).toBe(0);
  });

  it('is normalised to unit mean energy per channel', () => {
    const [l, r] = generateImpulseResponse(createRng(5), { ...base, damping: 0.5 });
    expect((energy(l) + energy(r)) / 2).toBeCloseTo(1, 5);
  });

  it('damping makes the late tail darker than the early part', () => {
    const [damped] = generateImpulseResponse(createRng(9), { ...base, decayS: 2, damping: 0.8 });
    const [plain] = generateImpulseResponse(createRng(9), { ...base, decayS: 2, damping: 0 });
    const early = [0, Math.round(0.1 * SR)] as const;
    const late = [Math.round(0.8 * SR), Math.round(1 * SR)] as const;
    // White noise: 2; the decaying envelope barely changes that.
    expect(brightness(plain, ...early)).toBeCloseTo(2, 0);
    expect(brightness(plain, ...late) / brightness(plain, ...early)).toBeGreaterThan(0.9);
    expect(brightness(damped, ...late) / brightness(damped, ...early)).toBeLessThan(0.6);
  });

  it('is seeded: same seed same IR, another seed another IR', () => {
    const a = generateImpulseResponse(createRng(11), base);
    const b = generateImpulseResponse(createRng(11), base);
    const c = generateImpulseResponse(createRng(12), base);
    expect(a[0]).toEqual(b[0]);
    expect(a[1]).toEqual(b[1]);
    expect(a[0]).not.toEqual(c[0]);
  });

  it('stereo width sets the left/right correlation', () => {
    const corr = (w: number): number => {
      const [l, r] = generateImpulseResponse(createRng(4), { ...base, stereoWidth: w });
      let lr = 0;
      for (let i = 0; i < l.length; i++) lr += l[i]! * r[i]!;
      return lr / Math.sqrt(energy(l) * energy(r));
    };
    expect(corr(0)).toBeCloseTo(1, 5);
    expect(Math.abs(corr(1))).toBeLessThan(0.1);
    expect(corr(0.5)).toBeCloseTo(Math.cos(Math.PI / 4), 1);
  });
});
