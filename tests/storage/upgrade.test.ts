import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import { DB_VERSION } from '../../src/storage/schema';
import { FROZEN_VERSIONS, type FrozenVersion } from './upgrade-fixtures';

let n = 0;

/** Builds a database exactly as `frozen.version` left it, filled with its records, and closes it. */
async function buildFrozen(frozen: FrozenVersion): Promise<string> {
  const name = `headroom-upgrade-v${frozen.version}-${++n}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, frozen.version);
    open.onupgradeneeded = () => frozen.create(open.result);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const records = frozen.records();
  if (Object.keys(records).length === 0) {
    db.close();
    return name;
  }
  const tx = db.transaction(Object.keys(records), 'readwrite');
  for (const [store, list] of Object.entries(records)) for (const r of list) tx.objectStore(store).put(r);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return name;
}

/** Every store's key path, auto-increment and indexes: the layout, compared between two databases. */
function layout(db: IDBDatabase | HeadroomDb) {
  const raw = db as unknown as IDBDatabase;
  const stores = [...raw.objectStoreNames].sort();
  const tx = raw.transaction(stores);
  return stores.map((name) => {
    const s = tx.objectStore(name);
    return {
      name,
      keyPath: s.keyPath,
      autoIncrement: s.autoIncrement,
      indexes: [...s.indexNames].sort().map((i) => {
        const index = s.index(i);
        return { i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
      }),
    };
  });
}

describe('the upgrade ladder', () => {
  it('has a frozen fixture for every version up to the current one', () => {
    expect(FROZEN_VERSIONS.map((f) => f.version)).toEqual(
      Array.from({ length: DB_VERSION }, (_, i) => i + 1),
    );
  });

  for (const frozen of FROZEN_VERSIONS) {
    it(`upgrades a filled version ${frozen.version} database to ${DB_VERSION}: every record keeps its meaning`, async () => {
      const name = await buildFrozen(frozen);
      const db = await openHeadroomDb({ name });
      expect(db.version).toBe(DB_VERSION);
      await frozen.check(db);
      // The upgraded layout is exactly what a first visit creates.
      const fresh = await openHeadroomDb({ name: `${name}-fresh` });
      expect(layout(db)).toEqual(layout(fresh));
      fresh.close();
      db.close();
    });
  }
});
