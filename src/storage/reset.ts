import { toStorageError } from './errors';
import type { HeadroomDb } from './open';
import { STORE_NAMES } from './schema';

/** Deletes every record in every store in one transaction (Settings → reset). */
export async function clearEverything(db: HeadroomDb): Promise<void> {
  try {
    const tx = db.transaction([...STORE_NAMES], 'readwrite');
    await Promise.all([...STORE_NAMES.map((name) => tx.objectStore(name).clear()), tx.done]);
  } catch (error) {
    throw toStorageError(error);
  }
}
