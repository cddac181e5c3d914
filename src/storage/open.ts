import { type IDBPDatabase, openDB } from 'idb';
import { StorageError, storageMessage, toStorageError } from './errors';
import { DB_NAME, DB_VERSION, type HeadroomDB } from './schema';

/** An open Headroom database. */
export type HeadroomDb = IDBPDatabase<HeadroomDB>;

/** Callbacks for the moments another tab gets in the way of a version change. */
export interface OpenOptions {
  name?: string;
  /** Another tab holds an older version open: tell the user to close it. */
  onBlocked?: (error: StorageError) => void;
  /** This tab holds the database open while a newer version wants it: it closes itself; tell the user to reload. */
  onVersionChange?: () => void;
}

/** Opens (creating or upgrading) the database; every step of the ladder runs for every older version. */
export async function openHeadroomDb(options: OpenOptions = {}): Promise<HeadroomDb> {
  try {
    const db = await openDB<HeadroomDB>(options.name ?? DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('settings', { keyPath: 'key' });
          const profiles = database.createObjectStore('profiles', { keyPath: 'id' });
          profiles.createIndex('byCreatedAt', 'createdAt');
          const attempts = database.createObjectStore('attempts', { keyPath: 'id', autoIncrement: true });
          attempts.createIndex('byProfile', 'profileId');
          attempts.createIndex('byProfileExercise', ['profileId', 'exercise']);
          attempts.createIndex('byAt', 'at');
          const progress = database.createObjectStore('progress', { keyPath: ['profileId', 'exercise'] });
          progress.createIndex('byProfile', 'profileId');
          database.createObjectStore('stems', { keyPath: 'key' }).createIndex('byLastUsed', 'lastUsed');
          database.createObjectStore('songs', { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
          database
            .createObjectStore('lessons', { keyPath: ['profileId', 'lessonId'] })
            .createIndex('byProfile', 'profileId');
          database.createObjectStore('assignments', { keyPath: 'id' }).createIndex('bySavedAt', 'savedAt');
          database
            .createObjectStore('reports', { keyPath: 'id' })
            .createIndex('byAssignment', 'assignmentId');
        }
        if (oldVersion < 2) {
          // What learners make on Produce and Mix (arrangements, mixes): a new store, nothing rewritten.
          database.createObjectStore('works', { keyPath: 'id' }).createIndex('byProfile', 'profileId');
        }
        if (oldVersion < 3) {
          // The school's learning record store: its setup, and the statements waiting to be sent. Nothing rewritten.
          database.createObjectStore('lrs', { keyPath: 'key' });
          database.createObjectStore('xapiQueue', { keyPath: 'id' }).createIndex('byQueuedAt', 'queuedAt');
        }
        // Later versions add rungs here: `if (oldVersion < 4) { ... }`, each tested from every older version.
      },
      blocked() {
        options.onBlocked?.(new StorageError('blocked', storageMessage('blocked')));
      },
      blocking() {
        // A newer Headroom in another tab needs the database: let it go rather than block it.
        db.close();
        options.onVersionChange?.();
      },
    });
    return db;
  } catch (error) {
    throw toStorageError(error);
  }
}
