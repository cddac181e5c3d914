/**
 * A blocked upgrade, end to end: an old tab holds version 1 open and ignores the request to close, this
 * tab opens version 2 (the schema's version, pinned here so the test keeps meaning 1 → 2).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FROZEN_VERSIONS } from './upgrade-fixtures';

vi.mock('../../src/storage/schema', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/storage/schema')>()),
  DB_VERSION: 2,
}));

const { openHeadroomDb } = await import('../../src/storage/open');
const { StorageError } = await import('../../src/storage/errors');
const { notices } = await import('../../src/state/shared/notices');
const { database, storageProblem } = await import('../../src/state/shared/storage');

/** An "old tab": version 1, open, and deaf to versionchange (an old build, or one busy in a long task). */
async function oldTab(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => FROZEN_VERSIONS[0]?.create(open.result);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

const opened: IDBDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('a blocked upgrade', () => {
  it('openHeadroomDb reports "blocked" with what to do, then finishes once the old tab closes', async () => {
    const old = await oldTab('headroom-blocked-1');
    let blocked: InstanceType<typeof StorageError> | null = null;
    const opening = openHeadroomDb({ name: 'headroom-blocked-1', onBlocked: (e) => (blocked = e) });
    await vi.waitFor(() => expect(blocked).not.toBeNull());
    expect(blocked).toBeInstanceOf(StorageError);
    expect(blocked!.kind).toBe('blocked');
    expect(blocked!.message).toMatch(
      /open in another tab with an older version\. Close the other Headroom tabs/,
    );
    old.close();
    const db = await opening;
    expect(db.version).toBe(2);
    db.close();
  });

  it('the app shows the message as a notice and opens once the old tab is gone', async () => {
    const old = await oldTab('headroom');
    const tx = old.transaction('profiles', 'readwrite');
    tx.objectStore('profiles').put({ id: 'p-1', name: 'Old tab’s learner', color: 'teal', createdAt: 1 });
    await new Promise((r) => {
      tx.oncomplete = r;
    });
    const opening = database();
    await vi.waitFor(() => expect(notices.value.map((n) => n.id)).toContain('storage-blocked'));
    const notice = notices.value.find((n) => n.id === 'storage-blocked');
    expect(notice).toMatchObject({ tone: 'error', sticky: true });
    expect(notice?.text).toMatch(/Close the other Headroom tabs, then reload this one/);
    expect(storageProblem.value?.kind).toBe('blocked');
    old.close();
    const db = await opening;
    opened.push(db as unknown as IDBDatabase);
    expect(db.version).toBe(2);
    expect((await db.getAll('profiles')).map((p) => p.name)).toEqual(['Old tab’s learner']);
  });
});
