import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/training/progress-records';
import {
  planWorkout,
  secondsPerQuestion,
  WORKOUT_MAX_MINUTES,
  WORKOUT_MIN_MINUTES,
  type WorkoutDrill,
  weakestBand,
} from '../../src/training/workout';
import { completed, LESSONS, PATH_KINDS, statesOf } from './path-fixtures';
import { at, attempt, D0, eqAttempt } from './progress-fixtures';

const now = at(D0, 18);
const drills = (items: ReturnType<typeof planWorkout>['items']) =>
  items.filter((i): i is WorkoutDrill => i.type === 'drill');

function run(
  exercise: string,
  skill: string,
  level: number,
  scores: number[],
  day = D0 - 1,
): AttemptRecord[] {
  return scores.map((score, i) => attempt(exercise, skill, score, at(day, 9, i), { level, timeMs: 12_000 }));
}

/** eq-boost answers: `right` of `n` right at `hz`, the rest answered as `wrongHz`. */
function eqRow(hz: number, n: number, right: number, wrongHz: number, day = D0 - 1): AttemptRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    ...eqAttempt(hz, i < right ? hz : wrongHz),
    at: at(day, 10, i + hz / 1000),
    timeMs: 12_000,
  }));
}

describe('the daily workout', () => {
  it('gives a new learner 10–15 minutes of the first lessons’ drills, easiest level, marked as advice', () => {
    const plan = planWorkout({ attempts: [], kinds: PATH_KINDS, lessons: LESSONS, states: {}, now });
    expect(plan.minutes).toBeGreaterThanOrEqual(WORKOUT_MIN_MINUTES);
    expect(plan.minutes).toBeLessThanOrEqual(WORKOUT_MAX_MINUTES);
    const first = drills(plan.items)[0];
    // 'monitoring' (level-change) is the first lesson on the path with a drill.
    expect(first).toMatchObject({ kind: 'level-change', level: 1, adaptive: false });
    expect(first?.reason).toContain('“Monitoring');
    expect(plan.items.every((i) => i.type === 'drill' && i.level === 1)).toBe(true);
    expect(new Set(drills(plan.items).map((d) => d.kind)).size).toBe(plan.items.length);
  });

  it('aims a learner weak at 250 Hz at 250 Hz, and never at a band they cannot hear', () => {
    const attempts = [
      ...eqRow(250, 6, 1, 500),
      ...eqRow(1000, 6, 6, 1000),
      ...eqRow(4000, 5, 5, 4000),
      ...eqRow(31.5, 4, 0, 63),
    ];
    const states = statesOf(completed('eq-basics', D0 - 2, []));
    // 31.5 Hz is worse (0 of 4), but unheard: 250 Hz is the focus.
    expect(weakestBand(attempts)?.hz).toBe(31.5);
    expect(weakestBand(attempts, [31.5])).toMatchObject({ hz: 250, right: 1, of: 6, mistakenFor: 500 });
    const plan = planWorkout({
      attempts,
      kinds: PATH_KINDS,
      lessons: LESSONS,
      states,
      now,
      unheardHz: [31.5],
    });
    const focus = drills(plan.items).find((d) => d.focusHz !== undefined);
    expect(focus).toMatchObject({ kind: 'eq-boost', focusHz: 250 });
    expect(focus?.reason).toBe(
      'You named 250 Hz right 1 of the last 6 times it played, mostly for 500 Hz: questions that play 250 Hz.',
    );
    expect(plan.minutes).toBeGreaterThanOrEqual(WORKOUT_MIN_MINUTES);
    expect(plan.minutes).toBeLessThanOrEqual(WORKOUT_MAX_MINUTES);
  });

  it('moves a learner who is excellent at level 1 up to level 2', () => {
    const states = statesOf(completed('monitoring', D0 - 2));
    const attempts = run(
      'level-change',
      'faders',
      1,
      Array.from({ length: 20 }, () => 100),
    );
    const plan = planWorkout({ attempts, kinds: PATH_KINDS, lessons: LESSONS, states, now });
    const lc = drills(plan.items).find((d) => d.kind === 'level-change');
    expect(lc).toMatchObject({ level: 2, levelName: '3 dB steps' });
    // Nearly there (15 of 20): stays on level 1.
    const almost = run('level-change', 'faders', 1, [...Array(5).fill(20), ...Array(15).fill(100)]);
    const stay = drills(
      planWorkout({ attempts: almost, kinds: PATH_KINDS, lessons: LESSONS, states, now }).items,
    );
    expect(stay.find((d) => d.kind === 'level-change')).toMatchObject({ level: 1 });
    expect(stay.find((d) => d.kind === 'level-change')?.reason).toBe(
      'Faders 1: 15 of your last 20 answers right; 16 of 20 moves you on.',
    );
  });

  it('brings back the quiz of a lesson done 3 days ago, first', () => {
    const states = statesOf(completed('eq-basics', D0 - 3), completed('panning', D0));
    const plan = planWorkout({ attempts: [], kinds: PATH_KINDS, lessons: LESSONS, states, now });
    expect(plan.items[0]).toMatchObject({ type: 'review', lessonId: 'eq-basics', reviewNumber: 1 });
    expect(plan.items[0]?.reason).toBe('You finished this lesson 3 days ago: its quiz again, so it sticks.');
    expect(plan.items.filter((i) => i.type === 'review')).toHaveLength(1);
  });

  it('adds the drill for the part of mixing that holds graded mixes back', () => {
    const dims = ['balance', 'pan', 'tone', 'dynamics', 'space'];
    const mix = (i: number): AttemptRecord => ({
      ...attempt('mix-match', 'mixing', 50, at(D0 - 1, 8, i), { level: 2, timeMs: 200_000 }),
      details: { dimensions: dims, steps: [1, 6, 0, 0, 0, 0, 5, 0, 0, 0] },
    });
    const states = statesOf(completed('panning', D0 - 10, []), completed('faders-and-headroom', D0 - 12, []));
    const plan = planWorkout({
      attempts: [mix(0), mix(1)],
      kinds: PATH_KINDS,
      lessons: LESSONS,
      states,
      now,
    });
    const pan = drills(plan.items).find((d) => d.kind === 'pan-position');
    expect(pan?.reason).toBe('In your graded mixes, panning leaves the most to fix: practise it on its own.');
  });

  it('times questions from the learner’s own answers', () => {
    const slow = run('eq-boost', 'eq', 1, [100, 100, 100, 100]).map((a, i) => ({
      ...a,
      timeMs: ([20, 30, 40, 50][i] as number) * 1000,
    }));
    expect(secondsPerQuestion('eq-boost', slow)).toBe(35 + 8);
    expect(secondsPerQuestion('eq-boost', [])).toBe(25);
    expect(secondsPerQuestion('mix-match', [])).toBe(300);
  });
});
