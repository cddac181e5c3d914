/** "Clear cached audio and save" says what really happened: how much was freed, or that nothing was. */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { notices } from '../../../src/state/shared/notices';
import { database, freeStorage, storageFreed } from '../../../src/state/shared/storage';
import { putCachedStems, stemCacheKey } from '../../../src/storage/stems';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const freedNotice = () => notices.value.find((n) => n.id === 'storage-freed');

describe('freeStorage', () => {
  it('with an empty cache frees nothing, says so and says what else to do', async () => {
    await database();
    const before = storageFreed.value;
    expect(await freeStorage()).toBe(false);
    expect(storageFreed.value).toBe(before);
    expect(freedNotice()?.text).toMatch(/no cached audio to clear, so no space was freed/);
    expect(freedNotice()?.text).toMatch(/imported songs/);
    expect(freedNotice()?.text).not.toMatch(/room to save/);
  });

  it('with cached audio clears it and says how much was freed', async () => {
    const db = await database();
    const length = 256 * 1024; // one mono track: 1 MiB of samples
    await putCachedStems(db, {
      key: stemCacheKey('pop-1', 1, 8000),
      songId: 'pop-1',
      sampleRate: 8000,
      length,
      tracks: [{ id: 't0', name: 'Track 0', channels: [new Float32Array(length)] }],
    });
    const before = storageFreed.value;
    expect(await freeStorage()).toBe(true);
    expect(storageFreed.value).toBe(before + 1);
    expect(freedNotice()?.text).toMatch(/^Cached audio cleared \(1\.0 MB freed\)/);
    expect(await db.count('stems')).toBe(0);
  });
});
