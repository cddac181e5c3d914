import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openHeadroomDb } from '../../src/storage/open';
import type { SavedWork } from '../../src/storage/schema';
import { deleteWork, getWork, listWorks, putWork, renameWork } from '../../src/storage/works';

let n = 0;
const open = () => openHeadroomDb({ name: `headroom-works-${++n}` });

const work = (id: string, profileId: string, updatedAt: number, data: unknown = { seed: 3 }): SavedWork => ({
  id,
  kind: 'arrangement',
  profileId,
  title: `Pop: “Song ${id}”`,
  data,
  createdAt: 1000,
  updatedAt,
});

describe('the works store (what learners make on Produce and Mix)', () => {
  it('lists one profile’s works, the most recently changed first', async () => {
    const db = await open();
    await putWork(db, work('a', 'p1', 3000));
    await putWork(db, work('b', 'p1', 5000));
    await putWork(db, work('c', 'p2', 9000));
    expect((await listWorks(db, 'p1')).map((w) => w.id)).toEqual(['b', 'a']);
    expect((await listWorks(db, 'p2')).map((w) => w.id)).toEqual(['c']);
    db.close();
  });

  it('a save replaces the data whole but keeps the name and creation time given before', async () => {
    const db = await open();
    await putWork(db, work('a', 'p1', 3000, { seed: 1 }));
    await renameWork(db, 'a', '  My first song  ');
    const saved = await putWork(db, { ...work('a', 'p1', 4000, { seed: 2 }), createdAt: 3999 });
    expect(saved).toMatchObject({ name: 'My first song', createdAt: 1000, updatedAt: 4000 });
    expect(await getWork(db, 'a')).toEqual(saved);
    expect((await getWork(db, 'a'))?.data).toEqual({ seed: 2 });
    db.close();
  });

  it('refuses an empty name and a work that is gone, changing nothing', async () => {
    const db = await open();
    await putWork(db, work('a', 'p1', 3000));
    await expect(renameWork(db, 'a', '   ')).rejects.toThrow('A name cannot be empty.');
    await expect(renameWork(db, 'zz', 'New')).rejects.toThrow(/no longer stored/);
    expect((await getWork(db, 'a'))?.name).toBeUndefined();
    expect(await getWork(db, 'zz')).toBeUndefined();
    db.close();
  });

  it('deletes a work (twice is fine)', async () => {
    const db = await open();
    await putWork(db, work('a', 'p1', 3000));
    await deleteWork(db, 'a');
    await deleteWork(db, 'a');
    expect(await listWorks(db, 'p1')).toEqual([]);
    db.close();
  });

  it('a work that cannot be stored (a function in its data) leaves nothing behind', async () => {
    const db = await open();
    await expect(putWork(db, work('a', 'p1', 3000, { f: () => 1 }))).rejects.toMatchObject({
      kind: 'invalid',
    });
    expect(await getWork(db, 'a')).toBeUndefined();
    db.close();
  });
});
