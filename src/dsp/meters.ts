import { gainToDb, powerToDb } from './db';
import type { Decibels, Gain, Milliseconds, SampleRate, Samples } from './units';

/** Readings below this level are reported as −Infinity by the stateful meter (its noise floor). */
export const METER_FLOOR_DB: Decibels = -120;

/** Clamps an optional [start, end) sample range to the array. */
function clampRange(length: number, start = 0, end = length): [number, number] {
  const s = Math.max(0, Math.min(length, Math.floor(start)));
  const e = Math.max(s, Math.min(length, Math.floor(end)));
  return [s, e];
}

/** Absolute sample peak (linear) of samples[start, end); an empty range gives 0. */
export function measurePeak(samples: Samples, start?: number, end?: number): Gain {
  const [s, e] = clampRange(samples.length, start, end);
  let peak = 0;
  for (let i = s; i < e; i++) {
    const a = Math.abs(samples[i] as number);
    if (a > peak) peak = a;
  }
  return peak;
}

/** Root-mean-square level (linear) of samples[start, end); an empty range gives 0. */
export function measureRms(samples: Samples, start?: number, end?: number): Gain {
  const [s, e] = clampRange(samples.length, start, end);
  if (e === s) return 0;
  let sum = 0;
  for (let i = s; i < e; i++) {
    const x = samples[i] as number;
    sum += x * x;
  }
  return Math.sqrt(sum / (e - s));
}

/** Sample peak in dBFS of samples[start, end); silence gives −Infinity. */
export function measurePeakDb(samples: Samples, start?: number, end?: number): Decibels {
  return gainToDb(measurePeak(samples, start, end));
}

/** RMS level in dBFS of samples[start, end) (a full-scale sine reads −3.01); silence gives −Infinity. */
export function measureRmsDb(samples: Samples, start?: number, end?: number): Decibels {
  return gainToDb(measureRms(samples, start, end));
}

/** Settings of the stateful meter; every field has a default. */
export interface MeterOptions {
  /** Length of the sliding RMS window (default 300 ms). */
  rmsWindowMs: Milliseconds;
  /** Time a VU reading takes to reach 99 % of a step (default 300 ms, the VU standard). */
  vuRiseMs: Milliseconds;
  /** How long the peak-hold marker stays put before it falls (default 1500 ms). */
  holdMs: Milliseconds;
  /** How fast the peak-hold marker falls once the hold time is over (default 20 dB/s). */
  fallDbPerSecond: number;
}

/** One meter reading, all in dBFS; −Infinity means silence (below METER_FLOOR_DB). */
export interface MeterReading {
  /** Sample peak of the latest block. */
  peakDb: Decibels;
  /** RMS over the sliding window that ends with the latest block. */
  rmsDb: Decibels;
  /** VU-style reading: average-responding, sine-calibrated (a steady sine reads its RMS). */
  vuDb: Decibels;
  /** Highest recent peak: held for holdMs, then falling at fallDbPerSecond. */
  peakHoldDb: Decibels;
}

/** The running state of one meter channel; create with createMeterState, feed with updateMeter. */
export interface MeterState {
  readonly sampleRate: SampleRate;
  readonly options: Readonly<MeterOptions>;
  /** Squares of the last rmsWindow samples (ring buffer). */
  readonly squares: Float64Array;
  ringIndex: number;
  squareSum: number;
  /** Coefficient and two stages of the critically damped VU filter. */
  readonly vuCoeff: number;
  vu1: number;
  vu2: number;
  /** Peak-hold level at its last reset (dB) and seconds since that peak. */
  holdLevelDb: Decibels;
  holdAgeS: number;
  last: MeterReading;
}

/** Default meter settings (300 ms RMS window, 300 ms VU rise, 1.5 s hold, 20 dB/s fall). */
export const DEFAULT_METER_OPTIONS: Readonly<MeterOptions> = {
  rmsWindowMs: 300,
  vuRiseMs: 300,
  holdMs: 1500,
  fallDbPerSecond: 20,
};

/** Step response of a critically damped 2nd-order lowpass, 1 − (1 + u)·e^−u, is 0.99 at u = this. */
const VU_99_PERCENT_IN_TAU = 6.638352067993813;
/** Mean of a full-wave rectified sine is 2/π of its peak; this scales it to the sine's RMS. */
const SINE_AVERAGE_TO_RMS = Math.PI / (2 * Math.SQRT2);
const FLOOR_POWER = 10 ** (METER_FLOOR_DB / 10);
const FLOOR_GAIN = 10 ** (METER_FLOOR_DB / 20);
const SILENT: MeterReading = {
  peakDb: Number.NEGATIVE_INFINITY,
  rmsDb: Number.NEGATIVE_INFINITY,
  vuDb: Number.NEGATIVE_INFINITY,
  peakHoldDb: Number.NEGATIVE_INFINITY,
};

/**
 * Creates a meter channel. RMS is a true sliding window (not exponential). VU ballistics are two
 * cascaded identical one-pole lowpasses (a critically damped 2nd-order filter) on |x|, with
 * τ = vuRiseMs / 6.638 (45.2 ms) so a step reaches 99 % after vuRiseMs, and no overshoot.
 */
export function createMeterState(sampleRate: SampleRate, options: Partial<MeterOptions> = {}): MeterState {
  const opts: MeterOptions = { ...DEFAULT_METER_OPTIONS, ...options };
  const windowSamples = Math.max(1, Math.round((opts.rmsWindowMs / 1000) * sampleRate));
  const tauSamples = (opts.vuRiseMs / 1000 / VU_99_PERCENT_IN_TAU) * sampleRate;
  return {
    sampleRate,
    options: opts,
    squares: new Float64Array(windowSamples),
    ringIndex: 0,
    squareSum: 0,
    vuCoeff: 1 - Math.exp(-1 / Math.max(tauSamples, 1e-9)),
    vu1: 0,
    vu2: 0,
    holdLevelDb: Number.NEGATIVE_INFINITY,
    holdAgeS: 0,
    last: { ...SILENT },
  };
}

/** Forgets everything the meter has seen: all readings go back to −Infinity. */
export function resetMeter(state: MeterState): void {
  state.squares.fill(0);
  state.ringIndex = 0;
  state.squareSum = 0;
  state.vu1 = 0;
  state.vu2 = 0;
  state.holdLevelDb = Number.NEGATIVE_INFINITY;
  state.holdAgeS = 0;
  state.last = { ...SILENT };
}

/** The latest reading without feeding new audio. */
export function readMeter(state: MeterState): MeterReading {
  return { ...state.last };
}

/** Level of the peak-hold marker `ageS` seconds after a peak at `levelDb`. */
function heldLevel(state: MeterState, levelDb: Decibels, ageS: number): Decibels {
  const over = ageS - state.options.holdMs / 1000;
  return over <= 0 ? levelDb : levelDb - over * state.options.fallDbPerSecond;
}

/** Feeds one block of samples (any length) and returns the reading at the block's last sample. */
export function updateMeter(state: MeterState, block: Samples): MeterReading {
  const n = block.length;
  if (n === 0) return readMeter(state);
  const { squares, vuCoeff } = state;
  const size = squares.length;
  let { ringIndex, squareSum, vu1, vu2 } = state;
  let peak = 0;
  let peakIndex = 0;
  for (let i = 0; i < n; i++) {
    const x = block[i] as number;
    const a = Math.abs(x);
    if (a >= peak) {
      peak = a;
      peakIndex = i;
    }
    const sq = x * x;
    squareSum += sq - (squares[ringIndex] as number);
    squares[ringIndex] = sq;
    ringIndex++;
    if (ringIndex === size) {
      ringIndex = 0;
      // Re-add the window once per lap so rounding error in the running sum cannot accumulate.
      squareSum = 0;
      for (let k = 0; k < size; k++) squareSum += squares[k] as number;
    }
    vu1 += vuCoeff * (a - vu1);
    vu2 += vuCoeff * (vu1 - vu2);
  }
  // Flush the filter once it is far below the floor: no denormals, and silence reads exactly 0.
  if (vu1 < FLOOR_GAIN * 1e-3 && vu2 < FLOOR_GAIN * 1e-3) {
    vu1 = 0;
    vu2 = 0;
  }
  state.ringIndex = ringIndex;
  state.squareSum = squareSum;
  state.vu1 = vu1;
  state.vu2 = vu2;

  const blockS = n / state.sampleRate;
  const peakDb = peak < FLOOR_GAIN ? Number.NEGATIVE_INFINITY : gainToDb(peak);
  const current = heldLevel(state, state.holdLevelDb, state.holdAgeS + blockS);
  if (peakDb >= current && peakDb > Number.NEGATIVE_INFINITY) {
    state.holdLevelDb = peakDb;
    state.holdAgeS = (n - 1 - peakIndex) / state.sampleRate;
  } else {
    state.holdAgeS += blockS;
  }
  const holdDb = heldLevel(state, state.holdLevelDb, state.holdAgeS);
  if (holdDb < METER_FLOOR_DB) state.holdLevelDb = Number.NEGATIVE_INFINITY;
  const meanSquare = squareSum / size;
  const vu = vu2 * SINE_AVERAGE_TO_RMS;
  state.last = {
    peakDb,
    rmsDb: meanSquare < FLOOR_POWER ? Number.NEGATIVE_INFINITY : powerToDb(meanSquare),
    vuDb: vu < FLOOR_GAIN ? Number.NEGATIVE_INFINITY : gainToDb(vu),
    peakHoldDb: holdDb < METER_FLOOR_DB ? Number.NEGATIVE_INFINITY : holdDb,
  };
  return readMeter(state);
}
