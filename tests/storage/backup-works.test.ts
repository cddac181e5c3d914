import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, readBackup } from '../../src/storage/backup';
import { checkManifest } from '../../src/storage/backup-records';
import { restoreBackup } from '../../src/storage/backup-restore';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import type { SavedWork } from '../../src/storage/schema';
import { listWorks, putWork } from '../../src/storage/works';

let db: HeadroomDb;
let other: HeadroomDb;
let n = 0;

beforeEach(async () => {
  db = await openHeadroomDb({ name: `headroom-backup-works-${++n}` });
  other = await openHeadroomDb({ name: `headroom-backup-works-other-${n}` });
});
afterEach(() => {
  db.close();
  other.close();
});

const work = (id: string, kind: SavedWork['kind'], data: unknown, name?: string): SavedWork => ({
  id,
  kind,
  profileId: 'default',
  ...(name ? { name } : {}),
  title: `Song ${id}`,
  data,
  createdAt: 1000,
  updatedAt: 2000,
});

async function backupOf(target: HeadroomDb) {
  const made = await createBackup(target, { now: 5000 });
  if (!made.ok) throw new Error(made.problem.message);
  const read = await readBackup(made.value.blob);
  if (!read.ok) throw new Error(read.problem.message);
  return { made: made.value, checked: read.value };
}

describe('saved arrangements and mixes are part of backups', () => {
  it('a backup carries every work; restoring it on another device gives them back field for field', async () => {
    const arrangement = work('arr-1', 'arrangement', { style: 'electronic', seed: 4242, bars: 16 }, 'Wild');
    const mix = work('mix:default:pop', 'mix', {
      choiceId: 'pop',
      trackIds: ['bass'],
      strips: [{ faderDb: -9.3 }],
      masterFaderDb: 0,
    });
    await putWork(db, arrangement);
    await putWork(db, mix);
    const { made, checked } = await backupOf(db);
    expect(made.contents.counts.works).toBe(2);
    const restored = await restoreBackup(other, checked, 'merge');
    expect(restored.ok).toBe(true);
    expect(await listWorks(other, 'default')).toEqual([arrangement, mix]);
  });

  it('merge keeps this device’s copy of a work with the same id; replace takes the backup’s', async () => {
    await putWork(db, work('arr-1', 'arrangement', { seed: 1 }));
    const { checked } = await backupOf(db);
    await putWork(other, work('arr-1', 'arrangement', { seed: 2 }));
    await restoreBackup(other, checked, 'merge');
    expect((await listWorks(other, 'default'))[0]?.data).toEqual({ seed: 2 });
    await restoreBackup(other, checked, 'replace');
    expect((await listWorks(other, 'default'))[0]?.data).toEqual({ seed: 1 });
  });

  it('the frozen version 1 file (no works in it) still reads and restores', async () => {
    const bytes = readFileSync(new URL('./fixtures/backup-v1.headroom-backup', import.meta.url));
    const read = await readBackup(new Blob([bytes]));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.manifest.stores.works).toEqual([]);
    expect((await restoreBackup(other, read.value, 'merge')).ok).toBe(true);
  });

  it('refuses a backup whose work is neither an arrangement nor a mix, naming it', async () => {
    await putWork(db, work('arr-1', 'arrangement', {}));
    const { checked } = await backupOf(db);
    const manifest = structuredClone(checked.manifest);
    (manifest.stores.works[0] as { kind: string }).kind = 'polka';
    expect(checkManifest(manifest)).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/Saved work 1.*neither an arrangement nor a mix/),
    });
  });
});
