import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/errors';
import {
  deleteLessonState,
  getLessonState,
  listLessonStates,
  updateLessonState,
} from '../../src/storage/lessons';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import type { LessonState } from '../../src/storage/schema';

let db: HeadroomDb;
let n = 0;
beforeEach(async () => {
  db = await openHeadroomDb({ name: `headroom-lessons-${++n}` });
});
afterEach(() => db.close());

const state = (over: Partial<LessonState> = {}): LessonState => ({
  profileId: 'me',
  lessonId: 'eq',
  version: 1,
  step: 0,
  scores: {},
  completed: false,
  updatedAt: 1,
  ...over,
});

describe('lesson states', () => {
  it('stores per profile and lesson, and reads them back', async () => {
    await updateLessonState(db, 'me', 'eq', () => state({ step: 2 }));
    await updateLessonState(db, 'me', 'pan', () => state({ lessonId: 'pan', step: 1 }));
    await updateLessonState(db, 'you', 'eq', () => state({ profileId: 'you', step: 4 }));
    expect((await getLessonState(db, 'me', 'eq'))?.step).toBe(2);
    expect((await listLessonStates(db, 'me')).map((s) => s.lessonId).sort()).toEqual(['eq', 'pan']);
    expect((await getLessonState(db, 'you', 'eq'))?.step).toBe(4);
  });
  it('updates read and write in one transaction: a step and a score never overwrite each other', async () => {
    await Promise.all([
      updateLessonState(db, 'me', 'eq', (p) => ({ ...(p ?? state()), step: 3 })),
      updateLessonState(db, 'me', 'eq', (p) => ({ ...(p ?? state()), scores: { ...p?.scores, quiz: 100 } })),
    ]);
    expect(await getLessonState(db, 'me', 'eq')).toMatchObject({ step: 3, scores: { quiz: 100 } });
  });
  it('refuses invalid states and writes nothing', async () => {
    await expect(updateLessonState(db, 'me', 'eq', () => state({ step: -1 }))).rejects.toBeInstanceOf(
      StorageError,
    );
    await expect(
      updateLessonState(db, 'me', 'eq', () => state({ scores: { quiz: 101 } })),
    ).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(updateLessonState(db, 'me', 'eq', () => state({ lessonId: 'other' }))).rejects.toMatchObject(
      {
        kind: 'invalid',
      },
    );
    expect(await getLessonState(db, 'me', 'eq')).toBeUndefined();
  });
  it('deletes one lesson state', async () => {
    await updateLessonState(db, 'me', 'eq', () => state());
    await deleteLessonState(db, 'me', 'eq');
    expect(await listLessonStates(db, 'me')).toEqual([]);
  });
});
