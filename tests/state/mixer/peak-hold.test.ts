import { describe, expect, it } from 'vitest';
import { advanceMeter, DEFAULT_BALLISTICS, SILENT_METER } from '../../../src/state/mixer/peak-hold';

describe('meter ballistics', () => {
  it('jumps up at once, falls at 24 dB/s, and holds the peak for 1.5 s before it falls at 20 dB/s', () => {
    let m = advanceMeter(SILENT_METER, { peakDb: -6, rmsDb: -12 }, 10, 0.016);
    expect(m.peakDb).toBe(-6);
    expect(m.holdDb).toBe(-6);
    // One second of silence at 0.1 s steps: bars fall 24 dB, the hold stays.
    for (let t = 10.1; t <= 11.0001; t += 0.1)
      m = advanceMeter(m, { peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY }, t, 0.1);
    expect(m.peakDb).toBeCloseTo(-6 - DEFAULT_BALLISTICS.fallDbPerS, 6);
    expect(m.rmsDb).toBeCloseTo(-12 - DEFAULT_BALLISTICS.fallDbPerS, 6);
    expect(m.holdDb).toBe(-6);
    // Past the hold time, the held peak falls at 20 dB/s.
    for (let t = 11.1; t <= 12.0001; t += 0.1)
      m = advanceMeter(m, { peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY }, t, 0.1);
    expect(m.holdDb).toBeCloseTo(-6 - 0.5 * DEFAULT_BALLISTICS.holdFallDbPerS, 6);
  });

  it('a higher peak raises the hold; a reading over 0 dBFS lights the clip flag until cleared', () => {
    let m = advanceMeter(SILENT_METER, { peakDb: -10, rmsDb: -20 }, 0, 0.016);
    m = advanceMeter(m, { peakDb: 1.5, rmsDb: -8 }, 0.1, 0.1);
    expect(m.holdDb).toBe(1.5);
    expect(m.clipped).toBe(true);
    m = advanceMeter(m, { peakDb: -30, rmsDb: -40 }, 0.2, 0.1);
    expect(m.clipped).toBe(true);
  });

  it('silence reads −∞ once the bars have fallen below the floor', () => {
    let m = advanceMeter(SILENT_METER, { peakDb: -90, rmsDb: -95 }, 0, 0.016);
    m = advanceMeter(m, { peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY }, 1, 1);
    expect(m.peakDb).toBe(Number.NEGATIVE_INFINITY);
    expect(m.rmsDb).toBe(Number.NEGATIVE_INFINITY);
  });
});
