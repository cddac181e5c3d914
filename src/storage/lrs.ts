/** The school's learning record store on this device: its setup, each learner's identity, and the send queue. */
import type { LearnerIdentity } from '../classroom/xapi/identity';
import { type LrsConfig, readLrsConfig } from '../classroom/xapi/lrs-config';
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { QueuedStatement } from './schema';

/** How the last sync went (shown in Settings). */
export interface SyncStatus {
  /** When statements last reached the LRS (epoch ms), or null. */
  lastSyncAt: number | null;
  /** The last failure in plain words, or null when the last try worked. */
  lastError: string | null;
  /** Statements accepted by the LRS since the setup was saved. */
  sent: number;
}

const NO_STATUS: SyncStatus = { lastSyncAt: null, lastError: null, sent: 0 };

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** The saved LRS setup, or null when none (or a broken one) is stored. */
export function loadLrsConfig(db: HeadroomDb): Promise<LrsConfig | null> {
  return guarded(async () => readLrsConfig((await db.get('lrs', 'config'))?.value));
}

/** Saves the LRS setup (replacing any); a new setup starts a fresh status. */
export function saveLrsConfig(db: HeadroomDb, config: LrsConfig): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('lrs', 'readwrite');
    await Promise.all([
      tx.store.put({ key: 'config', value: config }),
      tx.store.put({ key: 'status', value: NO_STATUS }),
      tx.done,
    ]);
  });
}

/** Forgets the LRS setup and every statement still waiting (nothing more is sent). */
export function removeLrsConfig(db: HeadroomDb): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['lrs', 'xapiQueue'], 'readwrite');
    await Promise.all([
      tx.objectStore('lrs').delete('config'),
      tx.objectStore('lrs').delete('status'),
      tx.objectStore('xapiQueue').clear(),
      tx.done,
    ]);
  });
}

/** A learner's identity in the LRS, or null when none was typed. */
export function loadIdentity(db: HeadroomDb, profileId: string): Promise<LearnerIdentity | null> {
  return guarded(async () => {
    const v = (await db.get('lrs', `identity:${profileId}`))?.value as LearnerIdentity | undefined;
    if (!v || typeof v !== 'object' || typeof v.name !== 'string') return null;
    if ('email' in v && typeof v.email === 'string') return { name: v.name, email: v.email };
    if (
      'account' in v &&
      v.account &&
      typeof v.account.homePage === 'string' &&
      typeof v.account.name === 'string'
    )
      return { name: v.name, account: { homePage: v.account.homePage, name: v.account.name } };
    return null;
  });
}

/** Saves (or with null, forgets) a learner's identity. */
export function saveIdentity(
  db: HeadroomDb,
  profileId: string,
  identity: LearnerIdentity | null,
): Promise<void> {
  return guarded(async () => {
    if (identity) await db.put('lrs', { key: `identity:${profileId}`, value: identity });
    else await db.delete('lrs', `identity:${profileId}`);
  });
}

/** The last sync's status. */
export function loadSyncStatus(db: HeadroomDb): Promise<SyncStatus> {
  return guarded(async () => {
    const v = (await db.get('lrs', 'status'))?.value as Partial<SyncStatus> | undefined;
    return {
      lastSyncAt: typeof v?.lastSyncAt === 'number' ? v.lastSyncAt : null,
      lastError: typeof v?.lastError === 'string' ? v.lastError : null,
      sent: typeof v?.sent === 'number' ? v.sent : 0,
    };
  });
}

/** Stores the sync status. */
export function saveSyncStatus(db: HeadroomDb, status: SyncStatus): Promise<void> {
  return guarded(async () => {
    await db.put('lrs', { key: 'status', value: status });
  });
}

/** Queues statements; one already waiting under the same id is kept as it is (a statement is queued once). */
export function enqueueStatements(
  db: HeadroomDb,
  items: readonly { id: string; statement: unknown; profileId: string }[],
  now: number,
): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction('xapiQueue', 'readwrite');
    let added = 0;
    for (const item of items) {
      if ((await tx.store.getKey(item.id)) !== undefined) continue;
      await tx.store.add({ ...item, queuedAt: now, tries: 0, nextTryAt: now });
      added++;
    }
    await tx.done;
    return added;
  });
}

/** Every waiting statement, oldest first. */
export function listQueue(db: HeadroomDb): Promise<QueuedStatement[]> {
  return guarded(() => db.getAllFromIndex('xapiQueue', 'byQueuedAt'));
}

/** How many statements are waiting. */
export function queueLength(db: HeadroomDb): Promise<number> {
  return guarded(() => db.count('xapiQueue'));
}

/** Removes statements the LRS accepted. */
export function removeFromQueue(db: HeadroomDb, ids: readonly string[]): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('xapiQueue', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  });
}

/** Records a failed send on each of `ids`: one more try, the next not before `nextTryAt`. */
export function markFailed(
  db: HeadroomDb,
  ids: readonly string[],
  error: string,
  nextTryAt: (tries: number) => number,
): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction('xapiQueue', 'readwrite');
    for (const id of ids) {
      const q = await tx.store.get(id);
      if (!q) continue;
      const tries = q.tries + 1;
      await tx.store.put({ ...q, tries, nextTryAt: nextTryAt(tries), lastError: error });
    }
    await tx.done;
  });
}
