import { describe, expect, it } from 'vitest';
import type { ProgressRecord } from '../../src/training/progress-records';
import { buildProgressView, exerciseRows } from '../../src/training/progress-view';
import { at, attempt, D0, DAY, eqAttempt, KINDS } from './progress-fixtures';

const progress: ProgressRecord[] = [
  { exercise: 'pan-position', skill: 'pan', attempts: 3, totalScore: 250, bestScore: 100, lastAt: at(D0) },
  { exercise: 'mystery', skill: 'eq', attempts: 1, totalScore: 40, bestScore: 40, lastAt: at(D0) },
  { exercise: 'eq-boost', skill: 'eq', attempts: 4, totalScore: 301, bestScore: 100, lastAt: at(D0 + 1) },
  { exercise: 'comp-spot', skill: 'compression', attempts: 0, totalScore: 0, bestScore: 0, lastAt: 0 },
];

describe('progress view model', () => {
  it('makes per-exercise rows in catalog order with rounded averages', () => {
    expect(exerciseRows(progress, KINDS)).toEqual([
      {
        kind: 'eq-boost',
        title: 'Spot the EQ boost',
        skill: 'eq',
        skillLabel: 'EQ',
        attempts: 4,
        average: 75, // 301 / 4 = 75.25
        best: 100,
        recent: null,
        lastAt: at(D0 + 1),
        lastDay: D0 + 1,
      },
      {
        kind: 'pan-position',
        title: 'Where is it panned?',
        skill: 'pan',
        skillLabel: 'Panning',
        attempts: 3,
        average: 83, // 250 / 3 = 83.3
        best: 100,
        recent: null,
        lastAt: at(D0),
        lastDay: D0,
      },
      // Kinds this build does not know keep their id; empty records are left out.
      {
        kind: 'mystery',
        title: 'mystery',
        skill: 'eq',
        skillLabel: 'EQ',
        attempts: 1,
        average: 40,
        best: 40,
        recent: null,
        lastAt: at(D0),
        lastDay: D0,
      },
    ]);
  });

  it('puts every part together on one day numbering', () => {
    const attempts = [
      { ...eqAttempt(250, 500), at: at(D0, 22) },
      { ...eqAttempt(250, 250), at: at(D0 + 1, 8) },
      attempt('pan-position', 'pan', 40, at(D0 + 1, 9)),
    ];
    // Three hours east of UTC, 22:00 UTC is already the next day: everything happened "today".
    const dayOf = (ms: number) => Math.floor((ms + 3 * 3_600_000) / DAY);
    const view = buildProgressView(attempts, progress, KINDS, { now: at(D0 + 1, 10), dayOf });
    expect(view.today).toBe(D0 + 1);
    expect(view.totalAttempts).toBe(3);
    expect(view.streaks).toMatchObject({ current: 1, longest: 1, practisedToday: true, daysPractised: 1 });
    expect(view.trend.skills.map((s) => [s.skill, s.points])).toEqual([
      ['pan', [{ day: D0 + 1, mean: 40, count: 1, rolling: 40 }]],
      ['eq', [{ day: D0 + 1, mean: 75, count: 2, rolling: 75 }]],
    ]);
    expect(view.eq.octave?.counts).toEqual([
      [1, 1],
      [0, 0],
    ]);
    expect(view.thresholds.map((t) => t.status)).toEqual(['none', 'none', 'none']);
    expect(view.exercises).toHaveLength(3);
    // The latest fixed answers per kind: one of the two eq-boost answers was right.
    expect(view.exercises.find((r) => r.kind === 'eq-boost')?.recent).toEqual({ right: 1, of: 2 });
    // One line per drill and level; the week in sentences.
    expect(view.levels.map((l) => [l.kind, l.level, l.latest])).toEqual([
      ['pan-position', 1, 0],
      ['eq-boost', 3, 0.5],
    ]);
    expect(view.weekly[0]).toBe('This week: 3 answers on 1 day.');
    // Pan (need 60) is weaker than EQ (25) and the untried skills (50).
    expect(view.next?.kind).toBe('pan-position');
  });
});

describe('memory mode on the progress page', () => {
  it('gives memory-mode answers a row of their own, taken out of the kind’s running totals, never averaged in', () => {
    const memory = { details: { memoryMode: true } };
    const attempts = [
      attempt('eq-match', 'eq', 90, at(D0, 9)),
      attempt('eq-match', 'eq', 70, at(D0, 10)),
      attempt('eq-match', 'eq', 40, at(D0 + 1, 9), memory),
      attempt('eq-match', 'eq', 60, at(D0 + 2, 9), memory),
    ];
    const records: ProgressRecord[] = [
      {
        exercise: 'eq-match',
        skill: 'eq',
        attempts: 4,
        totalScore: 260,
        bestScore: 90,
        lastAt: at(D0 + 2, 9),
      },
    ];
    const rows = exerciseRows(records, KINDS, undefined, attempts);
    expect(rows.map((r) => [r.title, r.attempts, r.average, r.best, r.lastDay, r.recent, r.memory])).toEqual([
      ['Match the EQ', 2, 80, 90, D0, { right: 2, of: 2 }, undefined],
      ['Match the EQ (from memory)', 2, 50, 60, D0 + 2, { right: 0, of: 2 }, true],
    ]);
    // Only memory answers: one row, the memory one.
    const only = exerciseRows(
      [{ ...records[0]!, attempts: 2, totalScore: 100, bestScore: 60 }],
      KINDS,
      undefined,
      attempts.slice(2),
    );
    expect(only.map((r) => [r.title, r.attempts, r.average])).toEqual([
      ['Match the EQ (from memory)', 2, 50],
    ]);
  });

  it('draws memory-mode answers as a separate level line', () => {
    const memory = { details: { memoryMode: true } };
    const attempts = [
      attempt('eq-match', 'eq', 90, at(D0, 9)),
      attempt('eq-match', 'eq', 40, at(D0, 10), memory),
    ];
    const view = buildProgressView(attempts, [], KINDS, { now: at(D0, 12) });
    expect(view.levels.map((l) => [l.kind, l.level, l.memory ?? false, l.latest])).toEqual([
      ['eq-match', 1, false, 1],
      ['eq-match', 1, true, 0],
    ]);
  });
});
