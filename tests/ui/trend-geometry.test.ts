import { describe, expect, it } from 'vitest';
import {
  dayTicks,
  linePath,
  markerPath,
  seriesPoints,
  seriesStyle,
  trendFrame,
  xOfDay,
  yOfScore,
} from '../../src/ui/progress/trend-geometry';

describe('trend chart geometry', () => {
  it('sizes the frame from the width: taller when wider, 200–300 px', () => {
    expect(trendFrame(500)).toEqual({ width: 500, height: 210, left: 36, right: 486, top: 12, bottom: 182 });
    expect(trendFrame(320).height).toBe(200);
    expect(trendFrame(1200).height).toBe(300);
    expect(trendFrame(100).width).toBe(240);
  });

  it('maps days across and scores up, clamping scores to 0–100', () => {
    const frame = trendFrame(500);
    const trend = { fromDay: 100, toDay: 110 };
    expect(xOfDay(100, trend, frame)).toBe(36);
    expect(xOfDay(110, trend, frame)).toBe(486);
    expect(xOfDay(105, trend, frame)).toBe(261);
    expect(yOfScore(0, frame)).toBe(182);
    expect(yOfScore(100, frame)).toBe(12);
    expect(yOfScore(130, frame)).toBe(12);
    expect(yOfScore(50, frame)).toBe(97);
  });

  it('places daily means or rolling means and joins them', () => {
    const frame = trendFrame(500);
    const points = [
      { day: 100, mean: 50, count: 2, rolling: 50 },
      { day: 110, mean: 100, count: 1, rolling: 66.7 },
    ];
    const trend = { fromDay: 100, toDay: 110 };
    expect(seriesPoints(points, trend, frame)).toEqual([
      [36, 97],
      [486, 12],
    ]);
    expect(seriesPoints(points, trend, frame, 'rolling')).toEqual([
      [36, 97],
      [486, 68.6],
    ]);
    expect(
      linePath([
        [36, 97],
        [486, 12],
      ]),
    ).toBe('M36 97 L486 12');
    expect(linePath([])).toBe('');
  });

  it('labels days back from today at an even step, adding the first day when there is room', () => {
    expect(dayTicks(0, 19, 10)).toEqual([1, 4, 7, 10, 13, 16, 19]); // step 3; day 0 would crowd day 1
    expect(dayTicks(0, 20, 5)).toEqual([0, 5, 10, 15, 20]);
    expect(dayTicks(0, 19, 2)).toEqual([0, 19]);
    expect(dayTicks(0, 6, 3)).toEqual([0, 3, 6]);
    expect(dayTicks(5, 5, 4)).toEqual([5]);
  });

  it('gives every skill its own dash and marker shape', () => {
    const skills = ['faders', 'pan', 'eq', 'compression', 'space', 'production'];
    const styles = skills.map(seriesStyle);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(6);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(6);
    expect(markerPath('square', 10, 10, 2)).toBe('M8 8 h4 v4 h-4 Z');
  });
});
