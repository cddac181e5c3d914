/**
 * Telling the learner, on the next start, about a restore the page did not live to finish. A restore is
 * one IndexedDB transaction: a reload or a closed tab mid-way aborts it, so nothing changed. Before it
 * starts, a note goes into localStorage; the restore writes the same mark into the database with its
 * data, and the note is removed when it ends. A note found at start-up means the page went away
 * mid-restore: the mark in the database says whether the restore landed (committed just before the page
 * went) or not (nothing changed). A Web Lock keeps another tab's running restore from being misread.
 */
import { RESTORE_MARK_KEY } from '../../storage/backup-format';
import type { HeadroomDb } from '../../storage/open';
import { showNotice } from '../shared/notices';
import { uniqueId } from '../shared/unique-id';

/** The localStorage key of the note a running restore leaves. */
export const RESTORE_NOTE_KEY = 'headroom-restore-running';
const LOCK = 'headroom-restore';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Runs a restore with a note left for the next start in case the page goes away before it ends. */
export async function whileMarkedRestoring<T>(run: (mark: string) => Promise<T>): Promise<T> {
  const mark = uniqueId();
  const work = async () => {
    storage()?.setItem(RESTORE_NOTE_KEY, mark);
    try {
      return await run(mark);
    } finally {
      storage()?.removeItem(RESTORE_NOTE_KEY);
    }
  };
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(LOCK, work) : work();
}

/** What the next start says about a restore the page went away from. */
export type InterruptedRestore = 'none' | 'running-elsewhere' | 'nothing-changed' | 'finished';

/**
 * Looks for the note of a restore the page went away from; says what became of it (a notice) and
 * removes the note. `db` is this tab's open database.
 */
export async function reportInterruptedRestore(db: HeadroomDb): Promise<InterruptedRestore> {
  const store = storage();
  const mark = store?.getItem(RESTORE_NOTE_KEY);
  if (!store || !mark) return 'none';
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) {
    // Another tab restoring right now holds the lock: its note is not an interrupted restore.
    const held = await locks.query();
    if (held.held?.some((l) => l.name === LOCK)) return 'running-elsewhere';
  }
  store.removeItem(RESTORE_NOTE_KEY);
  const stored = await db.get('settings', RESTORE_MARK_KEY).catch(() => undefined);
  const finished = stored?.value === mark;
  showNotice({
    id: 'restore-interrupted',
    tone: finished ? 'info' : 'warning',
    sticky: true,
    text: finished
      ? 'The page closed just as a restore finished: the backup was restored.'
      : 'A restore was stopped when the page closed or reloaded. Nothing on this device was changed. To restore, choose the backup file again (Settings → Your data).',
  });
  return finished ? 'finished' : 'nothing-changed';
}
