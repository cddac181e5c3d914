import { describe, expect, it } from 'vitest';
import {
  attackScale,
  FADER_TICKS,
  faderScale,
  formatRatio,
  frequencyScale,
  panScale,
  qScale,
  ratioScale,
  sendScale,
} from '../../../src/ui/mixer/control-scale';

describe('fader scale', () => {
  it('puts the console marks where a console does: +10 at the top, 0 dB at 80 %, −∞ at the bottom', () => {
    expect(faderScale.toPosition(10)).toBe(1);
    expect(faderScale.toPosition(0)).toBeCloseTo(0.8, 12);
    expect(faderScale.toPosition(-10)).toBeCloseTo(0.6, 12);
    expect(faderScale.toPosition(Number.NEGATIVE_INFINITY)).toBe(0);
    const positions = FADER_TICKS.map((db) => faderScale.toPosition(db));
    for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeLessThan(positions[i - 1]!);
  });

  it('round-trips value → position → value across its range', () => {
    for (let db = -89.5; db <= 10; db += 0.25)
      expect(faderScale.fromPosition(faderScale.toPosition(db))).toBeCloseTo(db, 9);
    for (let p = 0.001; p <= 1; p += 0.001)
      expect(faderScale.toPosition(faderScale.fromPosition(p))).toBeCloseTo(p, 9);
    expect(faderScale.fromPosition(0)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('nudges by 1 dB, 0.1 dB with Shift, and steps between −60 dB and −∞', () => {
    expect(faderScale.nudge(0, 1, false)).toBe(1);
    expect(faderScale.nudge(-6, -1, true)).toBeCloseTo(-6.1, 12);
    expect(faderScale.nudge(-12.6, 1, false)).toBeCloseTo(-11.6, 12);
    expect(faderScale.nudge(10, 1, false)).toBe(10);
    expect(faderScale.nudge(-60, -1, false)).toBe(Number.NEGATIVE_INFINITY);
    expect(faderScale.nudge(Number.NEGATIVE_INFINITY, 1, false)).toBe(-60);
  });

  it('reads as a level', () => {
    expect(faderScale.format(-6)).toBe('−6.0 dB');
    expect(faderScale.format(Number.NEGATIVE_INFINITY)).toBe('−∞ dB');
  });
});

describe('knob scales', () => {
  it('pan maps L 100 … R 100 linearly onto the knob and reads like a console', () => {
    expect(panScale.toPosition(-1)).toBe(0);
    expect(panScale.toPosition(0)).toBe(0.5);
    expect(panScale.fromPosition(0.65)).toBeCloseTo(0.3, 12);
    expect(panScale.format(-0.3)).toBe('L 30');
    expect(panScale.format(0)).toBe('C');
    expect(panScale.format(1)).toBe('R 100');
    expect(panScale.nudge(0, 1, false)).toBeCloseTo(0.05, 12);
    expect(panScale.nudge(0, -1, true)).toBeCloseTo(-0.01, 12);
  });

  it('every knob round-trips value ↔ position', () => {
    const cases: [typeof panScale, number[]][] = [
      [panScale, [-1, -0.3, 0, 0.55, 1]],
      [sendScale, [-80, -24, -12, 0, 6]],
      [frequencyScale, [20, 100, 1234, 8000, 20000]],
      [qScale, [0.1, Math.SQRT1_2, 1.4, 18]],
      [ratioScale, [1, 2, 4, 20]],
      [attackScale, [0.1, 10, 200]],
    ];
    for (const [scale, values] of cases)
      for (const v of values) expect(scale.fromPosition(scale.toPosition(v))).toBeCloseTo(v, 9);
  });

  it('frequency moves a semitone per arrow and reads in Hz or kHz', () => {
    expect(frequencyScale.nudge(1000, 1, false)).toBeCloseTo(1000 * 2 ** (1 / 12), 9);
    expect(frequencyScale.format(1200)).toBe('1.2 kHz');
    expect(frequencyScale.format(250)).toBe('250 Hz');
    expect(formatRatio(4)).toBe('4:1');
    expect(formatRatio(2.5)).toBe('2.5:1');
  });
});
