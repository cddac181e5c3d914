/**
 * Saving a learner's answers and freeing space when storage is full, on top of the database handle
 * (database.ts, re-exported here so rooms import one module).
 */
import { MissingProfileError, recordAttempt } from '../../storage/attempts';
import { StorageError } from '../../storage/errors';
import type { Attempt } from '../../storage/schema';
import { stemCacheBytes } from '../../storage/stems';
import { xapiAttempt } from '../classroom/xapi-hooks';
import {
  activeProfileId,
  database,
  offerQuotaRelief,
  profiles,
  recheckProfiles,
  reportStorageProblem,
  settings,
  storageFreed,
  storageProblem,
  updateSetting,
} from './database';
import { dismissNotice, showNotice } from './notices';

export * from './database';

/** "68.7 MB", "12 kB": how much cached audio was cleared. */
function sizeWords(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** What to do when clearing the cached audio cannot make room. */
const OTHER_WAYS_TO_FREE_SPACE =
  'To make room: remove imported songs you no longer use (Library), or free space other sites use in the browser’s settings, then try again.';

/**
 * Frees space after "storage full" by clearing the stem cache (songs are made again when needed), then
 * tells whoever waits (`storageFreed`) to try again. True when cached audio was cleared; when there was
 * none, nothing was freed and a notice says so, with what else frees space.
 */
export async function freeStorage(): Promise<boolean> {
  // Loaded on demand, to keep the stem cache out of the first screen.
  const { clearCachedAudio } = await import('./stem-cache');
  let bytes: number | null = null;
  try {
    bytes = await stemCacheBytes(await database());
  } catch {
    // Unknown size: clear anyway and say so without a number.
  }
  if (bytes === 0) {
    showNotice({
      id: 'storage-freed',
      tone: 'warning',
      sticky: true,
      text: `There was no cached audio to clear, so no space was freed. ${OTHER_WAYS_TO_FREE_SPACE}`,
    });
    return false;
  }
  if (!(await clearCachedAudio())) return false;
  dismissNotice('storage-quota');
  if (storageProblem.value?.kind === 'quota') storageProblem.value = null;
  storageFreed.value++;
  showNotice({
    id: 'storage-freed',
    tone: 'success',
    text: `Cached audio cleared${bytes === null ? '' : ` (${sizeWords(bytes)} freed)`}: trying to save again. Songs are made again when you play them.`,
  });
  return true;
}

/** Asks the browser, once, to keep Headroom's data even under storage pressure. */
async function askPersistence(): Promise<void> {
  if (settings.value.persistAsked) return;
  await updateSetting('persistAsked', true);
  try {
    await navigator.storage?.persist?.();
  } catch {
    // Not granting persistence is the browser's call; nothing to tell the learner.
  }
}

/**
 * Stores a scored attempt (with its progress) for the active profile; true when it landed. When that
 * profile no longer exists (deleted in another tab) nothing is written: the tab moves to a real profile and
 * the problem says so, so a retry saves the answer there.
 */
export async function saveAttempt(attempt: Omit<Attempt, 'profileId'>): Promise<boolean> {
  let name: string | undefined;
  try {
    const db = await database();
    // Read after opening: start-up may have just repaired the active profile.
    const profileId = activeProfileId.value;
    name = profiles.value.find((p) => p.id === profileId)?.name;
    await recordAttempt(db, { ...attempt, profileId });
    xapiAttempt({ ...attempt, profileId });
    // A save that lands means storage is not full (any more): the "full" notice no longer applies.
    if (storageProblem.value?.kind === 'quota') {
      storageProblem.value = null;
      dismissNotice('storage-quota');
    }
    await askPersistence();
    return true;
  } catch (error) {
    if (error instanceof MissingProfileError) {
      const check = await recheckProfiles();
      const now = check
        ? ` This tab now saves for “${check.active.name}”: try again to save the answer there.`
        : '';
      storageProblem.value = new StorageError(
        'invalid',
        `Not saved: the profile ${name ? `“${name}” ` : ''}no longer exists (it was deleted, perhaps in another tab).${now}`,
        error,
      );
      return false;
    }
    reportStorageProblem(error);
    return false;
  }
}

offerQuotaRelief(freeStorage);
