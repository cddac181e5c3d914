import { signal } from '@preact/signals';
import { toStorageError } from '../../storage/errors';
import type { HeadroomDb } from '../../storage/open';
import { deleteWork, getWork, listWorks, putWork, renameWork, type SavedWork } from '../../storage/works';
import { showNotice } from './notices';
import { activeProfileId, database } from './storage';
import { uniqueId } from './unique-id';

export type { SavedWork } from '../../storage/works';

/**
 * What the learner makes on Produce and Mix, kept as they work: each change is saved after a short pause
 * (one put per save: a record is all there or not at all), and a pending save is written at once when the
 * page is hidden or closed, so a reload loses at most the last pause of work.
 */

/** Pause after the last change before saving, ms. */
export const AUTOSAVE_MS = 400;

/** The active profile's saved works, newest first (the Library lists them). */
export const savedWorks = signal<SavedWork[]>([]);
/** True once the list was read from storage. */
export const savedWorksLoaded = signal(false);

/** An action's outcome: ok, or a sentence to show. */
export type WorkActionResult = { ok: true } | { ok: false; error: string };

/** The id a song's mix is kept under (one mix per song choice and profile). */
export function mixWorkId(profileId: string, choiceId: string): string {
  return `mix:${profileId}:${choiceId}`;
}

/** A new id for an arrangement. */
export function newArrangementId(): string {
  return uniqueId('arr-');
}

/** The name a list shows for a work. */
export function workName(work: SavedWork): string {
  return work.name ?? (work.kind === 'mix' ? `Mix of ${work.title}` : work.title);
}

let saveProblemShown = false;
/** The database once a save has opened it, so a save while the page goes away can start at once. */
let openDb: HeadroomDb | null = null;

/**
 * Starts writing a work synchronously (the page is going away: nothing may wait for an event first), with
 * the name and creation time this tab knows. False when the database was not open yet.
 */
export function writeWorkAtOnce(work: SavedWork): boolean {
  if (!openDb) return false;
  const known = savedWorks.peek().find((w) => w.id === work.id);
  const { name: _, ...rest } = work;
  const name = known?.name ?? work.name;
  try {
    const tx = openDb.transaction('works', 'readwrite');
    void tx.store
      .put({ ...rest, ...(name ? { name } : {}), createdAt: known?.createdAt ?? work.createdAt })
      .catch(() => undefined);
    // Commit now: a transaction left to finish by itself is aborted when the page is torn down.
    tx.commit();
    void tx.done.catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}

/** The database (remembered for writeWorkAtOnce). */
async function worksDb(): Promise<HeadroomDb> {
  openDb = await database();
  return openDb;
}

/** Writes a work; a failure is told once (not on every keystroke) and the next change tries again. */
export async function writeWork(work: SavedWork): Promise<boolean> {
  try {
    const kept = await putWork(await worksDb(), work);
    saveProblemShown = false;
    const rest = savedWorks.value.filter((w) => w.id !== work.id);
    if (work.profileId === activeProfileId.value) savedWorks.value = [kept, ...rest];
    return true;
  } catch (error) {
    if (!saveProblemShown) {
      saveProblemShown = true;
      showNotice({
        id: 'work-save',
        tone: 'error',
        text: `Your work could not be saved on this device (${toStorageError(error).message})`,
      });
    }
    return false;
  }
}

/** Reads one work (undefined when it is not stored or storage is unavailable). */
export async function readWork(id: string): Promise<SavedWork | undefined> {
  try {
    return await getWork(await worksDb(), id);
  } catch {
    return undefined;
  }
}

/** Re-reads the active profile's works (empty when storage is unavailable). */
export async function refreshSavedWorks(): Promise<SavedWork[]> {
  try {
    savedWorks.value = await listWorks(await worksDb(), activeProfileId.value);
  } catch {
    // database() already told the learner why storage is unavailable.
  }
  savedWorksLoaded.value = true;
  return savedWorks.value;
}

/** The newest work of a kind for the active profile, read from storage. */
export async function newestWork(kind: SavedWork['kind']): Promise<SavedWork | undefined> {
  try {
    return (await listWorks(await worksDb(), activeProfileId.value)).find((w) => w.kind === kind);
  } catch {
    return undefined;
  }
}

/** Names a work. */
export async function renameSavedWork(id: string, name: string): Promise<WorkActionResult> {
  if (!name.trim()) return { ok: false, error: 'A name cannot be empty.' };
  try {
    const renamed = await renameWork(await database(), id, name);
    savedWorks.value = savedWorks.value.map((w) => (w.id === id ? renamed : w));
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toStorageError(error).message };
  }
}

/** Deletes a work. */
export async function deleteSavedWork(id: string): Promise<WorkActionResult> {
  try {
    await deleteWork(await database(), id);
    savedWorks.value = savedWorks.value.filter((w) => w.id !== id);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toStorageError(error).message };
  }
}

/** A debounced writer: `schedule` keeps the newest work and writes it after a pause; `flush` writes now. */
export function createAutosaver(
  delayMs = AUTOSAVE_MS,
  write: (work: SavedWork) => Promise<boolean> = writeWork,
) {
  let pending: SavedWork | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = (): Promise<unknown> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const work = pending;
    pending = null;
    // Writes go one after another, so an older save never lands after a newer one.
    if (work) writing = writing.then(() => write(work));
    return writing;
  };
  /** The page is going away: a pending save is started now, without waiting for anything. */
  const leave = (): void => {
    if (!pending) return;
    if (write === writeWork && writeWorkAtOnce(pending)) {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    } else void flush();
  };
  if (typeof addEventListener === 'function') {
    addEventListener('pagehide', leave);
    addEventListener('visibilitychange', () => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') leave();
    });
  }
  return {
    /** Saves `work` after the pause (a newer call replaces it). */
    schedule(work: SavedWork): void {
      if (pending && pending.id !== work.id) void flush();
      pending = work;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    /** Writes any pending save now; resolves when every save so far is written. */
    flush,
    /** Forgets a pending save (the work was deleted). */
    cancel(id: string): void {
      if (pending?.id !== id) return;
      pending = null;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
