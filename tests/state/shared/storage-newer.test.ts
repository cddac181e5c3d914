/** A newer Headroom taking the database: a save says "newer version, reload", not "this browser refused". */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { notices } from '../../../src/state/shared/notices';
import {
  database,
  NEWER_VERSION_MESSAGE,
  saveAttempt,
  storageProblem,
} from '../../../src/state/shared/storage';
import { DB_NAME, DB_VERSION } from '../../../src/storage/schema';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const anAnswer = {
  exercise: 'eq-boost',
  skill: 'eq',
  level: 1,
  seed: 1,
  question: {},
  answer: {},
  score: 50,
  timeMs: 1000,
  at: 1,
};

describe('a newer version of Headroom in another tab', () => {
  it('makes the next save fail with a "newer version, reload" message and nothing stored', async () => {
    await database();
    expect(await saveAttempt(anAnswer)).toBe(true);
    // The other tab upgrades: this tab lets go of the database at once.
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    expect(notices.value.some((n) => n.id === 'db-newer')).toBe(true);
    expect(await saveAttempt({ ...anAnswer, score: 60 })).toBe(false);
    expect(storageProblem.value?.kind).toBe('version');
    expect(storageProblem.value?.message).toBe(NEWER_VERSION_MESSAGE);
    expect(storageProblem.value?.message).toMatch(/newer version of Headroom.*Reload/);
    expect(await newer.count('attempts')).toBe(1);
    newer.close();
  });
});
