import { describe, expect, it } from 'vitest';
import { scoreTrend } from '../../src/training/score-trend';
import { at, attempt, D0, DAY } from './progress-fixtures';

describe('score trend per skill', () => {
  const attempts = [
    attempt('eq-boost', 'eq', 50, at(D0, 9)),
    attempt('eq-boost', 'eq', 100, at(D0, 10)),
    attempt('pan-position', 'pan', 100, at(D0 + 1)),
    attempt('pan-position', 'pan', 80, at(D0 + 1)),
    attempt('pan-position', 'pan', 60, at(D0 + 1)),
    attempt('eq-match', 'eq', 40, at(D0 + 2)),
  ];

  it('gives daily means with counts per skill, in teaching order', () => {
    const t = scoreTrend(attempts, { today: D0 + 2 });
    expect(t.toDay).toBe(D0 + 2);
    // First practice is two days ago, but the window is at least a week long.
    expect(t.fromDay).toBe(D0 - 4);
    expect(t.skills.map((s) => s.skill)).toEqual(['pan', 'eq']);
    const [pan, eq] = t.skills;
    expect(pan?.points).toEqual([{ day: D0 + 1, mean: 80, count: 3, rolling: 80 }]);
    expect(pan?.label).toBe('Panning');
    expect(eq?.points.map(({ day, mean, count }) => ({ day, mean, count }))).toEqual([
      { day: D0, mean: 75, count: 2 },
      { day: D0 + 2, mean: 40, count: 1 },
    ]);
    // The rolling mean takes every answer of the week ending that day.
    expect(eq?.points[0]?.rolling).toBe(75);
    expect(eq?.points[1]?.rolling).toBeCloseTo(190 / 3, 10);
    expect(eq?.count).toBe(3);
    // Weighted by answers: (50 + 100 + 40) / 3, not the mean of the daily means (57.5).
    expect(eq?.mean).toBeCloseTo(190 / 3, 10);
  });

  it('reaches back to the first practice day but no further than the window', () => {
    const old = [attempt('eq-boost', 'eq', 10, at(D0 - 40)), attempt('eq-boost', 'eq', 90, at(D0 - 20))];
    const t = scoreTrend(old, { today: D0, days: 30 });
    expect(t.fromDay).toBe(D0 - 29);
    expect(t.skills[0]?.points).toEqual([{ day: D0 - 20, mean: 90, count: 1, rolling: 90 }]);
    expect(scoreTrend(old.slice(1), { today: D0, days: 60 }).fromDay).toBe(D0 - 20);
  });

  it('lets the rolling mean reach back before the window, but draws no point there', () => {
    const edge = [attempt('eq-boost', 'eq', 10, at(D0 - 31)), attempt('eq-boost', 'eq', 90, at(D0 - 28))];
    const t = scoreTrend(edge, { today: D0, days: 30 });
    expect(t.skills[0]?.points).toEqual([{ day: D0 - 28, mean: 90, count: 1, rolling: 50 }]);
    // With a 3-day rolling mean the older answer is out of reach.
    expect(scoreTrend(edge, { today: D0, days: 30, rollingDays: 3 }).skills[0]?.points[0]?.rolling).toBe(90);
    // A skill practised only before the window has no line.
    expect(scoreTrend(edge.slice(0, 1), { today: D0, days: 30 }).skills).toEqual([]);
  });

  it('leaves adaptive answers out (their scores hover near 71 % by design)', () => {
    const adaptive = attempt('eq-boost', 'eq', 0, at(D0 + 2), {
      question: { kind: 'eq-boost', adaptiveValue: 3 },
    });
    const t = scoreTrend([...attempts, adaptive], { today: D0 + 2 });
    expect(t.skills[1]?.count).toBe(3);
    expect(t.skills[1]?.points[1]).toMatchObject({ day: D0 + 2, mean: 40, count: 1 });
  });

  it('ignores answers after today and returns no skills for no answers', () => {
    const t = scoreTrend([attempt('eq-boost', 'eq', 70, at(D0 + 3))], { today: D0 });
    expect(t.skills).toEqual([]);
    expect(scoreTrend([], { today: D0 }).fromDay).toBe(D0 - 6);
  });

  it('counts days with the given day function (local calendar days)', () => {
    // 23:00 UTC is already the next day two hours east of Greenwich.
    const plusTwo = (ms: number) => Math.floor((ms + 2 * 3_600_000) / DAY);
    const late = [attempt('eq-boost', 'eq', 60, at(D0, 23)), attempt('eq-boost', 'eq', 80, at(D0 + 1, 8))];
    expect(scoreTrend(late, { today: D0 + 1 }).skills[0]?.points).toHaveLength(2);
    expect(scoreTrend(late, { today: D0 + 1, dayOf: plusTwo }).skills[0]?.points).toEqual([
      { day: D0 + 1, mean: 70, count: 2, rolling: 70 },
    ]);
  });
});
