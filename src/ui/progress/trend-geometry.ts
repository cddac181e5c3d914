/** Geometry of the score trend chart: days across, scores 0–100 up, in pixels of the chart's own width. */
import type { ScoreTrend, TrendPoint } from '../../training/score-trend';

/** The drawing area inside the SVG, in px. */
export interface TrendFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Scores with a grid line and a label. */
export const SCORE_GRID = [0, 25, 50, 75, 100] as const;

/** The frame for a chart `width` px wide: a little taller on wide screens, never below 200 px. */
export function trendFrame(width: number): TrendFrame {
  const w = Math.max(240, Math.round(width));
  const height = Math.round(Math.min(300, Math.max(200, w * 0.42)));
  return { width: w, height, left: 36, right: w - 14, top: 12, bottom: height - 28 };
}

/** x of a day (fromDay at the left edge, toDay at the right). */
export function xOfDay(day: number, trend: Pick<ScoreTrend, 'fromDay' | 'toDay'>, frame: TrendFrame): number {
  const span = Math.max(1, trend.toDay - trend.fromDay);
  return frame.left + ((day - trend.fromDay) / span) * (frame.right - frame.left);
}

/** y of a score 0–100 (100 at the top). */
export function yOfScore(score: number, frame: TrendFrame): number {
  const s = Math.min(100, Math.max(0, score));
  return frame.bottom - (s / 100) * (frame.bottom - frame.top);
}

/** Pixel positions of a skill's daily means (or, with `value: 'rolling'`, its rolling means), to 0.1 px. */
export function seriesPoints(
  points: readonly TrendPoint[],
  trend: Pick<ScoreTrend, 'fromDay' | 'toDay'>,
  frame: TrendFrame,
  value: 'mean' | 'rolling' = 'mean',
): [number, number][] {
  const r = (v: number) => Math.round(v * 10) / 10;
  return points.map((p) => [r(xOfDay(p.day, trend, frame)), r(yOfScore(p[value], frame))]);
}

/** An SVG path through the points ("M x y L x y …"); empty for no points. */
export function linePath(points: readonly [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
}

/**
 * Day labels: every `step` days counting back from today (step = the smallest whole number that keeps
 * at most `most` labels), plus the first day when it is not crowded against the next label.
 */
export function dayTicks(fromDay: number, toDay: number, most: number): number[] {
  const span = toDay - fromDay;
  if (span <= 0) return [toDay];
  const step = Math.max(1, Math.ceil(span / Math.max(1, most - 1)));
  const ticks: number[] = [];
  for (let d = toDay; d >= fromDay; d -= step) ticks.unshift(d);
  if ((ticks[0] as number) - fromDay >= step * 0.6) ticks.unshift(fromDay);
  return ticks;
}

/** The marker shapes, so series differ by more than colour. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'down';

/** How one skill's line looks. */
export interface SeriesStyle {
  marker: MarkerShape;
  /** stroke-dasharray ('' = solid). */
  dash: string;
  /** CSS colour, a variable defined per theme in progress.css. */
  color: string;
}

const STYLES: Readonly<Record<string, SeriesStyle>> = {
  faders: { marker: 'circle', dash: '', color: 'var(--series-faders)' },
  pan: { marker: 'square', dash: '7 4', color: 'var(--series-pan)' },
  eq: { marker: 'triangle', dash: '2 3', color: 'var(--series-eq)' },
  compression: { marker: 'diamond', dash: '10 3 2 3', color: 'var(--series-compression)' },
  space: { marker: 'cross', dash: '4 2', color: 'var(--series-space)' },
  production: { marker: 'down', dash: '12 4', color: 'var(--series-production)' },
  mixing: { marker: 'square', dash: '1 3', color: 'var(--series-mixing)' },
};

/** The look of a skill's series (unknown skills get a plain solid line with circles in the text colour). */
export function seriesStyle(skill: string): SeriesStyle {
  return STYLES[skill] ?? { marker: 'circle', dash: '', color: 'var(--text)' };
}

/** SVG path of a marker of `shape` centred on (x, y), about 2·r across. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const f = (v: number) => Math.round(v * 10) / 10;
  switch (shape) {
    case 'circle':
      return `M${f(x - r)} ${f(y)} a${r} ${r} 0 1 0 ${2 * r} 0 a${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
    case 'square':
      return `M${f(x - r)} ${f(y - r)} h${2 * r} v${2 * r} h${-2 * r} Z`;
    case 'triangle':
      return `M${f(x)} ${f(y - r * 1.2)} L${f(x + r * 1.1)} ${f(y + r * 0.8)} L${f(x - r * 1.1)} ${f(y + r * 0.8)} Z`;
    case 'down':
      return `M${f(x)} ${f(y + r * 1.2)} L${f(x + r * 1.1)} ${f(y - r * 0.8)} L${f(x - r * 1.1)} ${f(y - r * 0.8)} Z`;
    case 'diamond':
      return `M${f(x)} ${f(y - r * 1.3)} L${f(x + r * 1.3)} ${f(y)} L${f(x)} ${f(y + r * 1.3)} L${f(x - r * 1.3)} ${f(y)} Z`;
    case 'cross':
      return `M${f(x - r)} ${f(y - r)} L${f(x + r)} ${f(y + r)} M${f(x + r)} ${f(y - r)} L${f(x - r)} ${f(y + r)}`;
  }
}
