/** Page-side helpers for the classroom e2e test (serialised into page.evaluate; no imports inside). */

/** What the student's answers should score: per item, per question. */
export type ScorePlan = number[][];

/**
 * Stores an attempt for every question of the active profile's received assignments, straight into
 * IndexedDB, the way the drill runner records them (attempt with `assignmentId`). Stands in for playing
 * the questions until the drill view is wired to the classroom's runner hook.
 */
export async function recordAnswersInPage(plan: ScorePlan): Promise<number> {
  const ask = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const db = await ask(indexedDB.open('headroom'));
  const read = db.transaction(['settings', 'assignments'], 'readonly');
  const profileId =
    ((await ask(read.objectStore('settings').get('activeProfileId'))) as { value?: string } | undefined)
      ?.value ?? 'default';
  const records = (await ask(read.objectStore('assignments').getAll())) as {
    role: string;
    profileId?: string;
    assignment: { id: string; items: { exercise: string; level: number; seeds: number[] }[] };
  }[];
  const tx = db.transaction('attempts', 'readwrite');
  let n = 0;
  let at = Date.now() - 60_000;
  for (const r of records.filter((x) => x.role === 'student' && x.profileId === profileId)) {
    for (const [i, item] of r.assignment.items.entries()) {
      for (const [q, seed] of item.seeds.entries()) {
        tx.objectStore('attempts').add({
          profileId,
          exercise: item.exercise,
          skill: 'test',
          level: item.level,
          seed,
          question: {},
          answer: {},
          score: plan[i]?.[q] ?? 0,
          timeMs: 2000,
          at: (at += 1000),
          assignmentId: r.assignment.id,
        });
        n++;
      }
    }
  }
  await new Promise((resolve) => {
    tx.oncomplete = resolve;
  });
  db.close();
  return n;
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
