import { describe, expect, it } from 'vitest';
import { largestSpectrumDifference, readMix } from '../../src/dsp/mix-reading';
import { createRng } from '../../src/dsp/random';

const SR = 24000;
const N = SR * 3;

function sine(hz: number, amp: number, phase = 0): Float32Array {
  const x = new Float32Array(N);
  for (let i = 0; i < N; i++) x[i] = amp * Math.sin((2 * Math.PI * hz * i) / SR + phase);
  return x;
}

function noise(seed: number, amp: number): Float32Array {
  const rng = createRng(seed);
  const x = new Float32Array(N);
  for (let i = 0; i < N; i++) x[i] = amp * (rng.next() * 2 - 1);
  return x;
}

describe('readMix', () => {
  it('reads a 1 kHz sine at −20 dBFS peak on both sides: −20 LUFS, its band at −23 dB, mono', () => {
    const s = sine(1000, 0.1);
    const r = readMix([s, s], SR);
    // BS.1770: a 0 dBFS 1 kHz sine in one channel reads −3.01 LUFS, in both 0 LUFS; −20 dB of amplitude → −20.
    expect(r.lufs).toBeCloseTo(-20, 1);
    // A sine's mean square is half its peak squared: −20 − 3.01 dB in its band.
    const k = r.centresHz.indexOf(1000);
    expect(r.bandsDb[k]).toBeCloseTo(-23.01, 1);
    // Bands an octave away hold nearly nothing of it.
    expect(r.bandsDb[r.centresHz.indexOf(500)]!).toBeLessThan(-60);
    expect(r.bandsDb[r.centresHz.indexOf(2000)]!).toBeLessThan(-60);
    expect(r.correlation).toBe(1);
    expect(r.widthPercent).toBe(0);
  });

  it('treats one channel as the same on both sides', () => {
    const s = sine(250, 0.2);
    const one = readMix([s], SR);
    const two = readMix([s, s], SR);
    expect(one.lufs).toBeCloseTo(two.lufs, 6);
    expect(one.correlation).toBe(1);
    expect(one.widthPercent).toBe(0);
  });

  it('reads unrelated noise on each side as 100 % wide with correlation near 0', () => {
    const r = readMix([noise(1, 0.3), noise(2, 0.3)], SR);
    expect(r.widthPercent).toBeGreaterThan(95);
    expect(r.widthPercent).toBeLessThan(105);
    expect(Math.abs(r.correlation)).toBeLessThan(0.03);
  });

  it('reads one side inverted as correlation −1, and a quieter side as narrower than unrelated sides', () => {
    const s = sine(440, 0.2);
    const inv = s.map((v) => -v);
    const r = readMix([s, inv], SR);
    expect(r.correlation).toBeCloseTo(-1, 6);
    expect(r.widthPercent).toBe(Number.POSITIVE_INFINITY);
    // L = s, R = s/2: side/mid = (1/4)/(3/4) = 33 %.
    const half = readMix([s, s.map((v) => v / 2)], SR);
    expect(half.widthPercent).toBeCloseTo(33.3, 0);
    expect(half.correlation).toBeCloseTo(1, 6);
  });

  it('moves the level of every band with a gain: +6 dB on the signal reads +6 dB everywhere', () => {
    const x = noise(3, 0.1);
    const a = readMix([x], SR);
    const b = readMix([x.map((v) => v * 2)], SR);
    expect(b.lufs - a.lufs).toBeCloseTo(6.02, 1);
    for (const [i, l] of a.bandsDb.entries()) expect(b.bandsDb[i]! - l).toBeCloseTo(6.02, 1);
    // At equal loudness the spectra are the same.
    expect(Math.abs(largestSpectrumDifference(a, b)!.differenceDb)).toBeLessThan(0.01);
  });

  it('finds where two mixes differ at equal loudness', () => {
    const base = noise(4, 0.05);
    const withLow = base.map((v, i) => v + 0.2 * Math.sin((2 * Math.PI * 80 * i) / SR));
    const d = largestSpectrumDifference(readMix([base], SR), readMix([withLow], SR));
    expect(d!.centreHz).toBe(80);
    expect(d!.differenceDb).toBeGreaterThan(10);
  });

  it('shows bands from 31.5 Hz up to below the Nyquist frequency only', () => {
    const r = readMix([noise(5, 0.1)], SR);
    expect(r.centresHz[0]).toBe(31.5);
    expect(r.centresHz.at(-1)).toBe(10000);
    expect(r.bandsDb).toHaveLength(r.centresHz.length);
  });

  it('refuses empty or mismatched input with a clear message', () => {
    expect(() => readMix([], SR)).toThrow(/no audio/);
    expect(() => readMix([new Float32Array(10), new Float32Array(11)], SR)).toThrow(/same length/);
    expect(() => readMix([new Float32Array(10)], 0)).toThrow(/sample rate/);
  });
});
