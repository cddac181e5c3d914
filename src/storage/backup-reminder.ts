/** When to remind the learner to make a backup: practice a week old that no backup holds, once a day. */
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';

/** Practice older than this without a backup earns a reminder. */
export const BACKUP_REMINDER_AFTER_MS = 7 * 86_400_000;
/** The reminder shows at most once in this time. */
export const BACKUP_REMINDER_GAP_MS = 86_400_000;

/** What the reminder decision looks at. */
export interface ReminderFacts {
  now: number;
  /** When the last backup was made (null: never). */
  lastBackupAt: number | null;
  /** When the reminder was last shown (null: never). */
  remindedAt: number | null;
  /** The time of the oldest attempt made after the last backup (undefined: none). */
  oldestUnsavedAttemptAt: number | undefined;
}

/** True when practice from at least a week ago is in no backup and no reminder showed in the last day. */
export function isBackupReminderDue(facts: ReminderFacts): boolean {
  const { now, remindedAt, oldestUnsavedAttemptAt } = facts;
  if (oldestUnsavedAttemptAt === undefined) return false;
  if (now - oldestUnsavedAttemptAt < BACKUP_REMINDER_AFTER_MS) return false;
  return remindedAt === null || now - remindedAt >= BACKUP_REMINDER_GAP_MS || remindedAt > now;
}

/** The time of the oldest attempt after `since` (all attempts when null), read from the time index. */
export async function oldestAttemptSince(db: HeadroomDb, since: number | null): Promise<number | undefined> {
  try {
    const range = since === null ? undefined : IDBKeyRange.lowerBound(since, true);
    const cursor = await db.transaction('attempts').store.index('byAt').openKeyCursor(range);
    return cursor?.key;
  } catch (error) {
    throw toStorageError(error);
  }
}
