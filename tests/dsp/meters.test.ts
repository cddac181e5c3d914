import { describe, expect, it } from 'vitest';
import {
  createMeterState,
  type MeterReading,
  measurePeak,
  measurePeakDb,
  measureRms,
  measureRmsDb,
  readMeter,
  resetMeter,
  updateMeter,
} from '../../src/dsp/meters';

const SINE_RMS_DB = 20 * Math.log10(Math.SQRT1_2); // −3.0103

function sine(frequency: number, sampleRate: number, length: number, amplitude = 1): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
}

/** Feeds `signal` in blocks and returns the reading after each block. */
function feed(
  state: ReturnType<typeof createMeterState>,
  signal: Float32Array,
  blockSize: number,
): MeterReading[] {
  const readings: MeterReading[] = [];
  for (let i = 0; i < signal.length; i += blockSize)
    readings.push(updateMeter(state, signal.subarray(i, i + blockSize)));
  return readings;
}

describe('measurePeak / measureRms', () => {
  const s = sine(1000, 48000, 4800); // 100 whole cycles

  it('reads a full-scale sine as 0 dBFS peak and −3.01 dBFS RMS', () => {
    expect(measurePeak(s)).toBeCloseTo(1, 6);
    expect(measurePeakDb(s)).toBeCloseTo(0, 5);
    expect(measureRms(s)).toBeCloseTo(Math.SQRT1_2, 6);
    expect(measureRmsDb(s)).toBeCloseTo(SINE_RMS_DB, 4);
  });

  it('measures only the requested range and clamps it to the array', () => {
    const step = new Float32Array([0, 0, 0, -0.5, 0.5, 0.5]);
    expect(measurePeak(step, 0, 3)).toBe(0);
    expect(measurePeak(step, 3)).toBe(0.5);
    expect(measureRms(step, 2, 4)).toBeCloseTo(Math.sqrt(0.125), 9);
    expect(measureRms(step, -10, 100)).toBeCloseTo(Math.sqrt(0.75 / 6), 9);
    expect(measureRms(step, 4, 2)).toBe(0);
  });

  it('reads silence and empty ranges as −Infinity dB', () => {
    const zeros = new Float32Array(100);
    expect(measurePeakDb(zeros)).toBe(Number.NEGATIVE_INFINITY);
    expect(measureRmsDb(zeros)).toBe(Number.NEGATIVE_INFINITY);
    expect(measureRmsDb(s, 10, 10)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('stateful meter', () => {
  const fs = 48000;

  it('reads silence as −Infinity everywhere', () => {
    const state = createMeterState(fs);
    const readings = feed(state, new Float32Array(fs / 2), 128);
    expect(readings.at(-1)).toEqual({
      peakDb: Number.NEGATIVE_INFINITY,
      rmsDb: Number.NEGATIVE_INFINITY,
      vuDb: Number.NEGATIVE_INFINITY,
      peakHoldDb: Number.NEGATIVE_INFINITY,
    });
  });

  it('reads a steady full-scale sine: peak 0, RMS and VU −3.01 dBFS', () => {
    const state = createMeterState(fs);
    const last = feed(state, sine(1000, fs, fs), 128).at(-1) as MeterReading;
    expect(last.peakDb).toBeCloseTo(0, 4);
    expect(last.peakHoldDb).toBeCloseTo(0, 4);
    expect(last.rmsDb).toBeCloseTo(SINE_RMS_DB, 3);
    expect(Math.abs(last.vuDb - SINE_RMS_DB)).toBeLessThan(0.02);
    expect(readMeter(state)).toEqual(last);
  });

  it('uses a sliding 300 ms RMS window: half full after 150 ms, exact after 300 ms, empty 300 ms later', () => {
    const state = createMeterState(fs);
    const half = fs * 0.15; // 7200 samples = 150 whole cycles of 1 kHz
    const s = sine(1000, fs, 2 * half);
    expect(updateMeter(state, s.subarray(0, half)).rmsDb).toBeCloseTo(SINE_RMS_DB - 3.0103, 3);
    expect(updateMeter(state, s.subarray(half)).rmsDb).toBeCloseTo(SINE_RMS_DB, 3);
    expect(updateMeter(state, new Float32Array(half)).rmsDb).toBeCloseTo(SINE_RMS_DB - 3.0103, 3);
    expect(updateMeter(state, new Float32Array(half)).rmsDb).toBe(Number.NEGATIVE_INFINITY);
  });

  function vuRiseTimeMs(sampleRate: number, frequency: number, blockSize: number): number {
    const state = createMeterState(sampleRate);
    feed(state, new Float32Array(Math.round(sampleRate * 0.1)), blockSize);
    const readings = feed(state, sine(frequency, sampleRate, sampleRate * 2), blockSize);
    const final = 10 ** ((readings.at(-1) as MeterReading).vuDb / 20);
    const maxLinear = Math.max(...readings.map((r) => 10 ** (r.vuDb / 20)));
    expect(maxLinear / final).toBeLessThan(1.002); // critically damped: no overshoot
    const first = readings.findIndex((r) => 10 ** (r.vuDb / 20) >= 0.99 * final);
    return ((first + 1) * blockSize * 1000) / sampleRate;
  }

  it('VU rises to 99 % of a steady sine in 300 ± 30 ms, at any sample rate', () => {
    const at48k = vuRiseTimeMs(48000, 1000, 128);
    const at8k = vuRiseTimeMs(8000, 440, 64);
    expect(Math.abs(at48k - 300)).toBeLessThan(30);
    expect(Math.abs(at8k - 300)).toBeLessThan(30);
    expect(Math.abs(at48k - at8k)).toBeLessThan(10);
  });

  it('VU falls as it rises: 300 ms after the sine stops it is down to 1 % (−40 dB)', () => {
    const state = createMeterState(fs);
    updateMeter(state, sine(1000, fs, fs));
    const after = updateMeter(state, new Float32Array(fs * 0.3)).vuDb;
    expect(after - SINE_RMS_DB).toBeCloseTo(-40, 0);
  });

  it('holds the peak for holdMs, then falls at fallDbPerSecond, then reads −Infinity', () => {
    const state = createMeterState(fs, { holdMs: 500, fallDbPerSecond: 20 });
    const block = new Float32Array(480); // 10 ms
    block[479] = 0.5;
    const peak = 20 * Math.log10(0.5);
    expect(updateMeter(state, block).peakHoldDb).toBeCloseTo(peak, 9);
    const silence = new Float32Array(480);
    const hold: number[] = [peak];
    for (let k = 1; k <= 1000; k++) hold.push(updateMeter(state, silence).peakHoldDb);
    expect(hold[30]).toBeCloseTo(peak, 9); // 0.3 s
    expect(hold[50]).toBeCloseTo(peak, 9); // 0.5 s: end of hold
    expect(hold[60]).toBeCloseTo(peak - 2, 6); // 0.6 s
    expect(hold[100]).toBeCloseTo(peak - 10, 6); // 1.0 s
    expect(hold[150]).toBeCloseTo(peak - 20, 6); // 1.5 s
    expect(hold[650]).toBe(Number.NEGATIVE_INFINITY); // −126 dB: below the −120 dB floor
  });

  it('a higher peak resets the hold; a lower one only once the marker has fallen below it', () => {
    const state = createMeterState(fs, { holdMs: 100, fallDbPerSecond: 60 });
    const at = (level: number, n = 480) => {
      const b = new Float32Array(n);
      b[0] = level;
      return updateMeter(state, b).peakHoldDb;
    };
    at(0.5);
    expect(at(0.25)).toBeCloseTo(-6.0206, 3); // lower peak during the hold: ignored
    expect(at(1)).toBeCloseTo(0, 6); // higher: taken at once
    at(0, 4800); // 100 ms: the hold ends 10 ms before the end of this block
    const fallen = at(0, 4800); // 110 ms into the fall at 60 dB/s
    expect(fallen).toBeCloseTo(-6.6, 1);
    expect(at(0.75)).toBeCloseTo(20 * Math.log10(0.75), 6); // −2.5 dB is above the falling marker
  });

  it('resetMeter forgets everything', () => {
    const state = createMeterState(fs);
    updateMeter(state, sine(1000, fs, 4800));
    resetMeter(state);
    expect(readMeter(state).peakHoldDb).toBe(Number.NEGATIVE_INFINITY);
    expect(updateMeter(state, new Float32Array(128)).rmsDb).toBe(Number.NEGATIVE_INFINITY);
  });
});
