import { formatHz } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import { formatPan } from '../../dsp/pan';
import type { Decibels } from '../../dsp/units';

/**
 * How a control maps its value to a position (0 = bottom/left/fully anticlockwise, 1 = top/right), how
 * keyboard nudges move it and how it reads aloud. Faders and knobs share these, so every control behaves
 * the same way under the mouse, a finger and the keyboard.
 */
export interface ControlScale {
  /** Value → position in [0, 1]. */
  toPosition(value: number): number;
  /** Position in [0, 1] → value (clamped to the scale). */
  fromPosition(position: number): number;
  /** One arrow-key nudge up (direction 1) or down (−1); `fine` is the Shift step. */
  nudge(value: number, direction: 1 | -1, fine: boolean): number;
  /** The readable value: "−6.0 dB", "L 30", "1.2 kHz", "4:1". */
  format(value: number): string;
  /** Lowest and highest values (for aria-valuemin/max; −Infinity is reported as the lowest finite). */
  min: number;
  max: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Removes floating-point dust (−5.8999999 → −5.9) without snapping to a grid. */
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

/** Fader end stop at the top. */
export const FADER_MAX_DB: Decibels = 10;
/** Below this a fader (or send) snaps to −∞. */
export const FADER_FLOOR_DB: Decibels = -90;

/**
 * Breakpoints of the fader taper (dB at a position), like a console's fader scale: the upper part, where
 * mixing happens, is spread out; the bottom is squeezed. Linear in dB between breakpoints.
 */
const FADER_TAPER: readonly [db: Decibels, position: number][] = [
  [FADER_FLOOR_DB, 0],
  [-60, 0.08],
  [-40, 0.2],
  [-30, 0.3],
  [-20, 0.42],
  [-10, 0.6],
  [-5, 0.7],
  [0, 0.8],
  [5, 0.9],
  [10, 1],
];

/** The fader's scale marks, top to bottom. */
export const FADER_TICKS: readonly Decibels[] = [
  10,
  5,
  0,
  -5,
  -10,
  -20,
  -30,
  -40,
  -60,
  Number.NEGATIVE_INFINITY,
];

/** Builds a tapered dB scale up to `maxDb` (faders: +10, sends: +6) with −∞ at the bottom. */
function taperedDbScale(maxDb: Decibels): ControlScale {
  // Cut the console taper at maxDb (interpolating the end point), then stretch it to fill the travel.
  const taper = FADER_TAPER.filter(([db]) => db < maxDb);
  const [lastDb, lastPos] = taper[taper.length - 1]!;
  const [nextDb, nextPos] = FADER_TAPER[taper.length] ?? [maxDb, 1];
  taper.push([maxDb, lastPos + ((maxDb - lastDb) / (nextDb - lastDb)) * (nextPos - lastPos)]);
  const top = taper[taper.length - 1]![1];
  const toPosition = (db: number): number => {
    if (!(db > FADER_FLOOR_DB)) return 0;
    if (db >= maxDb) return 1;
    for (let i = 1; i < taper.length; i++) {
      const [d1, p1] = taper[i]!;
      const [d0, p0] = taper[i - 1]!;
      if (db <= d1) return (p0 + ((db - d0) / (d1 - d0)) * (p1 - p0)) / top;
    }
    return 1;
  };
  const fromPosition = (position: number): number => {
    const p = clamp(position, 0, 1) * top;
    if (p <= 0) return Number.NEGATIVE_INFINITY;
    for (let i = 1; i < taper.length; i++) {
      const [d1, p1] = taper[i]!;
      const [d0, p0] = taper[i - 1]!;
      if (p <= p1) return d0 + ((p - p0) / (p1 - p0)) * (d1 - d0);
    }
    return maxDb;
  };
  return {
    toPosition,
    fromPosition,
    nudge(db, direction, fine) {
      if (db === Number.NEGATIVE_INFINITY) return direction > 0 ? -60 : db;
      const step = fine ? 0.1 : 1;
      const next = tidy(db + direction * step);
      if (next < -60 && direction < 0 && db <= -60) return Number.NEGATIVE_INFINITY;
      return clamp(next, -60, maxDb);
    },
    format: (db) => formatDb(db),
    min: FADER_FLOOR_DB,
    max: maxDb,
  };
}

/** Channel and master faders: −∞ … +10 dB; arrows ±1 dB, Shift ±0.1 dB. */
export const faderScale: ControlScale = taperedDbScale(FADER_MAX_DB);

/** Send levels: −∞ … +6 dB on the same taper as a fader. */
export const sendScale: ControlScale = taperedDbScale(6);

/** A linear scale with a keyboard step, a fine step and a formatter. */
export function linearScale(
  min: number,
  max: number,
  step: number,
  fineStep: number,
  format: (value: number) => string,
): ControlScale {
  return {
    toPosition: (v) => (clamp(v, min, max) - min) / (max - min),
    fromPosition: (p) => min + clamp(p, 0, 1) * (max - min),
    nudge: (v, direction, fine) => {
      const s = fine ? fineStep : step;
      return clamp(tidy(v + direction * s), min, max);
    },
    format,
    min,
    max,
  };
}

/** A logarithmic scale (frequency, Q, times): arrows move by `ratio`, Shift by `fineRatio`. */
export function logScale(
  min: number,
  max: number,
  ratio: number,
  fineRatio: number,
  format: (value: number) => string,
): ControlScale {
  const span = Math.log(max / min);
  return {
    toPosition: (v) => Math.log(clamp(v, min, max) / min) / span,
    fromPosition: (p) => min * Math.exp(clamp(p, 0, 1) * span),
    nudge: (v, direction, fine) => clamp(v * (fine ? fineRatio : ratio) ** direction, min, max),
    format,
    min,
    max,
  };
}

/** Pan: L 100 … C … R 100; arrows 5 units, Shift 1 unit. */
export const panScale: ControlScale = linearScale(-1, 1, 0.05, 0.01, formatPan);

/** EQ and compressor gains in dB with one decimal: "+3.0 dB". */
export const formatSignedDb = (db: number): string => formatDb(db);

/** EQ band frequency: 20 Hz … 20 kHz, a semitone per arrow, a quarter of one with Shift. */
export const frequencyScale: ControlScale = logScale(20, 20000, 2 ** (1 / 12), 2 ** (1 / 48), formatHz);

/** EQ band gain: ±18 dB in 0.5 dB steps (0.1 dB with Shift). */
export const eqGainScale: ControlScale = linearScale(-18, 18, 0.5, 0.1, formatSignedDb);

/** Formats a Q: "Q 1.4". */
export const formatQ = (q: number): string => `Q ${q < 10 ? q.toFixed(1) : Math.round(q)}`;

/** EQ band Q: 0.1 … 18, logarithmic. */
export const qScale: ControlScale = logScale(0.1, 18, 1.1, 1.02, formatQ);

/** Stereo width: 0 (mono) … 200 %, 5 % per arrow (1 % with Shift); 100 % is the width as panned. */
export const widthScale: ControlScale = linearScale(0, 2, 0.05, 0.01, (w) => `${Math.round(w * 100)} %`);

/** Saturation drive: 0 … +30 dB, 1 dB per arrow (0.1 dB with Shift). */
export const driveScale: ControlScale = linearScale(
  0,
  30,
  1,
  0.1,
  (db) => `+${db.toFixed(db < 10 ? 1 : 0)} dB`,
);

/** Formats a compressor ratio: "4:1", "2.5:1", "20:1". */
export const formatRatio = (ratio: number): string =>
  `${ratio >= 10 ? Math.round(ratio) : Number(ratio.toFixed(1))}:1`;

/** Formats a time in milliseconds: "0.5 ms", "10 ms", "250 ms", "1.2 s". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(2))} s`;
  if (ms < 10) return `${Number(ms.toFixed(1))} ms`;
  return `${Math.round(ms)} ms`;
}

/** Compressor threshold: −60 … 0 dB. */
export const thresholdScale: ControlScale = linearScale(-60, 0, 0.5, 0.1, formatSignedDb);
/** Compressor ratio: 1:1 … 20:1. */
export const ratioScale: ControlScale = logScale(1, 20, 1.1, 1.02, formatRatio);
/** Compressor knee: 0 … 24 dB. */
export const kneeScale: ControlScale = linearScale(0, 24, 1, 0.1, (db) => `${db.toFixed(1)} dB`);
/** Compressor attack: 0.1 … 200 ms. */
export const attackScale: ControlScale = logScale(0.1, 200, 1.2, 1.05, formatMs);
/** Compressor release: 10 … 2000 ms. */
export const releaseScale: ControlScale = logScale(10, 2000, 1.2, 1.05, formatMs);
/** Compressor makeup gain: 0 … +24 dB. */
export const makeupScale: ControlScale = linearScale(0, 24, 0.5, 0.1, formatSignedDb);
/** Low-pass cutoff: 1 … 20 kHz, a sixth of an octave per arrow (a 24th with Shift). */
export const lowPassScale: ControlScale = logScale(1000, 20000, 2 ** (1 / 6), 2 ** (1 / 24), formatHz);
/** High-pass cutoff: 20 Hz … 1 kHz. */
export const highPassScale: ControlScale = logScale(20, 1000, 2 ** (1 / 6), 2 ** (1 / 24), formatHz);
