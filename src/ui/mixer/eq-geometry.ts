import {
  type BiquadCoefficients,
  type BiquadType,
  biquadCoefficients,
  cascadeMagnitudeDb,
} from '../../dsp/biquad';
import type { Decibels, Hz, SampleRate } from '../../dsp/units';

/** One EQ band as the graph needs it (structurally the same as the engine's band settings). */
export interface EqBandShape {
  enabled: boolean;
  type: BiquadType;
  frequency: Hz;
  gainDb: Decibels;
  q: number;
}

/** The strip's high-pass filter as the graph needs it. */
export interface HighPassShape {
  enabled: boolean;
  frequency: Hz;
}

/** The drawing area of the EQ graph, in SVG user units. */
export interface EqFrame {
  width: number;
  height: number;
  minHz: Hz;
  maxHz: Hz;
  /** The vertical range is ±rangeDb. */
  rangeDb: Decibels;
}

/** The graph's default frame: 20 Hz – 20 kHz, ±18 dB. */
export const EQ_FRAME: EqFrame = { width: 600, height: 240, minHz: 20, maxHz: 20000, rangeDb: 18 };

/** Q of the strip's high-pass filter: a 2nd-order Butterworth (12 dB/octave, −3 dB at the cutoff). */
export const HIGH_PASS_Q = Math.SQRT1_2;

/** Grid lines of the graph: frequencies with labels, and gains. */
export const EQ_GRID_HZ: readonly Hz[] = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000];
/** Gain grid lines (dB). */
export const EQ_GRID_DB: readonly Decibels[] = [18, 12, 6, 0, -6, -12, -18];

/** x of a frequency (log axis). */
export function hzToX(hz: Hz, frame: EqFrame = EQ_FRAME): number {
  return (Math.log(hz / frame.minHz) / Math.log(frame.maxHz / frame.minHz)) * frame.width;
}

/** Frequency at x (inverse of hzToX). */
export function xToHz(x: number, frame: EqFrame = EQ_FRAME): Hz {
  return frame.minHz * (frame.maxHz / frame.minHz) ** (x / frame.width);
}

/** y of a gain (0 dB in the middle, +rangeDb at the top). */
export function dbToY(db: Decibels, frame: EqFrame = EQ_FRAME): number {
  return frame.height / 2 - (db / frame.rangeDb) * (frame.height / 2);
}

/** Gain at y (inverse of dbToY). */
export function yToDb(y: number, frame: EqFrame = EQ_FRAME): Decibels {
  return ((frame.height / 2 - y) / (frame.height / 2)) * frame.rangeDb;
}

/** The biquads that are actually in the signal path (enabled bands, the high-pass and low-pass, if on). */
export function activeFilters(
  bands: readonly EqBandShape[],
  highPass: HighPassShape | null,
  sampleRate: SampleRate,
  lowPass: HighPassShape | null = null,
): BiquadCoefficients[] {
  const list = bands
    .filter((b) => b.enabled)
    .map((b) => biquadCoefficients(b.type, b.frequency, b.q, b.gainDb, sampleRate));
  if (highPass?.enabled)
    list.push(biquadCoefficients('highpass', highPass.frequency, HIGH_PASS_Q, 0, sampleRate));
  if (lowPass?.enabled)
    list.push(biquadCoefficients('lowpass', lowPass.frequency, HIGH_PASS_Q, 0, sampleRate));
  return list;
}

/** One point of the response curve: where it is drawn and what it means. */
export interface CurvePoint {
  hz: Hz;
  /** The true response (may lie outside the drawn range). */
  db: Decibels;
  x: number;
  /** y, clamped a little beyond the frame so deep cuts run off the graph instead of to infinity. */
  y: number;
}

/**
 * The strip's EQ response sampled for drawing: `steps` log-spaced frequencies across the frame plus every
 * enabled band's exact centre, so the curve passes exactly through each band's peak or shelf point. Each
 * point's dB is the cascade of biquadMagnitudeDb over the active filters (what the engine's filters do).
 */
export function eqCurvePoints(
  bands: readonly EqBandShape[],
  highPass: HighPassShape | null,
  sampleRate: SampleRate,
  frame: EqFrame = EQ_FRAME,
  steps = 240,
  lowPass: HighPassShape | null = null,
): CurvePoint[] {
  const filters = activeFilters(bands, highPass, sampleRate, lowPass);
  const hzs: Hz[] = [];
  for (let i = 0; i <= steps; i++) hzs.push(xToHz((i / steps) * frame.width, frame));
  for (const b of bands)
    if (b.enabled && b.frequency > frame.minHz && b.frequency < frame.maxHz) hzs.push(b.frequency);
  hzs.sort((a, b) => a - b);
  const margin = frame.height * 0.1;
  return hzs.map((hz) => {
    const db = cascadeMagnitudeDb(filters, Math.min(hz, sampleRate / 2), sampleRate);
    const y = Number.isFinite(db) ? dbToY(db, frame) : frame.height + margin;
    return { hz, db, x: hzToX(hz, frame), y: Math.min(frame.height + margin, Math.max(-margin, y)) };
  });
}

/** An SVG path through the points ("M x,y L x,y …"), two decimals. */
export function curvePath(points: readonly CurvePoint[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(' ');
}

/** The same curve closed along the 0 dB line, for a translucent fill. */
export function curveFillPath(points: readonly CurvePoint[], frame: EqFrame = EQ_FRAME): string {
  if (points.length === 0) return '';
  const zero = dbToY(0, frame).toFixed(2);
  return `${curvePath(points)} L${points[points.length - 1]!.x.toFixed(2)},${zero} L${points[0]!.x.toFixed(2)},${zero} Z`;
}

/**
 * The gain a drawn path shows at frequency `hz`: parses the path, finds the segment spanning hz's x and
 * interpolates linearly, then maps y back to dB. This is what a learner reads off the graph.
 */
export function drawnGainAt(path: string, hz: Hz, frame: EqFrame = EQ_FRAME): Decibels {
  const pts = [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map(
    (m) => [Number(m[1]), Number(m[2])] as const,
  );
  const x = hzToX(hz, frame);
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1]!;
    const [x1, y1] = pts[i]!;
    if (x >= x0 && x <= x1) {
      const t = x1 === x0 ? 0 : (x - x0) / (x1 - x0);
      return yToDb(y0 + t * (y1 - y0), frame);
    }
  }
  return Number.NaN;
}

/** Where a band's handle sits: at its centre frequency, at its gain (shelves and peaks alike). */
export function bandHandle(band: EqBandShape, frame: EqFrame = EQ_FRAME): { x: number; y: number } {
  return { x: hzToX(band.frequency, frame), y: dbToY(band.gainDb, frame) };
}

/** The short name of a frequency grid line: "20", "100", "1k", "10k". */
export function gridLabel(hz: Hz): string {
  return hz >= 1000 ? `${hz / 1000}k` : `${hz}`;
}
