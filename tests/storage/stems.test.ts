import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import {
  clearStemCache,
  DEFAULT_STEM_CACHE_CAP,
  evictCachedStems,
  getCachedStems,
  listCachedStems,
  putCachedStems,
  type StemCacheInfo,
  stemCacheBytes,
  stemCacheKey,
} from '../../src/storage/stems';

let db: HeadroomDb;
let n = 0;
beforeEach(async () => {
  db = await openHeadroomDb({ name: `headroom-stems-${++n}` });
});
afterEach(() => db.close());

/** Stems of one song: `tracks` mono tracks of `length` samples (4 bytes each), samples = track index + i/1000. */
function stems(songId: string, length: number, tracks = 2) {
  return {
    key: stemCacheKey(songId, 1, 8000),
    songId,
    sampleRate: 8000,
    length,
    tracks: Array.from({ length: tracks }, (_, t) => ({
      id: `t${t}`,
      name: `Track ${t}`,
      instrument: 'sine',
      defaultFaderDb: -6 - t,
      defaultPan: t === 0 ? -0.3 : 0.2,
      defaultReverbSendDb: -20 - t,
      activeRmsDb: -20,
      channels: [Float32Array.from({ length }, (_, i) => t + i / 1000)],
    })),
  };
}

/** Lets queued (not awaited) transactions such as the lastUsed update finish. */
/** Waits (failing after a second) until the entry of `songId` passes `check`: reads write lastUsed/heldFor in the background. */
async function entryOf(db: HeadroomDb, songId: string, check: (e: StemCacheInfo) => boolean): Promise<void> {
  await vi.waitFor(async () => {
    const e = (await listCachedStems(db)).find((x) => x.songId === songId);
    if (!e || !check(e)) throw new Error(`The read of ${songId} has not been written yet.`);
  });
}

describe('stem cache', () => {
  it('keys entries by song, render version and sample rate', () => {
    expect(stemCacheKey('pop-1', 3, 48000)).toBe('pop-1:3:48000');
    expect(DEFAULT_STEM_CACHE_CAP).toBe(300 * 1024 * 1024);
  });

  it('gives back exactly what was stored, with the size in bytes', async () => {
    const s = stems('pop-1', 100, 3);
    expect(await putCachedStems(db, s, { now: 1000 })).toEqual({ stored: true, evicted: [] });
    const got = await getCachedStems(db, s.key, 2000);
    expect(got?.bytes).toBe(3 * 100 * 4);
    expect(
      got?.tracks.map((t) => [
        t.id,
        t.name,
        t.instrument,
        t.defaultFaderDb,
        t.defaultPan,
        t.defaultReverbSendDb,
      ]),
    ).toEqual([
      ['t0', 'Track 0', 'sine', -6, -0.3, -20],
      ['t1', 'Track 1', 'sine', -7, 0.2, -21],
      ['t2', 'Track 2', 'sine', -8, 0.2, -22],
    ]);
    for (const [t, track] of got!.tracks.entries())
      expect([...track.channels[0]!]).toEqual([...s.tracks[t]!.channels[0]!]);
    expect(await getCachedStems(db, 'nope:1:8000')).toBeUndefined();
  });

  it('updates lastUsed on every read', async () => {
    const s = stems('pop-1', 10);
    await putCachedStems(db, s, { now: 1000 });
    expect((await listCachedStems(db))[0]!.lastUsed).toBe(1000);
    expect((await getCachedStems(db, s.key, 5000))?.lastUsed).toBe(5000);
    await entryOf(db, 'pop-1', (e) => e.lastUsed === 5000);
    expect((await listCachedStems(db))[0]!.lastUsed).toBe(5000);
    expect((await listCachedStems(db))[0]!.createdAt).toBe(1000);
  });

  it('evicts least recently used entries, by bytes, until the new one fits under the cap (in one go)', async () => {
    // Each song: 2 tracks × 100 samples × 4 bytes = 800 bytes. Cap 2000: two fit, a third does not.
    const cap = 2000;
    await putCachedStems(db, stems('a', 100), { capBytes: cap, now: 1 });
    await putCachedStems(db, stems('b', 100), { capBytes: cap, now: 2 });
    // Reading a makes b the least recently used.
    await getCachedStems(db, stems('a', 100).key, 3);
    await entryOf(db, 'a', (e) => e.lastUsed === 3);
    const third = await putCachedStems(db, stems('c', 100), { capBytes: cap, now: 4 });
    expect(third).toEqual({ stored: true, evicted: ['b:1:8000'] });
    expect((await listCachedStems(db)).map((e) => e.songId)).toEqual(['a', 'c']);
    expect(await stemCacheBytes(db)).toBe(1600);
    // 1200 bytes need only the oldest (a) to go: 800 + 1200 is exactly the cap.
    expect((await putCachedStems(db, stems('d', 150), { capBytes: cap, now: 5 })).evicted).toEqual([
      'a:1:8000',
    ]);
    expect(await stemCacheBytes(db)).toBe(2000);
    // 1600 bytes push out both older ones.
    expect((await putCachedStems(db, stems('e', 200), { capBytes: cap, now: 6 })).evicted).toEqual([
      'c:1:8000',
      'd:1:8000',
    ]);
    expect(await stemCacheBytes(db)).toBe(1600);
  });

  it('replacing an entry does not count its old size against the cap', async () => {
    await putCachedStems(db, stems('a', 200), { capBytes: 2000, now: 1 });
    expect(await putCachedStems(db, stems('a', 200), { capBytes: 2000, now: 2 })).toEqual({
      stored: true,
      evicted: [],
    });
    expect(await stemCacheBytes(db)).toBe(1600);
  });

  it('does not store stems bigger than the whole cap (and keeps what is there)', async () => {
    await putCachedStems(db, stems('a', 10), { capBytes: 500, now: 1 });
    expect(await putCachedStems(db, stems('huge', 100), { capBytes: 500 })).toEqual({
      stored: false,
      evicted: [],
    });
    expect((await listCachedStems(db)).map((e) => e.songId)).toEqual(['a']);
  });

  it('evicts the oldest entries to free a number of bytes (the quota retry)', async () => {
    for (const [i, id] of ['a', 'b', 'c'].entries()) await putCachedStems(db, stems(id, 100), { now: i });
    expect(await evictCachedStems(db, 801)).toBe(1600);
    expect((await listCachedStems(db)).map((e) => e.songId)).toEqual(['c']);
  });

  it('clears everything', async () => {
    await putCachedStems(db, stems('a', 10));
    await clearStemCache(db);
    expect(await stemCacheBytes(db)).toBe(0);
  });

  it('treats an entry in another layout (samples in the tracks) as a miss and drops it', async () => {
    await db.put('stems', {
      key: 'old:1:8000',
      songId: 'old',
      sampleRate: 8000,
      length: 2,
      tracks: [{ id: 'x', name: 'X', channels: [new Float32Array(2)] }],
      bytes: 8,
      createdAt: 0,
      lastUsed: 0,
    });
    expect(await getCachedStems(db, 'old:1:8000')).toBeUndefined();
    expect(await listCachedStems(db)).toEqual([]);
  });

  it('refuses tracks of different lengths with a clear error and writes nothing', async () => {
    const s = stems('a', 10);
    s.tracks[1]!.channels[0] = new Float32Array(9);
    await expect(putCachedStems(db, s)).rejects.toMatchObject({ kind: 'invalid' });
    expect(await listCachedStems(db)).toEqual([]);
  });

  it('keeps songs held for an open holder; a song with no room left beside them is not stored', async () => {
    const open = new Set(['assignment:w1']);
    const cap = 2000; // bytes: two 100-sample, 2-track songs (800 B each) and a bit
    await putCachedStems(db, stems('held', 100), { capBytes: cap, now: 1, holder: 'assignment:w1' });
    await putCachedStems(db, stems('free', 100), { capBytes: cap, now: 2 });
    // A third song: the unheld one goes, the held one stays although it was played longest ago.
    expect(await putCachedStems(db, stems('new', 100), { capBytes: cap, now: 3, openHolders: open })).toEqual(
      { stored: true, evicted: [stemCacheKey('free', 1, 8000)] },
    );
    const list = await listCachedStems(db);
    expect(list.map((e) => [e.songId, e.heldFor ?? []])).toEqual([
      ['held', ['assignment:w1']],
      ['new', []],
    ]);
    // Reading a song for a holder adds it (the entry keeps both).
    await getCachedStems(db, stemCacheKey('new', 1, 8000), 4, 'workout:p:9');
    await entryOf(db, 'new', (e) => e.lastUsed === 4);
    const again = await listCachedStems(db);
    expect(again.find((e) => e.songId === 'new')?.heldFor).toEqual(['workout:p:9']);
    // Both held now: a song for nobody finds no room and is not stored; nothing is evicted.
    const both = new Set(['assignment:w1', 'workout:p:9']);
    expect(
      await putCachedStems(db, stems('extra', 100), { capBytes: cap, now: 5, openHolders: both }),
    ).toEqual({ stored: false, evicted: [] });
    // A song for a holder still open is stored over the cap rather than dropping another held one.
    expect(
      await putCachedStems(db, stems('extra', 100), {
        capBytes: cap,
        now: 6,
        holder: 'assignment:w1',
        openHolders: both,
      }),
    ).toEqual({ stored: true, evicted: [] });
    expect((await listCachedStems(db)).map((e) => e.songId).sort()).toEqual(['extra', 'held', 'new']);
  });
});
