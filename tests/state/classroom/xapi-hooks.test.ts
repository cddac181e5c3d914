/**
 * The edge of xAPI sending: with no record store set up nothing is loaded or queued; with one, every
 * event reaches the sender, including events that happened before start-up finished looking.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonSummary } from '../../../src/lessons/schema';
import { openHeadroomDb } from '../../../src/storage/open';
import type { Attempt } from '../../../src/storage/schema';

const sender = {
  start: vi.fn(async () => undefined),
  queueAttempt: vi.fn(async () => undefined),
  queueDrillRound: vi.fn(async () => undefined),
  queueLesson: vi.fn(async () => undefined),
  queueQuiz: vi.fn(async () => undefined),
};
vi.mock('../../../src/state/classroom/xapi-sync', () => sender);

const attempt: Attempt = {
  profileId: 'p1',
  exercise: 'eq-boost',
  skill: 'eq',
  level: 1,
  seed: 5,
  question: {},
  answer: {},
  score: 80,
  timeMs: 1000,
  at: 1,
};
const lesson = { id: 'eq-basics', title: 'EQ basics', version: 1, passMarks: {} } as unknown as LessonSummary;

let n = 0;
beforeEach(() => {
  vi.resetModules();
  for (const f of Object.values(sender)) f.mockClear();
});
const fresh = async () => import('../../../src/state/classroom/xapi-hooks');

describe('xapi hooks', () => {
  it('no record store: events before and after start-up are dropped and the sender never loads', async () => {
    const hooks = await fresh();
    const db = await openHeadroomDb({ name: `xapi-hooks-${++n}` });
    hooks.xapiAttempt(attempt);
    await hooks.startXapi(db);
    hooks.xapiAttempt(attempt);
    hooks.xapiLessonCompleted('p1', lesson, 2);
    await new Promise((r) => setTimeout(r, 10));
    expect(sender.start).not.toHaveBeenCalled();
    expect(sender.queueAttempt).not.toHaveBeenCalled();
    expect(sender.queueLesson).not.toHaveBeenCalled();
    db.close();
  });

  it('a record store set up: start-up starts sending, and early and later events all reach the sender', async () => {
    const hooks = await fresh();
    const db = await openHeadroomDb({ name: `xapi-hooks-${++n}` });
    await db.put('lrs', {
      key: 'config',
      value: { endpoint: 'https://lrs.example/x/', username: 'k', password: 's' },
    });
    hooks.xapiAttempt(attempt); // before start-up looked
    await hooks.startXapi(db);
    hooks.xapiDrillRound('p1', {
      exercise: 'eq-boost',
      level: 1,
      scores: [80],
      correct: 1,
      totalTimeMs: 1000,
      startedAt: 1,
      endedAt: 2,
    });
    hooks.xapiQuiz('p1', lesson, 'q1', {
      seed: 1,
      picks: [0],
      score: 100,
      passed: true,
      afterKey: false,
      at: 3,
    });
    await vi.waitFor(() => expect(sender.queueQuiz).toHaveBeenCalledTimes(1));
    expect(sender.start).toHaveBeenCalledTimes(1);
    expect(sender.queueAttempt).toHaveBeenCalledWith(attempt);
    expect(sender.queueDrillRound).toHaveBeenCalledTimes(1);
    // Stopping in Settings: later events are dropped again.
    (await import('../../../src/state/classroom/xapi-configured')).setXapiConfigured(false);
    hooks.xapiAttempt(attempt);
    await new Promise((r) => setTimeout(r, 10));
    expect(sender.queueAttempt).toHaveBeenCalledTimes(1);
    db.close();
  });
});
