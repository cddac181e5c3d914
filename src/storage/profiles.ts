import { StorageError, toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { Profile } from './schema';

/** The id of the profile every device starts with. */
export const DEFAULT_PROFILE_ID = 'default';

/** Lists profiles, oldest first. */
export async function listProfiles(db: HeadroomDb): Promise<Profile[]> {
  try {
    return await db.getAllFromIndex('profiles', 'byCreatedAt');
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Makes sure the default profile exists (first visit) and returns every profile. */
export async function ensureDefaultProfile(db: HeadroomDb, now = Date.now()): Promise<Profile[]> {
  try {
    const tx = db.transaction('profiles', 'readwrite');
    if ((await tx.store.count()) === 0) {
      await tx.store.add({ id: DEFAULT_PROFILE_ID, name: 'Me', color: 'teal', createdAt: now });
    }
    const all = await tx.store.index('byCreatedAt').getAll();
    await tx.done;
    return all;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** What `ensureActiveProfile` found: every profile, the real active one, and whether it had to choose. */
export interface ActiveProfileCheck {
  profiles: Profile[];
  /** The active profile: always one of `profiles`. */
  active: Profile;
  /**
   * Set when the stored active profile named no profile (a restored backup, a profile deleted in another
   * tab): the id it named, and whether the new active profile had to be created (no profile was left).
   */
  repaired: { missingId: string; created: boolean } | null;
}

/**
 * Makes sure the active profile is a real one, in one transaction over profiles and settings: with no
 * profile left it creates the default one; when the stored `activeProfileId` (or `wanted`, if given) names
 * no profile it chooses the oldest and stores that choice. A first visit (nothing stored yet) is no repair.
 */
export async function ensureActiveProfile(
  db: HeadroomDb,
  { now = Date.now(), wanted }: { now?: number; wanted?: string | null } = {},
): Promise<ActiveProfileCheck> {
  try {
    const tx = db.transaction(['profiles', 'settings'], 'readwrite');
    const store = tx.objectStore('profiles');
    const settings = tx.objectStore('settings');
    let created = false;
    if ((await store.count()) === 0) {
      await store.add({ id: DEFAULT_PROFILE_ID, name: 'Me', color: 'teal', createdAt: now });
      created = true;
    }
    const all = await store.index('byCreatedAt').getAll();
    const storedValue = (await settings.get('activeProfileId'))?.value;
    const stored = typeof storedValue === 'string' ? storedValue : null;
    const asked = wanted === undefined ? stored : wanted;
    let active = all.find((p) => p.id === asked);
    let repaired: ActiveProfileCheck['repaired'] = null;
    if (!active) {
      // The stored choice may still be real when `wanted` (a tab's own choice) is not.
      active = all.find((p) => p.id === stored) ?? (all[0] as Profile);
      if (asked !== null) repaired = { missingId: asked, created };
      if (stored !== active.id && (asked !== null || stored !== null))
        await settings.put({ key: 'activeProfileId', value: active.id });
    }
    await tx.done;
    return { profiles: all, active, repaired };
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Stores a new or changed profile. */
export async function saveProfile(db: HeadroomDb, profile: Profile): Promise<void> {
  try {
    await db.put('profiles', profile);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Renames a profile; returns the changed profile (invalid: no such profile). */
export async function renameProfile(db: HeadroomDb, id: string, name: string): Promise<Profile> {
  try {
    const tx = db.transaction('profiles', 'readwrite');
    const profile = await tx.store.get(id);
    if (!profile) throw new StorageError('invalid', 'Not renamed: that profile no longer exists.');
    const renamed = { ...profile, name };
    await tx.store.put(renamed);
    await tx.done;
    return renamed;
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Deletes a profile with its attempts, progress, lesson state and received assignments, all in one
 * transaction (all of it goes, or none). The last profile cannot be deleted.
 */
export async function deleteProfile(db: HeadroomDb, id: string): Promise<void> {
  try {
    const tx = db.transaction(['profiles', 'attempts', 'progress', 'lessons', 'assignments'], 'readwrite');
    const profiles = tx.objectStore('profiles');
    if (!(await profiles.getKey(id)))
      throw new StorageError('invalid', 'Not deleted: that profile no longer exists.');
    if ((await profiles.count()) <= 1)
      throw new StorageError('invalid', 'Not deleted: at least one profile must remain on this device.');
    await profiles.delete(id);
    const attempts = tx.objectStore('attempts');
    for (const key of await attempts.index('byProfile').getAllKeys(id)) await attempts.delete(key);
    const progress = tx.objectStore('progress');
    for (const key of await progress.index('byProfile').getAllKeys(id)) await progress.delete(key);
    const lessons = tx.objectStore('lessons');
    for (const key of await lessons.index('byProfile').getAllKeys(id)) await lessons.delete(key);
    const assignments = tx.objectStore('assignments');
    const prefix = `student:${id}:`;
    for (const key of await assignments.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)))
      await assignments.delete(key);
    await tx.done;
  } catch (error) {
    // An aborted transaction rejects `done` too; report the reason that started it.
    throw toStorageError(error);
  }
}
