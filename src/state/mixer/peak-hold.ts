import type { Decibels, Seconds } from '../../dsp/units';

/** What a meter shows: a falling peak bar, an RMS bar and a held peak marker (all dBFS). */
export interface MeterView {
  peakDb: Decibels;
  rmsDb: Decibels;
  holdDb: Decibels;
  /** When the held peak was last raised, in seconds of the meter clock. */
  holdAt: Seconds;
  /** True once the held peak went over 0 dBFS, until reset (a clip light). */
  clipped: boolean;
}

/** Timing of the meter's ballistics. */
export interface MeterBallistics {
  /** How fast the peak and RMS bars fall, dB per second. */
  fallDbPerS: number;
  /** How long the held peak stays put. */
  holdS: Seconds;
  /** How fast it falls afterwards, dB per second. */
  holdFallDbPerS: number;
}

/** DAW-like defaults: bars fall 24 dB/s, the peak is held 1.5 s then falls 20 dB/s. */
export const DEFAULT_BALLISTICS: MeterBallistics = { fallDbPerS: 24, holdS: 1.5, holdFallDbPerS: 20 };

/** A silent meter. */
export const SILENT_METER: MeterView = {
  peakDb: Number.NEGATIVE_INFINITY,
  rmsDb: Number.NEGATIVE_INFINITY,
  holdDb: Number.NEGATIVE_INFINITY,
  holdAt: 0,
  clipped: false,
};

/** The bottom of the meters' scale (dBFS): below it nothing more shows, so a stopped meter loop may rest. */
export const SETTLED_DB: Decibels = -60;

/** Lowest level a falling bar keeps; below it the meter reads silence. */
const FLOOR_DB: Decibels = -100;

function fall(previous: Decibels, reading: Decibels, drop: number): Decibels {
  const fallen = previous - drop;
  const next = Math.max(reading, fallen);
  return next < FLOOR_DB ? Number.NEGATIVE_INFINITY : next;
}

/**
 * Applies ballistics to a fresh engine reading at meter time `now`: bars jump up and fall at a fixed
 * rate; the held peak is raised by any higher peak and falls only after holdS.
 */
export function advanceMeter(
  previous: MeterView,
  reading: { peakDb: Decibels; rmsDb: Decibels },
  now: Seconds,
  dt: Seconds,
  ballistics: MeterBallistics = DEFAULT_BALLISTICS,
): MeterView {
  const peakDb = fall(previous.peakDb, reading.peakDb, ballistics.fallDbPerS * dt);
  const rmsDb = fall(previous.rmsDb, reading.rmsDb, ballistics.fallDbPerS * dt);
  let holdDb = previous.holdDb;
  let holdAt = previous.holdAt;
  if (reading.peakDb >= holdDb) {
    holdDb = reading.peakDb;
    holdAt = now;
  } else if (now - holdAt > ballistics.holdS) {
    holdDb = fall(holdDb, reading.peakDb, ballistics.holdFallDbPerS * dt);
  }
  return { peakDb, rmsDb, holdDb, holdAt, clipped: previous.clipped || reading.peakDb > 0 };
}

/** True when two views would draw the same (so the UI need not re-render). */
export function sameMeter(a: MeterView, b: MeterView): boolean {
  return a.peakDb === b.peakDb && a.rmsDb === b.rmsDb && a.holdDb === b.holdDb && a.clipped === b.clipped;
}
