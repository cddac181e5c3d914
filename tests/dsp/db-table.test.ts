import { describe, expect, it } from 'vitest';
import { TABLE_MAX_DB, TABLE_MIN_DB, tableDbToGain, tableLn } from '../../src/dsp/db-table';

describe('tableDbToGain', () => {
  it('is within 3e-7 dB of 10^(dB/20) across its range, at table points and between them', () => {
    let worst = 0;
    for (let k = 0; k <= 400000; k++) {
      const db = TABLE_MIN_DB + ((TABLE_MAX_DB - TABLE_MIN_DB) * k) / 400000 + (k % 7) * 1e-5;
      if (db > TABLE_MAX_DB) continue;
      worst = Math.max(worst, Math.abs(20 * Math.log10(tableDbToGain(db)) - db));
    }
    expect(worst).toBeLessThan(3e-7);
    expect(worst).toBeGreaterThan(0); // it is an approximation, and the test can see it
  });

  it('gives the exact values a gain computer meets most: 0 dB is 1, −6.0206 dB is one half', () => {
    expect(tableDbToGain(0)).toBe(1);
    expect(tableDbToGain(-20 * Math.log10(2))).toBeCloseTo(0.5, 7);
    expect(tableDbToGain(20)).toBeCloseTo(10, 5);
  });

  it('clamps outside its range', () => {
    expect(tableDbToGain(-1000)).toBe(tableDbToGain(TABLE_MIN_DB));
    expect(tableDbToGain(1000)).toBe(tableDbToGain(TABLE_MAX_DB));
  });
});

describe('tableLn', () => {
  it('is within 1e-8 of Math.log for sample levels, and exact where it falls back', () => {
    let worst = 0;
    for (let k = 1; k <= 200000; k++) {
      const x = (k / 200000) ** 6; // dense near zero: 2.6e-32 … 1
      worst = Math.max(worst, Math.abs(tableLn(x) - Math.log(x)));
    }
    expect(worst).toBeLessThan(1e-8);
    expect(worst).toBeGreaterThan(0);
    for (const x of [1, 1.5, 8, 1e-12]) expect(tableLn(x)).toBe(Math.log(x));
  });

  it('is right at powers of two and just below them', () => {
    for (let k = 1; k <= 29; k++) {
      const x = 2 ** -k;
      expect(tableLn(x)).toBeCloseTo(-k * Math.LN2, 12);
      expect(Math.abs(tableLn(x * (1 - 1e-9)) - Math.log(x * (1 - 1e-9)))).toBeLessThan(1e-8);
    }
  });
});
