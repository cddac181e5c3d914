/**
 * Writing a checked backup into the database, in ONE transaction: everything lands or nothing does.
 * "replace" empties every backed-up store first (the stem cache stays: it is not user data);
 * "merge" keeps what is here and adds what is not (rules in backup-merge.ts).
 */
import type { IDBPTransaction } from 'idb';
import type { CheckedBackup } from './backup';
import { type BackupProblem, backupProblem } from './backup-format';
import { attemptContentKey, mergeAssignments, mergeLessonStates, progressFromAttempts } from './backup-merge';
import { BACKUP_STORES, type BackupStores } from './backup-records';
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { Attempt, HeadroomDB, ImportedSong } from './schema';

/** Merge (keep both, no duplicates) or replace (this device's data goes first). */
export type RestoreMode = 'merge' | 'replace';

/** Per store: records written from the backup, and records of the backup already here (merge). */
export interface RestoreSummary {
  mode: RestoreMode;
  added: Record<keyof BackupStores, number>;
  alreadyHere: Record<keyof BackupStores, number>;
  /** Records deleted first (replace). */
  removed: number;
}

type RestoreTx = IDBPTransaction<HeadroomDB, (typeof BACKUP_STORES)[number][], 'readwrite'>;
type Counts = Record<keyof BackupStores, number>;

const zero = (): Counts =>
  Object.fromEntries(BACKUP_STORES.map((s) => [s, 0])) as Record<keyof BackupStores, number>;

/** Song records in the songs store's layout: metadata, and the samples as one Blob sliced from the file. */
function songRecords(backup: CheckedBackup): ImportedSong[] {
  return backup.manifest.stores.songs.map(({ audio, tracks, ...meta }) => {
    const start = backup.audioStart + audio.offset;
    return {
      ...meta,
      tracks: tracks.map((t) => ({ ...t, channels: [] })),
      audio: backup.source.slice(start, start + audio.byteLength, 'application/octet-stream'),
    } as ImportedSong;
  });
}

async function replaceAll(tx: RestoreTx, stores: BackupStores, songs: ImportedSong[], s: RestoreSummary) {
  for (const name of BACKUP_STORES) {
    const store = tx.objectStore(name);
    s.removed += await store.count();
    await store.clear();
  }
  const lists: [keyof BackupStores, unknown[]][] = BACKUP_STORES.map((n) => [
    n,
    n === 'songs' ? songs : stores[n],
  ]);
  for (const [name, list] of lists) {
    const store = tx.objectStore(name);
    for (const record of list) await store.put(record as never);
    s.added[name] = list.length;
  }
}

async function addAbsent(
  tx: RestoreTx,
  name: keyof BackupStores,
  list: unknown[],
  keyOf: (r: never) => IDBValidKey,
  s: RestoreSummary,
) {
  const store = tx.objectStore(name);
  for (const record of list) {
    if ((await store.getKey(keyOf(record as never) as never)) === undefined) {
      await store.add(record as never);
      s.added[name]++;
    } else s.alreadyHere[name]++;
  }
}

async function mergeAttempts(tx: RestoreTx, attempts: Attempt[], s: RestoreSummary): Promise<void> {
  const store = tx.objectStore('attempts');
  const seen = new Set((await store.getAll()).map(attemptContentKey));
  const touched = new Map<string, [string, string]>();
  for (const a of attempts) {
    const key = attemptContentKey(a);
    if (seen.has(key)) {
      s.alreadyHere.attempts++;
      continue;
    }
    seen.add(key);
    const idFree = a.id !== undefined && (await store.getKey(a.id)) === undefined;
    const { id: _id, ...content } = a;
    await store.add(idFree ? a : (content as Attempt));
    s.added.attempts++;
    touched.set(JSON.stringify([a.profileId, a.exercise]), [a.profileId, a.exercise]);
  }
  const progress = tx.objectStore('progress');
  for (const key of touched.values()) {
    const all = await store.index('byProfileExercise').getAll(key);
    const next = progressFromAttempts(all);
    if (next) await progress.put(next);
  }
}

async function mergeAll(tx: RestoreTx, stores: BackupStores, songs: ImportedSong[], s: RestoreSummary) {
  await addAbsent(tx, 'settings', stores.settings, (r: { key: string }) => r.key, s);
  await addAbsent(tx, 'profiles', stores.profiles, (r: { id: string }) => r.id, s);
  // Progress first: where attempts arrive, mergeAttempts then recomputes it from the union.
  await addAbsent(
    tx,
    'progress',
    stores.progress,
    (r: { profileId: string; exercise: string }) => [r.profileId, r.exercise],
    s,
  );
  await mergeAttempts(tx, stores.attempts, s);
  const lessons = tx.objectStore('lessons');
  for (const state of stores.lessons) {
    const here = await lessons.get([state.profileId, state.lessonId]);
    const merged = here ? mergeLessonStates(here, state) : state;
    if (merged) await lessons.put(merged);
    if (here) s.alreadyHere.lessons++;
    else s.added.lessons++;
  }
  const assignments = tx.objectStore('assignments');
  for (const record of stores.assignments) {
    const here = await assignments.get(record.id);
    const merged = here ? mergeAssignments(here, record) : record;
    if (merged) await assignments.put(merged);
    if (here) s.alreadyHere.assignments++;
    else s.added.assignments++;
  }
  await addAbsent(tx, 'reports', stores.reports, (r: { id: string }) => r.id, s);
  await addAbsent(tx, 'songs', songs, (r: { id: string }) => r.id, s);
}

/**
 * Restores a checked backup (from readBackup) in one transaction. A failure (storage full, another tab
 * closing the database) aborts it and changes nothing; the result then carries the reason.
 */
export async function restoreBackup(
  db: HeadroomDb,
  backup: CheckedBackup,
  mode: RestoreMode,
): Promise<{ ok: true; value: RestoreSummary } | { ok: false; problem: BackupProblem }> {
  const summary: RestoreSummary = { mode, added: zero(), alreadyHere: zero(), removed: 0 };
  // Song Blobs are sliced before the transaction starts: it must not wait on anything but its own requests.
  const songs = songRecords(backup);
  const tx = db.transaction([...BACKUP_STORES], 'readwrite');
  try {
    const stores = backup.manifest.stores;
    if (mode === 'replace') await replaceAll(tx, stores, songs, summary);
    else await mergeAll(tx, stores, songs, summary);
    await tx.done;
    return { ok: true, value: summary };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failing request.
    }
    await tx.done.catch(() => undefined);
    return { ok: false, problem: backupProblem('storage', `${toStorageError(error).message}`) };
  }
}
