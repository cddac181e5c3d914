/**
 * The database handle and what every room reads from it: settings, profiles, the active profile and the
 * last storage problem. Saving attempts and freeing space live in storage.ts, which re-exports all of this.
 */
import { batch, signal } from '@preact/signals';
import { StorageError, toStorageError } from '../../storage/errors';
import { type HeadroomDb, openHeadroomDb } from '../../storage/open';
import {
  type ActiveProfileCheck,
  DEFAULT_PROFILE_ID,
  ensureActiveProfile,
  ensureDefaultProfile,
} from '../../storage/profiles';
import { clearEverything } from '../../storage/reset';
import type { Profile } from '../../storage/schema';
import { DEFAULT_SETTINGS, loadSettings, type Settings, saveSetting } from '../../storage/settings';
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

/** What a save says when a newer Headroom holds (or has upgraded) the data on this device. */
export const NEWER_VERSION_MESSAGE =
  'A newer version of Headroom is open in another tab (or was used here before), so this tab cannot save. Reload this tab to get the newer version.';

/** Set once a newer Headroom in another tab made this tab let go of the database. */
let closedForNewer = false;

/** The problem as the learner should read it: a closed or newer database says "newer version, reload". */
function explain(error: unknown): StorageError {
  const e = toStorageError(error);
  if (e.kind === 'version' || (closedForNewer && e.kind === 'unavailable'))
    return new StorageError('version', NEWER_VERSION_MESSAGE, error);
  return e;
}

let quotaRelief: (() => Promise<boolean>) | null = null;

/** Names what "Clear cached audio" runs on a "storage full" notice (state/shared/storage.ts offers it). */
export function offerQuotaRelief(relief: () => Promise<boolean>): void {
  quotaRelief = relief;
}

/** Shows a storage failure as a notice (with "Clear cached audio" when storage is full) and keeps it. */
export function reportStorageProblem(error: unknown): StorageError {
  const e = explain(error);
  storageProblem.value = e;
  showNotice({
    id: `storage-${e.kind}`,
    tone: 'error',
    text: e.message,
    sticky: true,
    // Full: the cached stems are the one big thing Headroom can drop without losing anything.
    ...(e.kind === 'quota' && quotaRelief
      ? { action: { label: 'Clear cached audio', run: () => void quotaRelief?.() } }
      : {}),
  });
  return e;
}

/** Opens the database once, creates the default profile on a first visit, and loads settings. */
export function database(): Promise<HeadroomDb> {
  opening ??= (async () => {
    const db = await openHeadroomDb({
      onBlocked: reportStorageProblem,
      onVersionChange: () => {
        // The connection is closed now: the next save reopens and hears "newer version" (VersionError).
        closedForNewer = true;
        opening = null;
        showNotice({
          id: 'db-newer',
          tone: 'warning',
          text: 'A newer Headroom opened in another tab. Reload this tab to keep saving.',
          sticky: true,
          action: { label: 'Reload', run: () => location.reload() },
        });
      },
    });
    dismissNotice('storage-blocked');
    await adoptStoredState(db);
    listenForProfileChanges();
    return db;
  })().catch((error) => {
    opening = null;
    throw reportStorageProblem(error);
  });
  return opening;
}

/** Tells the learner that the active profile had to change, and why. */
function noticeRepair(check: ActiveProfileCheck, why: string): void {
  if (!check.repaired) return;
  showNotice({
    id: 'profile-repaired',
    tone: 'warning',
    sticky: true,
    text: check.repaired.created
      ? `${why} No profile was left on this device, so a new one, “${check.active.name}”, was made: your practice is saved there from now on.`
      : `${why} Your practice is saved for “${check.active.name}” from now on (change it under Profiles).`,
  });
}

/**
 * Re-reads profiles and settings from storage (start-up, after a restore) and makes sure the active profile
 * is a real one: when the stored one names no profile, the oldest is chosen (or one is made) and a notice
 * says so. Returns what it found.
 */
export async function adoptStoredState(db: HeadroomDb): Promise<ActiveProfileCheck> {
  const check = await ensureActiveProfile(db);
  batch(() => {
    profiles.value = check.profiles;
    activeProfileId.value = check.active.id;
  });
  settings.value = await loadSettings(db);
  noticeRepair(
    check,
    'The profile this device was using no longer exists (a restored backup may not have had it).',
  );
  return check;
}

/** Name of the channel on which tabs of this origin say that profiles changed. */
const PROFILE_CHANNEL = 'headroom-profiles';
let channel: BroadcastChannel | null = null;

/**
 * Re-reads the profile list after another tab (or this one) changed it; when this tab's active profile is
 * gone, moves to a real one and says so. Returns the check, or null when storage could not be read.
 */
export async function recheckProfiles(db?: HeadroomDb): Promise<ActiveProfileCheck | null> {
  const before = profiles.value.find((p) => p.id === activeProfileId.value);
  try {
    const check = await ensureActiveProfile(db ?? (await database()), { wanted: activeProfileId.value });
    batch(() => {
      profiles.value = check.profiles;
      activeProfileId.value = check.active.id;
    });
    noticeRepair(
      check,
      before
        ? `The profile “${before.name}” was deleted (in another tab).`
        : 'The profile this tab was using was deleted.',
    );
    return check;
  } catch (error) {
    reportStorageProblem(error);
    return null;
  }
}

/** Listens (once) for other tabs saying that profiles changed. */
function listenForProfileChanges(): void {
  if (channel || typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel(PROFILE_CHANNEL);
  channel.onmessage = () => void recheckProfiles();
}

/** Tells the other tabs of this origin that profiles changed (created, renamed, deleted, restored). */
export function announceProfilesChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  // Only other tabs hear it (a channel never receives its own messages): this tab already knows.
  const sender = channel ?? new BroadcastChannel(PROFILE_CHANNEL);
  sender.postMessage({ type: 'profiles-changed' });
  if (sender !== channel) sender.close();
}

/** Changes a setting in the UI at once and stores it. */
export async function updateSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  settings.value = { ...settings.value, [key]: value };
  try {
    await saveSetting(await database(), key, value);
  } catch (error) {
    reportStorageProblem(error);
  }
}

/** Deletes everything Headroom stored on this device, then starts fresh with a default profile. */
export async function resetEverything(): Promise<void> {
  const db = await database();
  await clearEverything(db);
  profiles.value = await ensureDefaultProfile(db);
  settings.value = { ...DEFAULT_SETTINGS };
  activeProfileId.value = DEFAULT_PROFILE_ID;
  announceProfilesChanged();
}
