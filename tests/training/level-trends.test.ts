import { describe, expect, it } from 'vitest';
import { levelTrends, weeklySummary } from '../../src/training/level-trends';
import type { AttemptRecord } from '../../src/training/progress-records';
import { at, attempt, D0, KINDS } from './progress-fixtures';

function run(exercise: string, skill: string, level: number, scores: number[], day: number): AttemptRecord[] {
  return scores.map((score, i) => attempt(exercise, skill, score, at(day, 9, i), { level }));
}
const n = (count: number, score: number) => Array.from({ length: count }, () => score);

/** One adaptive eq-boost sitting on `day` whose stored estimate is `value` dB. */
function sitting(day: number, value: number): AttemptRecord[] {
  return [0, 1, 2].map((i) => ({
    ...attempt('eq-boost', 'eq', 100, at(day, 9, i), { level: 3 }),
    question: {
      kind: 'eq-boost',
      adaptiveValue: value,
      adaptiveSitting: at(day, 9),
      adaptiveEstimate: { value, low: value / 1.5, high: value * 1.5, percentCorrect: 75 },
    },
  }));
}

describe('growth by drill and level', () => {
  it('keeps every level on its own line: moving up a level does not pull level 1 down', () => {
    const attempts = [
      ...run('level-change', 'faders', 1, n(20, 100), D0 - 3),
      ...run('level-change', 'faders', 2, n(10, 20), D0),
    ];
    const lines = levelTrends(attempts, KINDS, { today: D0 });
    expect(lines.map((l) => [l.kind, l.level, l.latest])).toEqual([
      ['level-change', 1, 1],
      ['level-change', 2, 0],
    ]);
  });

  it('each point is the share right over the last 20 answers at that level up to that day', () => {
    const attempts = [
      ...run('eq-boost', 'eq', 2, n(10, 0), D0 - 2),
      ...run('eq-boost', 'eq', 2, n(10, 100), D0 - 1),
      ...run('eq-boost', 'eq', 2, n(10, 100), D0),
    ];
    const [line] = levelTrends(attempts, KINDS, { today: D0 });
    expect(line?.points.map((p) => [p.day - D0, p.rolling, p.count])).toEqual([
      [-2, 0, 10],
      [-1, 0.5, 10],
      [0, 1, 10],
    ]);
  });

  it('sums up the week: a threshold 6 dB → 3 dB, a level that grew, and how much was done', () => {
    const attempts = [
      ...sitting(D0 - 10, 6),
      ...sitting(D0 - 1, 3),
      ...run('level-change', 'faders', 1, n(20, 40), D0 - 9),
      ...run('level-change', 'faders', 1, n(10, 100), D0 - 2),
    ];
    expect(weeklySummary(attempts, KINDS, { today: D0 })).toEqual([
      'This week: 13 answers on 2 days.',
      'Spot the EQ boost: 6 dB → 3 dB this week.',
      'What changed level? (level 1): 0 % → 50 % right this week.',
    ]);
    expect(weeklySummary(attempts, KINDS, { today: D0 + 30 })).toEqual([]);
  });
});
