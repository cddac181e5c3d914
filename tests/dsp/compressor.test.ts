import { describe, expect, it } from 'vitest';
import {
  applyGainDb,
  type CompressorSettings,
  compressorGainDb,
  createCompressorState,
  processCompressorBlock,
  renderCompressorGain,
} from '../../src/dsp/compressor';
import { createRng } from '../../src/dsp/random';

const FS = 8000;
const base: CompressorSettings = {
  thresholdDb: -20,
  ratio: 4,
  kneeDb: 0,
  attackMs: 10,
  releaseMs: 100,
  makeupDb: 0,
};

function constant(level: number, length: number): Float32Array {
  return new Float32Array(length).fill(level);
}

/** Index of the first sample where `values[i]` crosses `target` going in the direction of `rising`. */
function firstCrossing(values: Float32Array, target: number, from: number, rising: boolean): number {
  for (let i = from; i < values.length; i++) {
    const v = values[i] as number;
    if (rising ? v <= target : v >= target) return i;
  }
  return -1;
}

describe('compressorGainDb (static curve)', () => {
  it('hard knee 4:1 at −20 dB: −10 dB in loses 7.5 dB', () => {
    expect(compressorGainDb(-10, base)).toBeCloseTo(-7.5, 12);
    expect(compressorGainDb(0, base)).toBeCloseTo(-15, 12);
    expect(compressorGainDb(-20, base)).toBe(0);
  });

  it('leaves levels below the threshold alone', () => {
    for (const x of [-120, -60, -30, -20.001]) expect(compressorGainDb(x, base)).toBe(0);
    expect(compressorGainDb(-16, { ...base, kneeDb: 10 })).toBeLessThan(0);
    expect(compressorGainDb(-25.001, { ...base, kneeDb: 10 })).toBe(0);
  });

  it('ratio 1 never compresses; ∞-like ratio limits at the threshold', () => {
    expect(compressorGainDb(0, { ...base, ratio: 1 })).toBe(0);
    expect(compressorGainDb(0, { ...base, ratio: 1e9 })).toBeCloseTo(-20, 6);
  });

  it('soft knee: continuous at both edges, half-way value at the threshold', () => {
    const curve = { thresholdDb: -20, ratio: 4, kneeDb: 10 };
    const eps = 1e-9;
    expect(compressorGainDb(-25 + eps, curve)).toBeCloseTo(compressorGainDb(-25 - eps, curve), 6);
    expect(compressorGainDb(-15 + eps, curve)).toBeCloseTo(compressorGainDb(-15 - eps, curve), 6);
    expect(compressorGainDb(-15, curve)).toBeCloseTo(-3.75, 9); // (1/4 − 1)·5 on the straight line
    // (1/R − 1)(W/2)²/(2W) = −0.75·25/20 at the threshold.
    expect(compressorGainDb(-20, curve)).toBeCloseTo(-0.9375, 12);
    // Slope is continuous too: the knee's derivative matches 1/R − 1 at its top edge.
    const d = (compressorGainDb(-15, curve) - compressorGainDb(-15 - 1e-6, curve)) / 1e-6;
    expect(d).toBeCloseTo(-0.75, 4);
  });
});

describe('renderCompressorGain (detector)', () => {
  it('settles on the static value for a constant and for a square wave', () => {
    const level = 10 ** (-8 / 20); // −8 dBFS → 12 dB over → −9 dB of gain
    const dc = renderCompressorGain([constant(level, FS)], FS, base);
    expect(dc[FS - 1]).toBeCloseTo(-9, 4);
    const square = new Float32Array(FS).map((_, i) => (Math.floor(i / 20) % 2 === 0 ? level : -level));
    const gain = renderCompressorGain([square], FS, base);
    expect(gain[FS - 1]).toBeCloseTo(-9, 4);
  });

  it('follows the louder channel of a stereo pair', () => {
    const quiet = constant(0.01, FS);
    const loud = constant(10 ** (-8 / 20), FS);
    expect(renderCompressorGain([quiet, loud], FS, base)[FS - 1]).toBeCloseTo(-9, 4);
    expect(renderCompressorGain([loud, quiet], FS, base)[FS - 1]).toBeCloseTo(-9, 4);
  });

  it('attack: reaches 1 − 1/e of the final reduction after attackMs (±5 %)', () => {
    for (const [attackMs, fs] of [
      [1, 48000],
      [5, FS],
      [30, FS],
    ] as const) {
      const gain = renderCompressorGain([constant(1, fs / 10)], fs, { ...base, attackMs });
      // The value at index n has seen n + 1 samples of the step.
      const n = firstCrossing(gain, -15 * (1 - Math.exp(-1)), 0, true) + 1;
      expect(n / fs / (attackMs / 1000)).toBeGreaterThan(0.95);
      expect(n / fs / (attackMs / 1000)).toBeLessThan(1.05);
    }
  });

  it('release: falls to 1/e of the reduction after releaseMs (±5 %)', () => {
    for (const releaseMs of [20, 150]) {
      const step = new Float32Array(2 * FS);
      step.fill(1, 0, FS);
      const gain = renderCompressorGain([step], FS, { ...base, attackMs: 1, releaseMs });
      expect(gain[FS - 1]).toBeCloseTo(-15, 4);
      const n = firstCrossing(gain, -15 * Math.exp(-1), FS, false) - FS + 1;
      expect(n / FS / (releaseMs / 1000)).toBeGreaterThan(0.95);
      expect(n / FS / (releaseMs / 1000)).toBeLessThan(1.05);
    }
  });

  it('a sine is compressed by peak detection: its gain ripples around the crest value', () => {
    const sine = new Float32Array(FS).map((_, i) => Math.sin((2 * Math.PI * 100 * i) / FS));
    const gain = renderCompressorGain([sine], FS, { ...base, attackMs: 5, releaseMs: 50 });
    const tail = gain.subarray(FS / 2);
    const min = Math.min(...tail);
    const max = Math.max(...tail);
    expect(min).toBeGreaterThan(-15); // never beyond the crest's static value
    expect(min).toBeLessThan(-12);
    expect(max - min).toBeGreaterThan(0.1); // ripple: peak detection, not RMS
  });

  it('makeup gain adds exactly', () => {
    const rng = createRng(7);
    const noise = new Float32Array(4000).map(() => rng.range(-1, 1));
    const dry = renderCompressorGain([noise], FS, base);
    const wet = renderCompressorGain([noise], FS, { ...base, makeupDb: 6 });
    for (let i = 0; i < noise.length; i += 37)
      expect((wet[i] as number) - (dry[i] as number)).toBeCloseTo(6, 5);
  });

  it('block processing with any block size equals one pass, bit for bit', () => {
    const rng = createRng(11);
    const left = new Float32Array(3000).map(() => rng.range(-1, 1) * (rng.chance(0.5) ? 1 : 0.05));
    const right = new Float32Array(3000).map(() => rng.range(-0.5, 0.5));
    const settings = { ...base, kneeDb: 6, attackMs: 3, releaseMs: 40, makeupDb: 2 };
    const whole = renderCompressorGain([left, right], FS, settings);
    for (const size of [1, 7, 128, 1000]) {
      const state = createCompressorState();
      const out = new Float32Array(left.length);
      for (let start = 0; start < left.length; start += size) {
        const end = Math.min(start + size, left.length);
        const block = [left.subarray(start, end), right.subarray(start, end)];
        processCompressorBlock(state, block, FS, settings, out.subarray(start, end));
      }
      expect(out).toEqual(whole);
    }
  });

  it('applyGainDb scales samples by the dB curve', () => {
    const [out] = applyGainDb([constant(0.5, 4)], new Float32Array([0, -6.0206, 6.0206, -120]));
    expect(Array.from(out as Float32Array).map((v) => Number(v.toFixed(5)))).toEqual([0.5, 0.25, 1, 0]);
  });
});
