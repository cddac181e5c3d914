/** Page-side helpers for the classroom e2e test (serialised into page.evaluate; no imports inside). */

/** An attempt as the app stores it, reduced to what the test checks. */
export interface StoredAttempt {
  profileId: string;
  exercise: string;
  level: number;
  seed: number;
  score: number;
  timeMs: number;
  /** Epoch milliseconds. */
  at: number;
  /** The question as the drill generated it. */
  question: unknown;
  assignmentId?: string;
}

/** Every stored attempt, oldest first, read straight from the app's IndexedDB. */
export async function attemptsInPage(): Promise<StoredAttempt[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('headroom');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = await new Promise<StoredAttempt[]>((resolve, reject) => {
    const r = db.transaction('attempts', 'readonly').objectStore('attempts').getAll();
    r.onsuccess = () => resolve(r.result as StoredAttempt[]);
    r.onerror = () => reject(r.error);
  });
  db.close();
  return all
    .sort((x, y) => x.at - y.at)
    .map(({ profileId, exercise, level, seed, score, timeMs, at, question, assignmentId }) => ({
      profileId,
      exercise,
      level,
      seed,
      score,
      timeMs,
      at,
      question,
      ...(assignmentId === undefined ? {} : { assignmentId }),
    }));
}

/** How many records a store holds. */
export async function countInPage(store: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('headroom');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const n = await new Promise<number>((resolve) => {
    const r = db.transaction(store, 'readonly').objectStore(store).count();
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  return n;
}
