import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  lessonStatus,
  lessonToContinue,
  meetsPassMarks,
  passedFirstTry,
  QUIZ_ATTEMPTS_KEPT,
  type QuizAttempt,
  type QuizHistory,
  quizHistoryOf,
  quizPassWords,
  reconcileProgress,
  restartedProgress,
  withMixer,
  withQuiz,
  withQuizAttempt,
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

const attempt = (score: number, seed: number, at: number): QuizAttempt => ({
  seed,
  picks: [0, 1, 2, 0],
  score,
  passed: score >= 75,
  afterKey: false,
  at,
});

describe('quiz attempts in lesson progress', () => {
  it('a pass on the first try counts as a first-try pass', () => {
    const h = withQuizAttempt(undefined, attempt(100, 7, 1));
    expect(h).toMatchObject({ count: 1, passedOn: 1, first: { seed: 7, afterKey: false } });
    expect(passedFirstTry(h)).toBe(true);
    expect(quizPassWords(h)).toBe('Passed on the first try');
  });

  it('a pass after the key was shown is a retry, even if the UI forgot to say so', () => {
    let h = withQuizAttempt(undefined, attempt(25, 7, 1));
    expect(h.passedOn).toBeUndefined();
    h = withQuizAttempt(h, attempt(100, 8, 2));
    expect(h).toMatchObject({ count: 2, passedOn: 2, first: { score: 25, passed: false } });
    expect(h.recent.map((a) => [a.seed, a.afterKey])).toEqual([
      [7, false],
      [8, true],
    ]);
    expect(passedFirstTry(h)).toBe(false);
    expect(quizPassWords(h)).toBe('Passed on try 2, after seeing the answers');
  });

  it('keeps the first attempt and the latest ones, each with its seed for replay', () => {
    let h = withQuizAttempt(undefined, attempt(0, 1, 1));
    for (let i = 2; i <= 25; i++) h = withQuizAttempt(h, attempt(50, i, i));
    expect(h.count).toBe(25);
    expect(h.first.seed).toBe(1);
    expect(h.recent).toHaveLength(QUIZ_ATTEMPTS_KEPT);
    expect(h.recent.at(-1)?.seed).toBe(25);
  });

  it('a quiz attempt records its score (best kept) and completes the lesson', () => {
    let s = emptyProgress('me', lesson, 1);
    s = withScore(s, lesson, 'eq-boost-1', 80, 2);
    s = withQuiz(s, lesson, 'quiz', attempt(50, 3, 3), 3);
    expect(s.completed).toBe(false);
    s = withQuiz(s, lesson, 'quiz', attempt(100, 4, 4), 4);
    expect(s).toMatchObject({ completed: true, completedAt: 4, scores: { quiz: 100 } });
    expect(s.quizzes?.quiz?.passedOn).toBe(2);
    expect(passedFirstTry(s.quizzes?.quiz)).toBe(false);
  });

  it('starting a lesson over forgets step and scores but not which quiz keys were seen', () => {
    let s = withStep(emptyProgress('me', lesson, 1), lesson, 2, 2);
    s = withQuiz(s, lesson, 'quiz', attempt(25, 3, 3), 3);
    const fresh = restartedProgress(s, 'me', lesson, 9);
    expect(fresh).toMatchObject({ step: 0, scores: {}, completed: false, updatedAt: 9 });
    expect(lessonStatus({ id: 'eq', prerequisites: [] }, { eq: fresh })).toBe('ready');
    const again = withQuiz(fresh, lesson, 'quiz', attempt(100, 4, 10), 10);
    expect(again.quizzes?.quiz?.count).toBe(2);
    expect(passedFirstTry(again.quizzes?.quiz)).toBe(false);
    expect(restartedProgress(undefined, 'me', lesson, 9).quizzes).toBeUndefined();
  });

  it('keeps each mixer block as it was left, beside scores and step; starting over forgets them', () => {
    let s = withStep(emptyProgress('me', lesson, 1), lesson, 1, 2);
    s = withMixer(s, 'mix-1', { faders: [-3] }, 3);
    s = withMixer(s, 'mix-2', { faders: [0] }, 4);
    s = withMixer(s, 'mix-1', { faders: [-6] }, 5);
    expect(s).toMatchObject({
      step: 1,
      updatedAt: 5,
      mixers: { 'mix-1': { faders: [-6] }, 'mix-2': { faders: [0] } },
    });
    expect(reconcileProgress(s, 'me', lesson, 6).mixers).toEqual(s.mixers);
    expect(restartedProgress(s, 'me', lesson, 9).mixers).toBeUndefined();
  });

  it('a damaged stored history counts as none instead of breaking the quiz', () => {
    const damaged = { count: 2 } as unknown as QuizHistory;
    expect(quizHistoryOf(damaged)).toBeUndefined();
    expect(passedFirstTry(damaged)).toBe(false);
    expect(quizPassWords(damaged)).toBe('');
    expect(withQuizAttempt(damaged, attempt(100, 5, 1))).toMatchObject({ count: 1, passedOn: 1 });
  });
});
