import { StorageError, toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { LessonState } from './schema';

/** Checks a lesson state before it is written, so nothing invalid lands. */
function validateLessonState(s: LessonState): string | null {
  if (!s.profileId) return 'the lesson state has no profile';
  if (!s.lessonId) return 'the lesson state names no lesson';
  if (!Number.isInteger(s.step) || s.step < 0) return `step ${s.step} is not a whole number ≥ 0`;
  if (!Number.isInteger(s.version) || s.version < 1) return `version ${s.version} is not a whole number ≥ 1`;
  for (const [id, score] of Object.entries(s.scores))
    if (!Number.isInteger(score) || score < 0 || score > 100)
      return `score ${score} of "${id}" is not an integer 0–100`;
  if (!Number.isFinite(s.updatedAt)) return 'the lesson state has no time';
  return null;
}

/** Reads where a profile is in one lesson (undefined before it was opened). */
export async function getLessonState(
  db: HeadroomDb,
  profileId: string,
  lessonId: string,
): Promise<LessonState | undefined> {
  try {
    return await db.get('lessons', [profileId, lessonId]);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Reads every lesson state of one profile. */
export async function listLessonStates(db: HeadroomDb, profileId: string): Promise<LessonState[]> {
  try {
    return await db.getAllFromIndex('lessons', 'byProfile', profileId);
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Reads a lesson state, applies `change` and writes the result in one transaction, so two quick updates
 * (a step and a score) never overwrite each other. Returns what was written.
 */
export async function updateLessonState(
  db: HeadroomDb,
  profileId: string,
  lessonId: string,
  change: (previous: LessonState | undefined) => LessonState,
): Promise<LessonState> {
  try {
    const tx = db.transaction('lessons', 'readwrite');
    const store = tx.objectStore('lessons');
    const next = change(await store.get([profileId, lessonId]));
    const problem =
      next.profileId !== profileId || next.lessonId !== lessonId
        ? 'the lesson state belongs to another lesson or profile'
        : validateLessonState(next);
    if (problem) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new StorageError('invalid', `Not saved: ${problem}.`);
    }
    await store.put(next);
    await tx.done;
    return next;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Forgets one lesson's state for a profile (start the lesson over). */
export async function deleteLessonState(db: HeadroomDb, profileId: string, lessonId: string): Promise<void> {
  try {
    await db.delete('lessons', [profileId, lessonId]);
  } catch (error) {
    throw toStorageError(error);
  }
}
