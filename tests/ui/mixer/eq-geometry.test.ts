import { describe, expect, it } from 'vitest';
import { biquadCoefficients, biquadMagnitudeDb, cascadeMagnitudeDb } from '../../../src/dsp/biquad';
import {
  activeFilters,
  curvePath,
  dbToY,
  drawnGainAt,
  EQ_FRAME,
  type EqBandShape,
  eqCurvePoints,
  hzToX,
  xToHz,
  yToDb,
} from '../../../src/ui/mixer/eq-geometry';

const RATE = 48000;
const flat = (): EqBandShape[] => [
  { enabled: true, type: 'lowshelf', frequency: 100, gainDb: 0, q: Math.SQRT1_2 },
  { enabled: true, type: 'peaking', frequency: 400, gainDb: 0, q: 1 },
  { enabled: true, type: 'peaking', frequency: 2500, gainDb: 0, q: 1 },
  { enabled: true, type: 'highshelf', frequency: 8000, gainDb: 0, q: Math.SQRT1_2 },
];

describe('EQ graph axes', () => {
  it('maps 20 Hz–20 kHz onto the width logarithmically and ±18 dB onto the height', () => {
    expect(hzToX(20)).toBe(0);
    expect(hzToX(20000)).toBeCloseTo(EQ_FRAME.width, 9);
    expect(hzToX(632.4555)).toBeCloseTo(EQ_FRAME.width / 2, 3); // geometric middle
    expect(xToHz(hzToX(1234))).toBeCloseTo(1234, 6);
    expect(dbToY(18)).toBe(0);
    expect(dbToY(-18)).toBe(EQ_FRAME.height);
    expect(yToDb(dbToY(-7.3))).toBeCloseTo(-7.3, 12);
  });
});

describe('EQ response curve', () => {
  it('draws each band centre at exactly the gain biquadMagnitudeDb gives (within 0.1 dB)', () => {
    const cases: EqBandShape[] = [
      { enabled: true, type: 'peaking', frequency: 1200, gainDb: 6, q: 1.4 },
      { enabled: true, type: 'peaking', frequency: 333, gainDb: -9.5, q: 4 },
      { enabled: true, type: 'peaking', frequency: 7100, gainDb: 12, q: 0.5 },
      { enabled: true, type: 'lowshelf', frequency: 150, gainDb: 8, q: 1 },
      { enabled: true, type: 'highshelf', frequency: 5000, gainDb: -6, q: 1 },
    ];
    for (const band of cases) {
      const bands = flat();
      const slot = band.type === 'lowshelf' ? 0 : band.type === 'highshelf' ? 3 : 1;
      bands[slot] = band;
      const path = curvePath(eqCurvePoints(bands, null, RATE));
      const c = biquadCoefficients(band.type, band.frequency, band.q, band.gainDb, RATE);
      const expected = biquadMagnitudeDb(c, band.frequency, RATE);
      expect(Math.abs(drawnGainAt(path, band.frequency) - expected)).toBeLessThan(0.1);
      if (band.type === 'peaking') expect(drawnGainAt(path, band.frequency)).toBeCloseTo(band.gainDb, 1);
    }
  });

  it('sums every active band (and the high-pass) and leaves out disabled ones', () => {
    const bands = flat();
    bands[1] = { enabled: true, type: 'peaking', frequency: 500, gainDb: 5, q: 1 };
    bands[2] = { enabled: true, type: 'peaking', frequency: 800, gainDb: 4, q: 1 };
    bands[3] = { enabled: false, type: 'highshelf', frequency: 8000, gainDb: 12, q: 1 };
    const hp = { enabled: true, frequency: 120 };
    const points = eqCurvePoints(bands, hp, RATE);
    const filters = activeFilters(bands, hp, RATE);
    expect(filters).toHaveLength(4); // three enabled bands (one of them flat) and the high-pass
    const path = curvePath(points);
    for (const hz of [60, 500, 640, 800, 3000, 12000]) {
      const expected = cascadeMagnitudeDb(filters, hz, RATE);
      if (expected > -18) expect(Math.abs(drawnGainAt(path, hz) - expected)).toBeLessThan(0.1);
    }
    // The disabled +12 dB shelf must not lift the top end.
    expect(Math.abs(drawnGainAt(path, 15000))).toBeLessThan(0.5);
  });

  it('is flat at 0 dB when every band is flat', () => {
    const points = eqCurvePoints(flat(), null, RATE);
    for (const p of points) expect(Math.abs(p.db)).toBeLessThan(1e-9);
  });
});
