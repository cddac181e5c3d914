import { toStorageError } from './errors';
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

/** Stores a new or changed profile. */
export async function saveProfile(db: HeadroomDb, profile: Profile): Promise<void> {
  try {
    await db.put('profiles', profile);
  } catch (error) {
    throw toStorageError(error);
  }
}
