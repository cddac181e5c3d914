import { describe, expect, it } from 'vitest';
import { classRecords, thresholdText } from '../../src/classroom/class-records';
import { buildGradebook, type GradebookEntry } from '../../src/classroom/gradebook';
import {
  buildReport,
  decodeReport,
  encodeReport,
  type Report,
  reportFileText,
} from '../../src/classroom/report';
import { reportLessons, reportThresholds } from '../../src/classroom/report-extras';
import type { LessonProgress, QuizAttempt, QuizHistory } from '../../src/lessons/progress.pure';
import type { AttemptRecord } from '../../src/training/progress-records';
import { answerAll, forge, sampleAssignment } from './fixtures';

const NOW = Date.UTC(2026, 2, 10);
const a = sampleAssignment({
  items: [
    { exercise: 'eq-boost', level: 1, seeds: [11, 12] },
    { exercise: 'eq-boost', level: 2, seeds: [5] },
  ],
  lessons: ['eq-basics', 'compression', 'panning'],
});

const attempt = (passed: boolean, afterKey = false): QuizAttempt => ({
  seed: 1,
  picks: [0],
  score: passed ? 100 : 0,
  passed,
  afterKey,
  at: 1,
});
const history = (...tries: QuizAttempt[]): QuizHistory => {
  const passedOn = tries.findIndex((t) => t.passed) + 1;
  return { first: tries[0]!, count: tries.length, ...(passedOn ? { passedOn } : {}), recent: tries };
};
const progress = (id: string, completed: boolean, quizzes?: Record<string, QuizHistory>): LessonProgress => ({
  profileId: 'p',
  lessonId: id,
  version: 1,
  step: 0,
  scores: {},
  completed,
  updatedAt: 1,
  ...(quizzes ? { quizzes } : {}),
});

/** An adaptive eq-boost sitting as the drill stores it: each answer carries the sitting and its estimate. */
function sitting(at: number, estimate: { value: number; low: number; high: number }): AttemptRecord[] {
  return [6, 4, 3].map((value, k) => ({
    exercise: 'eq-boost',
    skill: 'eq',
    level: 3,
    score: 100,
    at: at + k * 1000,
    question: {
      adaptiveValue: value,
      adaptiveSitting: at,
      adaptiveEstimate: k === 2 ? { ...estimate, percentCorrect: 75 } : null,
    },
    answer: {},
  }));
}

describe('what a report carries besides answers', () => {
  it('says each assigned lesson’s state, honest about quizzes passed only after the key was shown', () => {
    const lessons = reportLessons(a, {
      'eq-basics': progress('eq-basics', true, { q1: history(attempt(true)) }),
      compression: progress('compression', true, { q1: history(attempt(false), attempt(true, true)) }),
    });
    expect(lessons).toEqual([
      { id: 'eq-basics', done: true, quiz: 'first-try' },
      { id: 'compression', done: true, quiz: 'after-retry' },
      { id: 'panning', done: false, quiz: 'not-tried' },
    ]);
    const failing = reportLessons(
      { lessons: ['x'] },
      { x: progress('x', false, { q: history(attempt(false)) }) },
    );
    expect(failing).toEqual([{ id: 'x', done: false, quiz: 'not-passed' }]);
    expect(reportLessons({ lessons: ['y'] }, { y: progress('y', true) })[0]!.quiz).toBe('no-quiz');
    expect(reportLessons({}, {})).toEqual([]);
  });

  it('takes the latest adaptive sitting’s threshold per kind of the assignment, and none where there is none', () => {
    const attempts = [
      ...sitting(NOW - 86_400_000, { value: 6, low: 4, high: 9 }),
      ...sitting(NOW, { value: 3.21, low: 2.14, high: 4.83 }),
    ];
    expect(reportThresholds(a, attempts)).toEqual([
      { exercise: 'eq-boost', value: 3.21, low: 2.14, high: 4.83, at: NOW + 2000 },
    ]);
    // Assignment answers (fixed questions, no adaptive value) never make a threshold.
    const fixed = sitting(NOW, { value: 3, low: 2, high: 4 }).map((x) => ({ ...x, question: { seed: 11 } }));
    expect(reportThresholds(a, fixed)).toEqual([]);
  });

  it('round-trips them through the code and the file, inside the checksum', () => {
    const lessons = reportLessons(a, {
      'eq-basics': progress('eq-basics', true, { q: history(attempt(true)) }),
    });
    const thresholds = reportThresholds(a, sitting(NOW, { value: 3.21, low: 2.14, high: 4.83 }));
    const r = buildReport(
      a,
      answerAll(a, () => 100),
      { student: 'Ana', appVersion: '0.1.0', handedInAt: NOW },
      { lessons, thresholds },
    );
    expect(r.lessons).toHaveLength(3);
    expect(decodeReport(encodeReport(r))).toEqual({ ok: true, report: r, id: r.checksum });
    expect(decodeReport(reportFileText(r))).toEqual({ ok: true, report: r, id: r.checksum });
    // Claiming a better threshold after hand-in breaks the checksum, as any other edit does.
    const edited = { ...r, thresholds: [{ ...r.thresholds![0]!, value: 2.2 }] };
    const back = decodeReport(JSON.stringify({ headroom: 'report', ...edited }));
    expect(back.ok && back.edited).toMatch(/Checksum does not match/);
    // A report with neither (an older build's) has no such fields at all.
    const plain = buildReport(a, [], { student: 'Bo', appVersion: '0.1.0', handedInAt: NOW });
    expect('lessons' in plain || 'thresholds' in plain).toBe(false);
  });

  it('refuses malformed ones with a message naming what is wrong', () => {
    const base = buildReport(a, [], { student: 'Bo', appVersion: '0.1.0', handedInAt: NOW });
    const refusal = (change: (r: Report) => object) => {
      const out = decodeReport(JSON.stringify({ headroom: 'report', ...forge(base, change as never) }));
      if (out.ok) throw new Error('expected a refusal');
      return out.error;
    };
    const t = { exercise: 'eq-boost', value: 3, low: 2, high: 4, at: NOW };
    expect(refusal((r) => ({ ...r, thresholds: [{ ...t, low: 5 }] }))).toMatch(
      /Threshold 1: the value must lie between/,
    );
    expect(refusal((r) => ({ ...r, thresholds: [{ ...t, value: '3' }] }))).toMatch(/Threshold 1’s value/);
    expect(refusal((r) => ({ ...r, thresholds: [{ ...t, high: Number.POSITIVE_INFINITY }] }))).toMatch(
      /high end/,
    );
    expect(
      refusal((r) => ({ ...r, lessons: [{ id: 'eq-basics', done: 'yes', quiz: 'first-try' }] })),
    ).toMatch(/Lesson 1: “done” must be true or false/);
    expect(refusal((r) => ({ ...r, lessons: [{ id: 'eq-basics', done: true, quiz: 'aced' }] }))).toMatch(
      /Lesson 1: the quiz status/,
    );
    expect(refusal((r) => ({ ...r, lessons: [{ id: '<b>', done: true, quiz: 'no-quiz' }] }))).toMatch(
      /Lesson 1’s id is malformed/,
    );
  });
});

describe('the class view’s lessons and thresholds', () => {
  const make = (student: string, value: number | null, done: boolean) =>
    buildReport(
      a,
      answerAll(a, () => 100),
      { student, appVersion: '0.1.0', handedInAt: NOW - 5000 },
      {
        lessons: [{ id: 'eq-basics', done, quiz: done ? 'first-try' : 'not-tried' }],
        thresholds:
          value === null
            ? []
            : [{ exercise: 'eq-boost', value, low: value * 0.7, high: value * 1.4, at: NOW - 9000 }],
      },
    );
  const entry = (r: Report): GradebookEntry => ({ id: r.checksum, report: r, importedAt: NOW - 1000 });

  it('lists counted students by name; a forged report stays out, as from the scores', () => {
    const zoe = make('Zoë', 3.2, true);
    const ana = make('Ana', null, false);
    const forged = forge(make('Mo', 1, true), (r) => ({
      ...r,
      score: 100,
      items: r.items.map((i) => ({ ...i, score: 100 })),
    }));
    const entries = [entry(zoe), entry(ana), { ...entry(forged), edited: 'The scores do not add up' }];
    const [table] = buildGradebook(entries, [a], { now: NOW });
    const r = classRecords(table!, entries);
    expect(r.rows.map((x) => x.student)).toEqual(['Ana', 'Zoë']);
    expect(r.lessonIds).toEqual(['eq-basics']);
    expect(r.kinds).toEqual(['eq-boost']);
    expect(r.rows[1]!.thresholds['eq-boost']!.value).toBe(3.2);
    expect(r.rows[0]!.thresholds['eq-boost']).toBeUndefined();
  });

  it('reads a threshold with its unit and range', () => {
    expect(thresholdText({ exercise: 'eq-boost', value: 3.21, low: 2.14, high: 4.83, at: 0 })).toBe(
      '3.2 dB (2.1–4.8)',
    );
    expect(thresholdText({ exercise: 'eq-boost', value: 12.4, low: 9, high: 16.2, at: 0 })).toBe(
      '12 dB (9.0–16)',
    );
  });
});
