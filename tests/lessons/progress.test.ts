import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  lessonStatus,
  lessonToContinue,
  meetsPassMarks,
  reconcileProgress,
  withScore,
  withStep,
} from '../../src/lessons/progress.pure';

const lesson = {
  id: 'eq',
  version: 2,
  passMarks: { quiz: 75, 'eq-boost-1': 70 },
  stepTitles: ['A', 'B', 'C'],
};

describe('lesson progress', () => {
  it('completes only when every pass mark is met, keeping the best score', () => {
    let s = emptyProgress('me', lesson, 1);
    s = withScore(s, lesson, 'quiz', 100, 2);
    expect(s.completed).toBe(false);
    s = withScore(s, lesson, 'eq-boost-1', 69.6, 3);
    expect(s.scores).toEqual({ quiz: 100, 'eq-boost-1': 70 });
    expect(s).toMatchObject({ completed: true, completedAt: 3 });
    s = withScore(s, lesson, 'quiz', 0, 4);
    expect(s.scores.quiz).toBe(100);
    expect(s.completedAt).toBe(3);
  });
  it('a score just below the pass mark does not pass', () => {
    expect(meetsPassMarks({ quiz: 75 }, { quiz: 74 })).toBe(false);
    expect(meetsPassMarks({ quiz: 75 }, { quiz: 75 })).toBe(true);
    expect(meetsPassMarks({ quiz: 0 }, {})).toBe(false);
  });
  it('clamps steps to the lesson', () => {
    const s = emptyProgress('me', lesson, 1);
    expect(withStep(s, lesson, 7, 2).step).toBe(2);
    expect(withStep(s, lesson, -1, 2).step).toBe(0);
  });
  it('a new lesson version keeps scores of blocks that still exist and a completion already earned', () => {
    const old = {
      ...emptyProgress('me', { ...lesson, version: 1 }, 1),
      step: 5,
      scores: { quiz: 80, gone: 90 },
      completed: true,
    };
    expect(reconcileProgress(old, 'me', lesson, 9)).toMatchObject({
      version: 2,
      step: 2,
      scores: { quiz: 80 },
      completed: true,
    });
    expect(reconcileProgress(undefined, 'me', lesson, 9)).toEqual(emptyProgress('me', lesson, 9));
  });
  it('map status: completed, started, ready, or suggested later (advice only)', () => {
    const l = { id: 'b', prerequisites: ['a'] };
    const done = { ...emptyProgress('me', { ...lesson, id: 'a' }, 1), completed: true };
    expect(lessonStatus(l, {})).toBe('suggested-later');
    expect(lessonStatus(l, { a: done })).toBe('ready');
    expect(
      lessonStatus(l, { a: done, b: { ...emptyProgress('me', lesson, 1), lessonId: 'b', step: 1 } }),
    ).toBe('started');
    expect(lessonStatus({ id: 'a', prerequisites: [] }, { a: done })).toBe('completed');
    expect(lessonStatus({ id: 'x', prerequisites: [] }, {})).toBe('ready');
  });
  it('offers the most recently touched unfinished lesson to continue', () => {
    const a = { ...emptyProgress('me', { ...lesson, id: 'a' }, 5) };
    const b = { ...emptyProgress('me', { ...lesson, id: 'b' }, 9), completed: true };
    const c = { ...emptyProgress('me', { ...lesson, id: 'c' }, 7) };
    expect(lessonToContinue([a, b, c])?.lessonId).toBe('c');
  });
});
