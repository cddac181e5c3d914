/**
 * Writing a checked backup into the database, in ONE transaction: everything lands or nothing does
 * (a failure, a closed tab or a reload mid-restore leaves this device's data as it was).
 * "replace" empties every backed-up store first (the stem cache stays: it is not user data);
 * "merge" keeps what is here and adds what is not (rules in backup-merge.ts).
 *
 * Requests go out in batches of BATCH without waiting for each one (waiting for every put made a
 * 200,000-answer restore take minutes in Chromium: one round trip per record); after each batch the
 * progress callback hears how far the restore is, so a bar can move.
 */
import type { IDBPTransaction } from 'idb';
import type { BackupProgress, CheckedBackup } from './backup';
import { type BackupProblem, backupProblem, RESTORE_MARK_KEY } from './backup-format';
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

/** Options of a restore: progress (0…1, never going back) and a marker written with the data. */
export interface RestoreOptions {
  onProgress?: BackupProgress;
  /**
   * Stored as the setting RESTORE_MARK_KEY in the same transaction, so after an interrupted page the app
   * can tell whether this restore landed (the marker is there) or not (nothing changed).
   */
  mark?: string;
  /** Requests per batch (tests use small ones). */
  batch?: number;
}

export { RESTORE_MARK_KEY } from './backup-format';

/** Requests sent before waiting for them: large enough to keep IndexedDB busy, small enough to report often. */
const BATCH = 2000;
/** Share of the bar kept for the commit at the end (writing everything to disk). */
const COMMIT_SHARE = 0.05;

type Store = (typeof BACKUP_STORES)[number];
type RestoreTx = IDBPTransaction<HeadroomDB, Store[], 'readwrite'>;
type Counts = Record<keyof BackupStores, number>;

const zero = (): Counts =>
  Object.fromEntries(BACKUP_STORES.map((s) => [s, 0])) as Record<keyof BackupStores, number>;

/** Counts work done in records (songs weigh their audio too) and reports it as a fraction. */
class Meter {
  private done = 0;
  private last = 0;
  constructor(
    private readonly total: number,
    private readonly report: BackupProgress,
  ) {}
  add(units: number): void {
    this.done += units;
    const f = Math.min(1 - COMMIT_SHARE, ((1 - COMMIT_SHARE) * this.done) / Math.max(1, this.total));
    if (f > this.last) {
      this.last = f;
      this.report(f);
    }
  }
}

/** Work units of a song: one for the record and one per 64 kB of audio. */
const songUnits = (s: ImportedSong) => 1 + Math.ceil(((s as { audio?: Blob }).audio?.size ?? 0) / 65_536);

/** Runs `request` for every item, BATCH at a time, waiting only for each batch; meters each batch. */
async function inBatches<T, R>(
  list: readonly T[],
  size: number,
  request: (item: T) => Promise<R>,
  units: (item: T) => number,
  meter: Meter,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += size) {
    const slice = list.slice(i, i + size);
    // async: a request that throws at once (a record the store refuses) rejects like the rest, so every
    // promise of the batch is awaited and none is left rejecting unheard when the transaction aborts.
    out.push(...(await Promise.all(slice.map(async (item) => request(item)))));
    meter.add(slice.reduce((n, item) => n + units(item), 0));
  }
  return out;
}

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

interface Job {
  tx: RestoreTx;
  stores: BackupStores;
  songs: ImportedSong[];
  s: RestoreSummary;
  meter: Meter;
  batch: number;
}

async function replaceAll({ tx, stores, songs, s, meter, batch }: Job) {
  for (const name of BACKUP_STORES) {
    const store = tx.objectStore(name);
    s.removed += await store.count();
    await store.clear();
    meter.add(1);
  }
  for (const name of BACKUP_STORES) {
    const store = tx.objectStore(name);
    const list: unknown[] = name === 'songs' ? songs : stores[name];
    await inBatches(
      list,
      batch,
      (record) => store.put(record as never),
      (r) => (name === 'songs' ? songUnits(r as ImportedSong) : 1),
      meter,
    );
    s.added[name] = list.length;
  }
}

/** Adds the records whose key is not here yet (looked up a batch at a time), counting both kinds. */
async function addAbsent<T>(
  job: Job,
  name: Store,
  list: readonly T[],
  keyOf: (r: T) => IDBValidKey,
  units: (r: T) => number = () => 1,
) {
  const store = job.tx.objectStore(name);
  const { s } = job;
  await inBatches(
    list,
    job.batch,
    async (record) => {
      if ((await store.getKey(keyOf(record) as never)) !== undefined) {
        s.alreadyHere[name]++;
        return;
      }
      await store.add(record as never);
      s.added[name]++;
    },
    units,
    job.meter,
  );
}

async function mergeAttempts(job: Job): Promise<void> {
  const { tx, s, meter } = job;
  const store = tx.objectStore('attempts');
  const [here, ids] = await Promise.all([store.getAll(), store.getAllKeys()]);
  const seen = new Set(here.map(attemptContentKey));
  const taken = new Set<number>(ids);
  meter.add(1);
  const withId: Attempt[] = [];
  const withoutId: Attempt[] = [];
  const touched = new Map<string, [string, string]>();
  for (const a of job.stores.attempts) {
    const key = attemptContentKey(a);
    if (seen.has(key)) {
      s.alreadyHere.attempts++;
      meter.add(1);
      continue;
    }
    seen.add(key);
    if (a.id !== undefined && !taken.has(a.id)) {
      taken.add(a.id);
      withId.push(a);
    } else {
      const { id: _id, ...content } = a;
      withoutId.push(content as Attempt);
    }
    touched.set(JSON.stringify([a.profileId, a.exercise]), [a.profileId, a.exercise]);
  }
  // Records keeping their own ids go first: new ids are then numbered after every id in use.
  const write = (a: Attempt) => store.add(a);
  await inBatches(withId, job.batch, write, () => 1, meter);
  await inBatches(withoutId, job.batch, write, () => 1, meter);
  s.added.attempts += withId.length + withoutId.length;
  const progress = tx.objectStore('progress');
  const index = store.index('byProfileExercise');
  await Promise.all(
    [...touched.values()].map(async (key) => {
      const next = progressFromAttempts(await index.getAll(key));
      if (next) await progress.put(next);
    }),
  );
}

async function mergeAll(job: Job) {
  const { tx, stores, s } = job;
  await addAbsent(job, 'settings', stores.settings, (r) => r.key);
  await addAbsent(job, 'profiles', stores.profiles, (r) => r.id);
  // Progress first: where attempts arrive, mergeAttempts then recomputes it from the union.
  await addAbsent(job, 'progress', stores.progress, (r) => [r.profileId, r.exercise]);
  await mergeAttempts(job);
  const lessons = tx.objectStore('lessons');
  await inBatches(
    stores.lessons,
    job.batch,
    async (state) => {
      const here = await lessons.get([state.profileId, state.lessonId]);
      const merged = here ? mergeLessonStates(here, state) : state;
      if (merged) await lessons.put(merged);
      if (here) s.alreadyHere.lessons++;
      else s.added.lessons++;
    },
    () => 1,
    job.meter,
  );
  const assignments = tx.objectStore('assignments');
  await inBatches(
    stores.assignments,
    job.batch,
    async (record) => {
      const here = await assignments.get(record.id);
      const merged = here ? mergeAssignments(here, record) : record;
      if (merged) await assignments.put(merged);
      if (here) s.alreadyHere.assignments++;
      else s.added.assignments++;
    },
    () => 1,
    job.meter,
  );
  await addAbsent(job, 'reports', stores.reports, (r) => r.id);
  await addAbsent(job, 'songs', job.songs, (r) => r.id, songUnits);
  await addAbsent(job, 'works', stores.works, (r) => r.id);
}

/** Work units of a whole restore, for the progress fraction. */
function totalUnits(stores: BackupStores, songs: ImportedSong[], mode: RestoreMode): number {
  let units = mode === 'replace' ? BACKUP_STORES.length : 1;
  for (const name of BACKUP_STORES) if (name !== 'songs') units += stores[name].length;
  return units + songs.reduce((n, s) => n + songUnits(s), 0);
}

/**
 * Restores a checked backup (from readBackup) in one transaction. A failure (storage full, another tab
 * closing the database) aborts it and changes nothing; the result then carries the reason.
 */
export async function restoreBackup(
  db: HeadroomDb,
  backup: CheckedBackup,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<{ ok: true; value: RestoreSummary } | { ok: false; problem: BackupProblem }> {
  const summary: RestoreSummary = { mode, added: zero(), alreadyHere: zero(), removed: 0 };
  const report = options.onProgress ?? (() => undefined);
  // Song Blobs are sliced before the transaction starts: it must not wait on anything but its own requests.
  const songs = songRecords(backup);
  const stores = backup.manifest.stores;
  const meter = new Meter(totalUnits(stores, songs, mode), report);
  const tx = db.transaction([...BACKUP_STORES], 'readwrite');
  try {
    const job: Job = { tx, stores, songs, s: summary, meter, batch: options.batch ?? BATCH };
    if (mode === 'replace') await replaceAll(job);
    else await mergeAll(job);
    if (options.mark !== undefined)
      await tx.objectStore('settings').put({ key: RESTORE_MARK_KEY, value: options.mark });
    await tx.done;
    report(1);
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
