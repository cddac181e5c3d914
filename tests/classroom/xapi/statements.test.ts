import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { agentKey, identityProblem, toAgent } from '../../../src/classroom/xapi/identity';
import { isoDuration } from '../../../src/classroom/xapi/iso-duration';
import { stableUuid } from '../../../src/classroom/xapi/stable-uuid';
import {
  attemptStatement,
  drillRoundStatement,
  lessonStatement,
  quizStatement,
} from '../../../src/classroom/xapi/statements';
import { EXTENSIONS } from '../../../src/classroom/xapi/vocabulary';

const T = Date.UTC(2026, 11, 7, 9, 30);
const kim = toAgent({ name: 'Kim Lee', email: 'Kim.Lee@School.example' });
const sam = toAgent({ name: 'Sam', account: { homePage: 'https://lms.school.example', name: 'stu-42' } });

/** Learning Locker's validator: an empty list means the statement is valid xAPI. */
const problems = (s: unknown) => validate(s).map((w) => String((w as { message?: string }).message ?? w));

const attempt = {
  exercise: 'eq-boost',
  title: 'Spot the EQ boost',
  level: 2,
  seed: 12345,
  score: 80,
  timeMs: 4321,
  at: T,
  passMark: 70,
};

describe('stable ids', () => {
  it('the same parts give the same UUID; any change gives another; version 8, RFC variant', () => {
    const a = stableUuid(['attempt', 'mailto:k@s.example', 'eq-boost', 2, 5, T]);
    expect(stableUuid(['attempt', 'mailto:k@s.example', 'eq-boost', 2, 5, T])).toBe(a);
    expect(stableUuid(['attempt', 'mailto:k@s.example', 'eq-boost', 2, 6, T])).not.toBe(a);
    expect(stableUuid(['ab', 'c'])).not.toBe(stableUuid(['a', 'bc']));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a statement built twice is identical, id included', () => {
    expect(attemptStatement(kim, attempt)).toEqual(attemptStatement(kim, attempt));
    expect(attemptStatement(kim, attempt).id).not.toBe(attemptStatement(sam, attempt).id);
    expect(attemptStatement(kim, attempt).id).not.toBe(attemptStatement(kim, { ...attempt, at: T + 1 }).id);
  });
});

describe('durations', () => {
  it('writes ISO 8601 durations to 0.01 s', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(4321)).toBe('PT4.32S');
    expect(isoDuration(61_000)).toBe('PT1M1S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(() => isoDuration(-1)).toThrow(/0 or more/);
    expect(() => isoDuration(Number.NaN)).toThrow(/0 or more/);
  });
});

describe('identity', () => {
  it('an email becomes a lower-case mailto; an account keeps its home page', () => {
    expect(kim).toEqual({ objectType: 'Agent', name: 'Kim Lee', mbox: 'mailto:kim.lee@school.example' });
    expect(agentKey(sam)).toBe('https://lms.school.example|stu-42');
  });
  it('refuses what is not an identity, in plain words', () => {
    expect(identityProblem({ name: '', email: 'a@b.c' })).toMatch(/name/);
    expect(identityProblem({ name: 'A', email: 'not-an-email' })).toMatch(/not an email/);
    expect(identityProblem({ name: 'A', account: { homePage: 'school', name: 'x' } })).toMatch(/web address/);
    expect(identityProblem({ name: 'A', account: { homePage: 'https://s.example', name: ' ' } })).toMatch(
      /account name/,
    );
    expect(() => toAgent({ name: 'A', email: 'x' })).toThrow(/not an email/);
  });
});

describe('statements', () => {
  it('an answered question: verb, activity id per kind and level, scaled score, success, duration', () => {
    const s = attemptStatement(kim, { ...attempt, assignmentId: 'week-3' });
    expect(problems(s)).toEqual([]);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    expect(s.object).toMatchObject({ id: 'urn:headroom:exercise:eq-boost:level:2' });
    expect(s.result).toMatchObject({
      score: { scaled: 0.8, raw: 80, min: 0, max: 100 },
      success: true,
      duration: 'PT4.32S',
    });
    expect(s.timestamp).toBe('2026-12-07T09:30:00.000Z');
    expect(s.context?.contextActivities?.parent?.[0]?.id).toBe('urn:headroom:assignment:week-3');
    expect(attemptStatement(kim, { ...attempt, score: 69 }).result?.success).toBe(false);
  });

  it('an adaptive answer carries the threshold with its range', () => {
    const s = attemptStatement(sam, {
      ...attempt,
      trialValue: 4.5,
      threshold: { value: 3.2, low: 2.1, high: 4.8, percentCorrect: 75, unit: 'dB' },
    });
    expect(problems(s)).toEqual([]);
    expect(s.result?.extensions?.[EXTENSIONS.threshold]).toEqual({
      value: 3.2,
      low: 2.1,
      high: 4.8,
      percentCorrect: 75,
      unit: 'dB',
    });
    expect(s.result?.extensions?.[EXTENSIONS.trialValue]).toBe(4.5);
  });

  it('a graded mix is scored', () => {
    const s = attemptStatement(kim, { ...attempt, exercise: 'mix-match', gradedMix: true, score: 55 });
    expect(problems(s)).toEqual([]);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/scored');
    expect(s.result?.success).toBe(false);
  });

  it('a drill round is completed with the mean score; an empty round is refused', () => {
    const round = {
      exercise: 'eq-boost',
      title: 'Spot the EQ boost',
      level: 'adaptive' as const,
      scores: [100, 0, 100, 100],
      correct: 3,
      totalTimeMs: 20_000,
      startedAt: T,
      endedAt: T + 25_000,
      passMark: 70,
      threshold: { value: 3, low: 2, high: 4, percentCorrect: 75, unit: 'dB' },
    };
    const s = drillRoundStatement(kim, round);
    expect(problems(s)).toEqual([]);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(s.object).toMatchObject({ id: 'urn:headroom:exercise:eq-boost:adaptive' });
    expect(s.result?.score?.scaled).toBe(0.75);
    expect(s.result?.success).toBe(true);
    expect(s.result?.duration).toBe('PT20S');
    expect(s.result?.extensions?.[EXTENSIONS.questions]).toBe(4);
    expect(() => drillRoundStatement(kim, { ...round, scores: [] })).toThrow(/no answers/);
  });

  it('a lesson completion and a quiz result (passed and failed)', () => {
    const lesson = lessonStatement(kim, {
      lessonId: 'eq-basics',
      title: 'EQ basics',
      version: 2,
      completedAt: T,
      score: 90,
    });
    expect(problems(lesson)).toEqual([]);
    expect(lesson.object).toMatchObject({ id: 'urn:headroom:lesson:eq-basics' });
    const quiz = {
      lessonId: 'eq-basics',
      lessonTitle: 'EQ basics',
      blockId: 'q1',
      score: 80,
      passMark: 80,
      at: T,
      seed: 9,
    };
    const passed = quizStatement(kim, quiz);
    const failed = quizStatement(kim, { ...quiz, score: 60, at: T + 1 });
    expect(problems(passed)).toEqual([]);
    expect(problems(failed)).toEqual([]);
    expect(passed.verb.id).toMatch(/passed$/);
    expect(failed.verb.id).toMatch(/failed$/);
    expect(passed.object).toMatchObject({ id: 'urn:headroom:lesson:eq-basics:quiz:q1' });
  });

  it('the validator is not a rubber stamp: it rejects a broken statement', () => {
    const s = attemptStatement(kim, attempt);
    expect(problems({ ...s, result: { ...s.result, duration: '4 seconds' } }).length).toBeGreaterThan(0);
    expect(problems({ ...s, id: 'not-a-uuid' }).length).toBeGreaterThan(0);
    expect(problems({ ...s, actor: { name: 'no identifier' } }).length).toBeGreaterThan(0);
  });
});
