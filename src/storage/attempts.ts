import { StorageError, toStorageError } from './errors';
import type { HeadroomDb } from './open';
import { nextProgress } from './progress';
import type { Attempt } from './schema';

/** Checks an attempt before it is written, so nothing invalid lands. */
function validateAttempt(a: Attempt): string | null {
  if (!a.profileId) return 'the attempt has no profile';
  if (!a.exercise) return 'the attempt names no exercise';
  if (!Number.isInteger(a.score) || a.score < 0 || a.score > 100)
    return `score ${a.score} is not an integer 0–100`;
  if (!Number.isFinite(a.at)) return 'the attempt has no time';
  return null;
}

/** The attempt's profile no longer exists (deleted in another tab, or replaced by a restore): nothing was written. */
export class MissingProfileError extends StorageError {
  constructor(readonly profileId: string) {
    super('invalid', 'Not saved: the profile this answer belongs to no longer exists on this device.');
    this.name = 'MissingProfileError';
  }
}

/**
 * Stores an attempt and updates progress in one transaction: both land or neither does. Returns the new id.
 * The same transaction checks that the attempt's profile exists, so no answer lands in a deleted profile
 * (MissingProfileError then, and nothing is written).
 */
export async function recordAttempt(db: HeadroomDb, attempt: Attempt): Promise<number> {
  const problem = validateAttempt(attempt);
  if (problem) throw new StorageError('invalid', `Not saved: ${problem}.`);
  try {
    const tx = db.transaction(['profiles', 'attempts', 'progress'], 'readwrite');
    if ((await tx.objectStore('profiles').getKey(attempt.profileId)) === undefined) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new MissingProfileError(attempt.profileId);
    }
    const { id: _ignored, ...record } = attempt;
    const id = await tx.objectStore('attempts').add(record as Attempt);
    const progress = tx.objectStore('progress');
    await progress.put(nextProgress(await progress.get([attempt.profileId, attempt.exercise]), attempt));
    await tx.done;
    return id;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Lists one profile's attempts, oldest first. */
export async function listAttempts(db: HeadroomDb, profileId: string): Promise<Attempt[]> {
  try {
    const all = await db.getAllFromIndex('attempts', 'byProfile', profileId);
    return all.sort((a, b) => a.at - b.at);
  } catch (error) {
    throw toStorageError(error);
  }
}
