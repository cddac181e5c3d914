import { describe, expect, it } from 'vitest';
import { FIRST_DRILL, suggestNext } from '../../src/training/practise-next';
import type { AttemptRecord } from '../../src/training/progress-records';
import { adaptiveRun, at, attempt, D0, KINDS } from './progress-fixtures';

const today = D0 + 20;

function many(exercise: string, skill: string, scores: number[], day: number, level = 1): AttemptRecord[] {
  return scores.map((score, i) => attempt(exercise, skill, score, at(day, 9, i), { level }));
}

describe('practise next', () => {
  it('gives a first-time learner the first drill, never nothing', () => {
    const s = suggestNext([], KINDS, { today });
    expect(s).toMatchObject({
      kind: FIRST_DRILL.kind,
      level: FIRST_DRILL.level,
      levelName: 'Big moves',
      firstTime: true,
      href: '/train?kind=level-change&level=1',
    });
    // A catalog without the first drill falls back to its first kind, level 1.
    expect(suggestNext([], KINDS.slice(0, 1), { today })?.kind).toBe('eq-boost');
    expect(suggestNext([], [], { today })).toBeNull();
  });

  it('favours the skill with the lowest recent mean', () => {
    const attempts = [
      ...many('eq-boost', 'eq', [30, 40, 50], today - 1), // need 100 − 40 = 60
      ...many('pan-position', 'pan', [90, 90], today - 1), // need 10
      ...many('level-change', 'faders', [70], today), // need 30
      ...many('comp-spot', 'compression', [100, 0, 100], today), // need 100 − 66.7 = 33.3
    ];
    const s = suggestNext(attempts, KINDS, { today });
    // eq-boost (need 60) beats the untried eq-match (need 50) inside EQ.
    expect(s).toMatchObject({ kind: 'eq-boost', skill: 'eq', skillLabel: 'EQ', level: 1, firstTime: false });
    expect(s?.reason).toBe(
      'EQ is your weakest skill lately: an average of 40 over 3 answers in the last 14 days.',
    );
    expect(s?.href).toBe('/train?kind=eq-boost&level=1');
  });

  it('nudges a learner who does well towards a skill not tried yet, in teaching order', () => {
    const attempts = [
      ...many('level-change', 'faders', [90, 95], today),
      ...many('eq-boost', 'eq', [85, 95], today),
    ];
    const s = suggestNext(attempts, KINDS, { today });
    expect(s).toMatchObject({ kind: 'pan-position', skill: 'pan' });
    expect(s?.reason).toBe('You have not tried panning yet.');
  });

  it('inside the weakest skill, offers a drill not tried yet when the tried one goes fairly well', () => {
    const eqOnly = KINDS.filter((k) => k.skill === 'eq');
    const s = suggestNext(many('eq-boost', 'eq', [50, 60], today), eqOnly, { today });
    // eq-boost: need 100 − 55 = 45; eq-match, never tried: 50.
    expect(s?.kind).toBe('eq-match');
    expect(s?.reason).toBe(
      'EQ is your weakest skill lately: an average of 55 over 2 answers in the last 14 days. This drill is new to you: another way in.',
    );
  });

  it('brings back a skill left alone: 3 points a day after two days, at most 30', () => {
    const two = KINDS.filter((k) => k.id === 'eq-boost' || k.id === 'pan-position');
    const attempts = [
      ...many('pan-position', 'pan', [80, 80], today - 12), // need 20 + min(30, 3 × 10) = 50
      ...many('eq-boost', 'eq', [55, 65], today - 1), // need 40
    ];
    const s = suggestNext(attempts, two, { today });
    expect(s?.kind).toBe('pan-position');
    expect(s?.reason).toBe('You last practised panning 12 days ago (average 80).');
    // Five days ago: need 20 + 9 = 29 < 40, so EQ again.
    const recent = attempts.map((a) => (a.skill === 'pan' ? { ...a, at: a.at + 7 * 86_400_000 } : a));
    expect(suggestNext(recent, two, { today })?.kind).toBe('eq-boost');
  });

  it('uses the last ten answers of a skill when none are recent', () => {
    const old = many('eq-boost', 'eq', [0, 0, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60], today - 40);
    const s = suggestNext(old, KINDS.slice(0, 1), { today });
    expect(s?.reason).toBe('You last practised EQ 40 days ago (average 60).');
  });

  it('moves the level up after a run of high scores and down after low ones', () => {
    const only = KINDS.slice(0, 1);
    const up = suggestNext(many('eq-boost', 'eq', [90, 80, 90, 90, 100], today, 2), only, { today });
    expect(up).toMatchObject({ level: 3, levelName: 'Ten octaves', href: '/train?kind=eq-boost&level=3' });
    expect(up?.reason).toContain('You average 90 on level 2: time for level 3.');
    const stay = suggestNext(many('eq-boost', 'eq', [90, 80, 90, 90], today, 2), only, { today });
    expect(stay?.level).toBe(2);
    const down = suggestNext(many('eq-boost', 'eq', [30, 20, 40], today, 3), only, { today });
    expect(down).toMatchObject({ level: 2, levelName: 'Five bands' });
    // Never past the last level, and adaptive answers do not set the level.
    const top = suggestNext(many('eq-boost', 'eq', [100, 100, 100, 100, 100], today, 4), only, { today });
    expect(top?.level).toBe(4);
    const adaptive = adaptiveRun('eq-boost', 'eq', '++++', [12, 12, 10, 10], at(today));
    expect(suggestNext(adaptive, only, { today })?.level).toBe(1);
  });

  it('ignores attempts of kinds it does not know', () => {
    const s = suggestNext([attempt('mystery', 'eq', 0, at(today))], KINDS, { today });
    expect(s?.firstTime).toBe(true);
  });
});
