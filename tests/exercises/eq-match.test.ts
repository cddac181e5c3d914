import { describe, expect, it } from 'vitest';
import { biquadCoefficients, biquadMagnitudeDb } from '../../src/dsp/biquad';
import { check } from '../../src/exercises/eq-match/check';
import { CURVE_POINTS_HZ, curveDistanceDb } from '../../src/exercises/eq-match/curve-distance';
import { generate } from '../../src/exercises/eq-match/generate';
import type { EqMatchQuestion, EqMatchType } from '../../src/exercises/eq-match/meta';

function question(type: EqMatchType, frequencyHz: number, gainDb: number, q = 1.4): EqMatchQuestion {
  return {
    kind: 'eq-match',
    seed: 1,
    level: 3,
    reference: { type, frequencyHz, gainDb, q },
    start: { frequencyHz: 1000, gainDb: 0, q: 1 },
    controls: ['frequency', 'gain', 'q'],
    source: { type: 'pink' },
  };
}

describe('eq-match curve distance', () => {
  it('compares at 120 points 1/12 octave apart from 20 Hz to 20 kHz', () => {
    expect(CURVE_POINTS_HZ).toHaveLength(120);
    expect(CURVE_POINTS_HZ[0]).toBe(20);
    expect(CURVE_POINTS_HZ[12]).toBeCloseTo(40, 9);
    expect(CURVE_POINTS_HZ[119]).toBeLessThanOrEqual(20000);
    expect(CURVE_POINTS_HZ[119]! * 2 ** (1 / 12)).toBeGreaterThan(20000);
  });

  it('reads exactly the gain difference for flat curves (a high shelf at 0 Hz is a plain gain)', () => {
    // At 0 Hz the Web Audio high shelf degenerates to a constant gain of gainDb, so D is the gain difference.
    expect(
      curveDistanceDb('highshelf', { frequencyHz: 0, gainDb: 3, q: 1 }, { frequencyHz: 0, gainDb: 0, q: 1 }),
    ).toBeCloseTo(3, 9);
    expect(
      curveDistanceDb(
        'lowshelf',
        { frequencyHz: 24000, gainDb: -2, q: 1 },
        { frequencyHz: 24000, gainDb: 4, q: 1 },
      ),
    ).toBeCloseTo(6, 9);
  });

  it('is twice as far from the mirror-image cut as from flat (peaking ±g are exact inverses)', () => {
    const ref = { frequencyHz: 1000, gainDb: 6, q: 2 };
    const toFlat = curveDistanceDb('peaking', { ...ref, gainDb: 0 }, ref);
    expect(curveDistanceDb('peaking', { ...ref, gainDb: -6 }, ref)).toBeCloseTo(2 * toFlat, 9);
    // And D to flat is the RMS of the reference curve itself.
    const c = biquadCoefficients('peaking', 1000, 2, 6, 48000);
    const rms = Math.sqrt(CURVE_POINTS_HZ.reduce((s, f) => s + biquadMagnitudeDb(c, f, 48000) ** 2, 0) / 120);
    expect(toFlat).toBeCloseTo(rms, 9);
  });
});

describe('eq-match scoring: 100 at D ≤ 0.5 dB, 0 at D ≥ 6 dB, linear between', () => {
  const flat = question('highshelf', 0, 3);
  it.each([
    [3, 100], // D = 0
    [2.6, 100], // D = 0.4
    [2.5, 100], // D = 0.5
    [2, 91], // D = 1: 100 × 5 / 5.5 = 90.9
    [0, 55], // D = 3: 100 × 3 / 5.5 = 54.5
    [-0.25, 50], // D = 3.25: exactly 50
    [-2.9, 2], // D = 5.9: 1.8
    [-3, 0], // D = 6
    [-9, 0], // D = 12
  ])('answer gain %f dB against +3 dB scores %i', (gainDb, score) => {
    expect(check(flat, { frequencyHz: 0, gainDb, q: 1 }).score).toBe(score);
  });

  it('names the knob that is off', () => {
    const q = question('peaking', 1000, 6, 2);
    const freq = check(q, { frequencyHz: 500, gainDb: 6, q: 2 });
    expect(freq.details?.furthestOff).toBe('frequency');
    expect(freq.feedback).toContain('frequency is too low');
    const gain = check(q, { frequencyHz: 1000, gainDb: 12, q: 2 });
    expect(gain.details?.furthestOff).toBe('gain');
    expect(gain.feedback).toContain('gain is too high');
    const width = check(q, { frequencyHz: 1000, gainDb: 6, q: 0.4 });
    expect(width.details?.furthestOff).toBe('q');
    expect(width.feedback).toContain('too wide');
    // Frequency two octaves off matters more than a slightly high gain.
    expect(check(q, { frequencyHz: 4000, gainDb: 7, q: 2 }).details?.furthestOff).toBe('frequency');
  });

  it('never blames Q on a shelf', () => {
    const q = question('lowshelf', 200, 6);
    expect(check(q, { frequencyHz: 200, gainDb: 6, q: 9 }).score).toBe(100);
    expect(check(q, { frequencyHz: 200, gainDb: 2, q: 9 }).details?.furthestOff).toBe('gain');
  });

  it('falls back to the start for missing numbers', () => {
    const q = question('peaking', 1000, 6);
    const r = check(q, { frequencyHz: Number.NaN, gainDb: 6, q: 1.4 });
    expect(r.score).toBe(check(q, { frequencyHz: 1000, gainDb: 6, q: 1.4 }).score);
  });
});

describe('eq-match levels', () => {
  it('level 1 asks only for the gain at an octave frequency; the other knobs sit on the reference', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const q = generate(seed, 1);
      expect(q.controls).toEqual(['gain']);
      expect([125, 250, 500, 1000, 2000, 4000, 8000]).toContain(q.reference.frequencyHz);
      expect(q.start.frequencyHz).toBe(q.reference.frequencyHz);
      expect(q.start.q).toBe(q.reference.q);
      expect(q.start.gainDb).toBe(0);
      expect(Math.abs(q.reference.gainDb)).toBeGreaterThanOrEqual(4);
      // The starting point is a real distance away.
      expect(check(q, q.start).score).toBeLessThan(100);
    }
  });

  it('uses shelves at later levels and drops the Q knob for them', () => {
    const qs = Array.from({ length: 60 }, (_, i) => generate(i + 1, 4));
    const shelves = qs.filter((q) => q.reference.type !== 'peaking');
    expect(shelves.length).toBeGreaterThan(5);
    for (const q of shelves) expect(q.controls).toEqual(['frequency', 'gain']);
    expect(generate(3, 5).source.type).toBe('song');
  });
});
