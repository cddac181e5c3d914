/**
 * The assignments store. Keys: `teacher:<assignmentId>` for assignments this device made, and
 * `student:<profileId>:<assignmentId>` for one received and worked by a profile, so several profiles on a
 * classroom computer (and the teacher trying their own link) never overwrite each other.
 */
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { StoredAssignment } from './schema';

/** The key of a teacher's assignment. */
export function teacherKey(assignmentId: string): string {
  return `teacher:${assignmentId}`;
}

/** The key of an assignment a profile received. */
export function studentKey(profileId: string, assignmentId: string): string {
  return `student:${profileId}:${assignmentId}`;
}

/** Stores (or replaces) an assignment record. */
export async function saveAssignmentRecord(db: HeadroomDb, record: StoredAssignment): Promise<void> {
  try {
    await db.put('assignments', record);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Stores a record unless one with its key exists; returns the stored one and whether it was new. */
export async function addAssignmentIfAbsent(
  db: HeadroomDb,
  record: StoredAssignment,
): Promise<{ record: StoredAssignment; created: boolean }> {
  try {
    const tx = db.transaction('assignments', 'readwrite');
    const existing = await tx.store.get(record.id);
    if (!existing) await tx.store.add(record);
    await tx.done;
    return existing ? { record: existing, created: false } : { record, created: true };
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Reads one record by key. */
export async function getAssignmentRecord(
  db: HeadroomDb,
  key: string,
): Promise<StoredAssignment | undefined> {
  try {
    return await db.get('assignments', key);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Lists records, newest first, optionally only one role and (for students) one profile. */
export async function listAssignmentRecords(
  db: HeadroomDb,
  filter: { role?: StoredAssignment['role']; profileId?: string } = {},
): Promise<StoredAssignment[]> {
  try {
    const all = await db.getAllFromIndex('assignments', 'bySavedAt');
    return all
      .filter(
        (r) =>
          (filter.role === undefined || r.role === filter.role) &&
          (filter.profileId === undefined || r.profileId === filter.profileId),
      )
      .reverse();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Records the hand-in time of a student's assignment. */
export async function markHandedIn(db: HeadroomDb, key: string, at: number): Promise<void> {
  try {
    const tx = db.transaction('assignments', 'readwrite');
    const record = await tx.store.get(key);
    if (record) await tx.store.put({ ...record, handedInAt: at });
    await tx.done;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Deletes a student's assignment record (its attempts stay: they are practice history). */
export async function deleteAssignmentRecord(db: HeadroomDb, key: string): Promise<void> {
  try {
    await db.delete('assignments', key);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Deletes a teacher's assignment and every report imported for it, in one transaction; returns how many reports went. */
export async function deleteTeacherAssignment(db: HeadroomDb, assignmentId: string): Promise<number> {
  try {
    const tx = db.transaction(['assignments', 'reports'], 'readwrite');
    await tx.objectStore('assignments').delete(teacherKey(assignmentId));
    const reports = tx.objectStore('reports');
    const keys = await reports.index('byAssignment').getAllKeys(assignmentId);
    for (const key of keys) await reports.delete(key);
    await tx.done;
    return keys.length;
  } catch (error) {
    throw toStorageError(error);
  }
}
