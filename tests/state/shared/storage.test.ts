import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const persist = vi.fn(async () => true);
beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist } });
});

describe('saveAttempt', () => {
  it('creates the default profile, stores the attempt, and asks for persistent storage only the first time', async () => {
    const state = await import('../../../src/state/shared/storage');
    const attempt = {
      exercise: 'eq-boost',
      skill: 'eq',
      level: 1,
      seed: 1,
      question: {},
      answer: {},
      score: 100,
      timeMs: 1000,
      at: Date.now(),
    };
    expect(await state.saveAttempt(attempt)).toBe(true);
    expect(await state.saveAttempt({ ...attempt, score: 50 })).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(state.profiles.value.map((p) => p.id)).toEqual(['default']);
    expect(state.settings.value.persistAsked).toBe(true);
  });
  it('reports an invalid attempt as a clear problem and returns false', async () => {
    const state = await import('../../../src/state/shared/storage');
    const ok = await state.saveAttempt({
      exercise: 'eq-boost',
      skill: 'eq',
      level: 1,
      seed: 1,
      question: {},
      answer: {},
      score: 101,
      timeMs: 1,
      at: Date.now(),
    });
    expect(ok).toBe(false);
    expect(state.storageProblem.value?.message).toMatch(/score 101/);
  });
});
