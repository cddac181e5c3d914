import { describe, expect, it } from 'vitest';
import { biquadCoefficients, biquadMagnitudeDb } from '../../src/dsp/biquad';
import { check } from '../../src/exercises/eq-match/check';
import { audibleCurveDistanceDb, CURVE_POINTS_HZ } from '../../src/exercises/eq-match/curve-distance';
import { generate } from '../../src/exercises/eq-match/generate';
import type { EqBandSettings, EqMatchQuestion, EqMatchType } from '../../src/exercises/eq-match/meta';
import { levelWeight, styleLevelAt } from '../../src/exercises/shared/programme-spectrum';

function question(type: EqMatchType, frequencyHz: number, gainDb: number, q = 1.4): EqMatchQuestion {
  return {
    kind: 'eq-match',
    seed: 1,
    level: 3,
    reference: { type, frequencyHz, gainDb, q },
    start: { frequencyHz, gainDb: 0, q },
    controls: ['frequency', 'gain', 'q'],
    source: { type: 'pink' },
  };
}

const PINK = CURVE_POINTS_HZ.map(() => 1);

/** The definition, restated: √(Σ w·m·d² / Σ m), m = min(1, max(|a|, |b|) / 1 dB). */
function definition(type: EqMatchType, a: EqBandSettings, b: EqBandSettings, w: readonly number[]): number {
  const ca = biquadCoefficients(type, a.frequencyHz, a.q, a.gainDb, 48000);
  const cb = biquadCoefficients(type, b.frequencyHz, b.q, b.gainDb, 48000);
  let sum = 0;
  let acts = 0;
  CURVE_POINTS_HZ.forEach((f, k) => {
    const x = biquadMagnitudeDb(ca, f, 48000);
    const y = biquadMagnitudeDb(cb, f, 48000);
    const m = Math.min(1, Math.max(Math.abs(x), Math.abs(y)));
    sum += (w[k] as number) * m * (x - y) ** 2;
    acts += m;
  });
  return Math.sqrt(sum / acts);
}

describe('eq-match audible curve distance', () => {
  it('compares at 120 points 1/12 octave apart from 20 Hz to 20 kHz', () => {
    expect(CURVE_POINTS_HZ).toHaveLength(120);
    expect(CURVE_POINTS_HZ[0]).toBe(20);
    expect(CURVE_POINTS_HZ[12]).toBeCloseTo(40, 9);
    expect(CURVE_POINTS_HZ[119]).toBeLessThanOrEqual(20000);
    expect(CURVE_POINTS_HZ[119]! * 2 ** (1 / 12)).toBeGreaterThan(20000);
  });

  it('matches its definition, and reads a plain gain difference exactly (a high shelf at 0 Hz is a gain)', () => {
    const a = { frequencyHz: 700, gainDb: 5, q: 2 };
    const b = { frequencyHz: 1400, gainDb: -3, q: 1 };
    expect(audibleCurveDistanceDb('peaking', a, b, PINK)).toBeCloseTo(definition('peaking', a, b, PINK), 9);
    const flat = (g: number) => ({ frequencyHz: 0, gainDb: g, q: 1 });
    expect(audibleCurveDistanceDb('highshelf', flat(3), flat(0), PINK)).toBeCloseTo(3, 9);
    expect(audibleCurveDistanceDb('highshelf', flat(-2), flat(4), PINK)).toBeCloseTo(6, 9);
  });

  it('is twice as far from the mirror-image cut as from flat (peaking ±g are exact inverses)', () => {
    const ref = { frequencyHz: 1000, gainDb: 6, q: 2 };
    const toFlat = audibleCurveDistanceDb('peaking', { ...ref, gainDb: 0 }, ref, PINK);
    expect(audibleCurveDistanceDb('peaking', { ...ref, gainDb: -6 }, ref, PINK)).toBeCloseTo(2 * toFlat, 9);
  });

  it('does not dilute a narrow band over ten octaves of flat: a 6 dB, Q 4 peak is about 3.7 dB from flat', () => {
    const ref = { frequencyHz: 1000, gainDb: 6, q: 4 };
    const d = audibleCurveDistanceDb('peaking', { ...ref, gainDb: 0 }, ref, PINK);
    // Averaged flat over all 120 points it read about 1.2 dB; where the band acts it is most of the 6 dB.
    const c = biquadCoefficients('peaking', 1000, 4, 6, 48000);
    const flatRms = Math.sqrt(
      CURVE_POINTS_HZ.reduce((s, f) => s + biquadMagnitudeDb(c, f, 48000) ** 2, 0) / 120,
    );
    expect(flatRms).toBeLessThan(1.5);
    expect(d).toBeGreaterThan(2.5 * flatRms);
  });

  it('weighs a band by the music that is there: a 30 Hz boost barely counts on a ballad, fully on pink noise', () => {
    const ref = { frequencyHz: 30, gainDb: 8, q: 2 };
    const flat = { ...ref, gainDb: 0 };
    const ballad = CURVE_POINTS_HZ.map((f) => levelWeight(styleLevelAt('ballad', f)));
    const onPink = audibleCurveDistanceDb('peaking', flat, ref, PINK);
    const onBallad = audibleCurveDistanceDb('peaking', flat, ref, ballad);
    expect(onBallad).toBeLessThan(onPink / 2);
  });
});

describe('eq-match scoring: the share of the audible distance closed', () => {
  // A plain gain (a high shelf at 0 Hz) of +3 dB from a flat start: D₀ = 3, so score = 100·(3 − D)/2.5.
  const flat: EqMatchQuestion = { ...question('highshelf', 0, 3), controls: ['gain'] };
  it.each([
    [3, 100], // D = 0
    [2.6, 100], // D = 0.4
    [2.5, 100], // D = 0.5
    [2, 80], // D = 1: 100 × 2 / 2.5
    [1.5, 60], // halfway: D = 1.5
    [0.5, 20], // D = 2.5
    [0, 0], // the start
    [-3, 0], // further off than the start
  ])('answer gain %f dB against +3 dB scores %i', (gainDb, score) => {
    expect(check(flat, { frequencyHz: 0, gainDb, q: 1 }).score).toBe(score);
  });

  it('is right within 1 dB (twice the just-noticeable 0.5 dB), and says how much of the gap was closed', () => {
    expect(check(flat, { frequencyHz: 0, gainDb: 2, q: 1 }).correct).toBe(true);
    expect(check(flat, { frequencyHz: 0, gainDb: 1.9, q: 1 }).correct).toBe(false);
    expect(check(flat, { frequencyHz: 0, gainDb: 1.5, q: 1 }).feedback).toContain(
      'you closed 50 % of the gap',
    );
    expect(check(flat, { frequencyHz: 0, gainDb: 0, q: 1 }).feedback).toContain('no closer');
    expect(check(flat, { frequencyHz: 0, gainDb: 0, q: 1 }).feedback).not.toMatch(/RMS/);
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
