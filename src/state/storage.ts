import { signal } from '@preact/signals';
import { recordAttempt } from '../storage/attempts';
import { type StorageError, toStorageError } from '../storage/errors';
import { type HeadroomDb, openHeadroomDb } from '../storage/open';
import { DEFAULT_PROFILE_ID, ensureDefaultProfile } from '../storage/profiles';
import { clearEverything } from '../storage/reset';
import type { Attempt, Profile } from '../storage/schema';
import { DEFAULT_SETTINGS, loadSettings, type Settings, saveSetting } from '../storage/settings';
import { dismissNotice, showNotice } from './notices';

/** Settings as the UI sees them; writes go through `updateSetting`. */
export const settings = signal<Settings>({ ...DEFAULT_SETTINGS });
/** Every profile on this device. */
export const profiles = signal<Profile[]>([]);
/** The profile whose practice is being recorded. */
export const activeProfileId = signal<string>(DEFAULT_PROFILE_ID);
/** The last storage failure, shown by the UI until dismissed. */
export const storageProblem = signal<StorageError | null>(null);
/** Counts the times space was freed after "storage full" (a drill retries its unsaved answers on it). */
export const storageFreed = signal(0);

let opening: Promise<HeadroomDb> | null = null;

function report(error: unknown): StorageError {
  const e = toStorageError(error);
  storageProblem.value = e;
  showNotice({
    id: `storage-${e.kind}`,
    tone: 'error',
    text: e.message,
    sticky: true,
    // Full: the cached stems are the one big thing Headroom can drop without losing anything.
    ...(e.kind === 'quota' ? { action: { label: 'Clear cached audio', run: () => void freeStorage() } } : {}),
  });
  return e;
}

/**
 * Frees space after "storage full" by clearing the stem cache (songs are made again when needed), then
 * tells whoever waits (`storageFreed`) to try again. True when the cache was cleared.
 */
export async function freeStorage(): Promise<boolean> {
  // Loaded on demand: the stem cache imports this module.
  const { clearCachedAudio } = await import('./stem-cache');
  if (!(await clearCachedAudio())) return false;
  dismissNotice('storage-quota');
  if (storageProblem.value?.kind === 'quota') storageProblem.value = null;
  storageFreed.value++;
  showNotice({
    id: 'storage-freed',
    tone: 'success',
    text: 'Cached audio cleared: there is room to save again. Songs are made again when you play them.',
  });
  return true;
}

/** Opens the database once, creates the default profile on a first visit, and loads settings. */
export function database(): Promise<HeadroomDb> {
  opening ??= (async () => {
    const db = await openHeadroomDb({
      onBlocked: report,
      onVersionChange: () =>
        showNotice({
          id: 'db-newer',
          tone: 'warning',
          text: 'A newer Headroom opened in another tab. Reload this tab to keep saving.',
          sticky: true,
          action: { label: 'Reload', run: () => location.reload() },
        }),
    });
    dismissNotice('storage-blocked');
    profiles.value = await ensureDefaultProfile(db);
    settings.value = await loadSettings(db);
    activeProfileId.value = settings.value.activeProfileId ?? profiles.value[0]?.id ?? DEFAULT_PROFILE_ID;
    return db;
  })().catch((error) => {
    opening = null;
    throw report(error);
  });
  return opening;
}

/** Changes a setting in the UI at once and stores it. */
export async function updateSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  settings.value = { ...settings.value, [key]: value };
  try {
    await saveSetting(await database(), key, value);
  } catch (error) {
    report(error);
  }
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

/** Stores a scored attempt (with its progress) for the active profile; true when it landed. */
export async function saveAttempt(attempt: Omit<Attempt, 'profileId'>): Promise<boolean> {
  try {
    await recordAttempt(await database(), { ...attempt, profileId: activeProfileId.value });
    await askPersistence();
    return true;
  } catch (error) {
    report(error);
    return false;
  }
}

/** Deletes everything Headroom stored on this device, then starts fresh with a default profile. */
export async function resetEverything(): Promise<void> {
  const db = await database();
  await clearEverything(db);
  profiles.value = await ensureDefaultProfile(db);
  settings.value = { ...DEFAULT_SETTINGS };
  activeProfileId.value = DEFAULT_PROFILE_ID;
}
