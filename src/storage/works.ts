import { StorageError, toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { SavedWork } from './schema';

export type { SavedWork } from './schema';

/** Longest name a saved work may have. */
export const MAX_WORK_NAME = 80;

/**
 * Stores one work whole, in one transaction (a save is all there or not at all). A stored work keeps its
 * name and creation time: an autosave never undoes a rename made meanwhile (in the Library, another tab).
 */
export async function putWork(db: HeadroomDb, work: SavedWork): Promise<SavedWork> {
  try {
    const tx = db.transaction('works', 'readwrite');
    const stored = await tx.store.get(work.id);
    const { name: _, ...rest } = work;
    const name = stored?.name ?? work.name;
    const kept: SavedWork = {
      ...rest,
      ...(name ? { name } : {}),
      createdAt: stored?.createdAt ?? work.createdAt,
    };
    await tx.store.put(kept);
    await tx.done;
    return kept;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** One saved work, or undefined. */
export async function getWork(db: HeadroomDb, id: string): Promise<SavedWork | undefined> {
  try {
    return await db.get('works', id);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Every work of a profile, the most recently changed first. */
export async function listWorks(db: HeadroomDb, profileId: string): Promise<SavedWork[]> {
  try {
    const all = await db.getAllFromIndex('works', 'byProfile', profileId);
    return all.sort((a, b) => b.updatedAt - a.updatedAt);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Deletes a work (deleting one that is gone already is fine). */
export async function deleteWork(db: HeadroomDb, id: string): Promise<void> {
  try {
    await db.delete('works', id);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Gives a work a name (read and written in one transaction); an empty name is refused. */
export async function renameWork(db: HeadroomDb, id: string, name: string): Promise<SavedWork> {
  const clean = name.trim().slice(0, MAX_WORK_NAME);
  if (!clean) throw new StorageError('invalid', 'A name cannot be empty.');
  try {
    const tx = db.transaction('works', 'readwrite');
    const work = await tx.store.get(id);
    if (!work) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new StorageError(
        'invalid',
        'That work is no longer stored (it was deleted, maybe in another tab).',
      );
    }
    const renamed = { ...work, name: clean };
    await tx.store.put(renamed);
    await tx.done;
    return renamed;
  } catch (error) {
    throw toStorageError(error);
  }
}
