import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { generateImpulseResponse } from '../../src/dsp/reverb-ir';
import { REVERB_TYPES, type ReverbType, spaceImpulseResponse } from '../../src/dsp/reverb-space';

const SR = 16_000;

/** RT60 from the Schroeder backward integral: the −5 … −35 dB slope, extrapolated to 60 dB. */
function t30(x: Float32Array): number {
  const e = new Float64Array(x.length);
  let sum = 0;
  for (let i = x.length - 1; i >= 0; i--) {
    sum += x[i]! * x[i]!;
    e[i] = sum;
  }
  const db = (i: number) => 10 * Math.log10(e[i]! / e[0]!);
  let i5 = 0;
  while (db(i5) > -5) i5++;
  let i35 = i5;
  while (db(i35) > -35) i35++;
  return ((i35 - i5) / SR) * 2;
}

/** Centre time (energy-weighted mean arrival) of the first `windowS`, s. */
function centreTime(x: Float32Array, windowS: number): number {
  let e = 0;
  let te = 0;
  for (let i = 0; i < Math.round(windowS * SR); i++) {
    e += x[i]! * x[i]!;
    te += (i / SR) * x[i]! * x[i]!;
  }
  return te / e;
}

/** Time by which `share` of the first `windowS`'s energy has arrived, s (the gap before the space answers). */
function arrival(x: Float32Array, windowS: number, share: number): number {
  const n = Math.round(windowS * SR);
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i]! ** 2;
  let e = 0;
  for (let i = 0; i < n; i++) {
    e += x[i]! ** 2;
    if (e >= share * total) return i / SR;
  }
  return windowS;
}

/** Clarity C50: energy in the first 50 ms against the rest, dB. */
function c50(x: Float32Array): number {
  let early = 0;
  let late = 0;
  for (let i = 0; i < x.length; i++) i < 0.05 * SR ? (early += x[i]! ** 2) : (late += x[i]! ** 2);
  return 10 * Math.log10(early / late);
}

/** Share of the energy above 4 kHz in the first 0.3 s after `fromS`. */
function highShare(x: Float32Array): number {
  // First difference as a crude high-pass: its energy against the signal's tracks the tone.
  let hi = 0;
  let all = 0;
  for (let i = 1; i < x.length; i++) {
    hi += (x[i]! - x[i - 1]!) ** 2;
    all += x[i]! ** 2;
  }
  return hi / all;
}

function ir(type: ReverbType | undefined, decayS: number, sizeM?: number, seed = 7) {
  return spaceImpulseResponse(createRng(seed), {
    sampleRate: SR,
    decayS,
    preDelayMs: 0,
    damping: 0.4,
    stereoWidth: 1,
    ...(type ? { type } : {}),
    ...(sizeM ? { sizeM } : {}),
  });
}

describe('spaceImpulseResponse', () => {
  it('without a type is exactly generateImpulseResponse', () => {
    const opts = { sampleRate: SR, decayS: 1.2, preDelayMs: 10, damping: 0.4, stereoWidth: 1 };
    const [a] = spaceImpulseResponse(createRng(3), opts);
    const [b] = generateImpulseResponse(createRng(3), opts);
    expect(a).toEqual(b);
  });

  it('every type keeps the decay it is given (T30 within 10 %) and unit energy', () => {
    for (const type of REVERB_TYPES)
      for (const decay of [0.8, 1.2, 2.5]) {
        const [l, r] = ir(type, decay);
        expect(Math.abs(t30(l) / decay - 1), `${type} ${decay}: ${t30(l)}`).toBeLessThan(0.1);
        let e = 0;
        for (let i = 0; i < l.length; i++) e += l[i]! ** 2 + r[i]! ** 2;
        expect(e / 2).toBeCloseTo(1, 4);
      }
  });

  it('at the same decay, a plate answers at once, a room soon and clear, a hall late; a plate is brightest', () => {
    const on = Object.fromEntries(REVERB_TYPES.map((t) => [t, arrival(ir(t, 1.2)[0], 0.3, 0.05)]));
    expect(on.plate!, JSON.stringify(on)).toBeLessThan(0.005);
    expect(on.room!).toBeGreaterThan(on.plate!);
    expect(on.hall! - on.room!).toBeGreaterThan(0.015);
    const c = Object.fromEntries(REVERB_TYPES.map((t) => [t, c50(ir(t, 1.2)[0])]));
    expect(c.room! - c.hall!, JSON.stringify(c)).toBeGreaterThan(2);
    const h = Object.fromEntries(REVERB_TYPES.map((t) => [t, highShare(ir(t, 1.2)[0])]));
    expect(h.plate!).toBeGreaterThan(h.room!);
    expect(h.room!).toBeGreaterThan(h.hall!);
  });

  it('a larger space of one type builds up later at the same decay', () => {
    for (const type of ['room', 'hall'] as const) {
      const small = centreTime(ir(type, 1.2, 5)[0], 0.3);
      const large = centreTime(ir(type, 1.2, 20)[0], 0.3);
      expect(large - small, type).toBeGreaterThan(0.01);
      expect(Math.abs(t30(ir(type, 1.2, 20)[0]) / 1.2 - 1)).toBeLessThan(0.1);
    }
  });
});
