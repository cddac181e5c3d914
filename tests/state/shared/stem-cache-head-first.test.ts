import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';

// A stored song read head first (the Mix page plays its first seconds while the rest is read): the same
// records as ever, read as Blob slices, so songs stored by any earlier Headroom open unchanged.
const { readCachedStemsHeadFirst, readCachedStems } = await import('../../../src/state/shared/stem-cache');
const { database } = await import('../../../src/state/shared/storage');
const { putCachedStems, stemCacheKey } = await import('../../../src/storage/stems');

const RATE = 8000;
const LENGTH = 1000;
/** A distinct value at every sample of every channel: channel k, sample i → k + i / LENGTH. */
const ramp = (k: number) => Float32Array.from({ length: LENGTH }, (_, i) => k + i / LENGTH);

/** A record in the stem store's layout, written directly as an earlier Headroom wrote it (one Blob, channels in order). */
async function storeRaw(songId: string, version: number, audioFloats: number) {
  const db = await database();
  const channels = [ramp(0), ramp(1), ramp(2)];
  const packed = new Float32Array(audioFloats);
  channels.forEach((c, k) => {
    packed.set(c.subarray(0, Math.max(0, Math.min(LENGTH, audioFloats - k * LENGTH))), k * LENGTH);
  });
  await db.put('stems', {
    key: stemCacheKey(songId, version, RATE),
    songId,
    sampleRate: RATE,
    length: LENGTH,
    tracks: [
      { id: 'bass', name: 'Bass', channels: [], channelCount: 2, defaultFaderDb: -4 },
      { id: 'vocal', name: 'Vocal', channels: [], channelCount: 1 },
    ] as never,
    audio: new Blob([packed]),
    bytes: audioFloats * 4,
    createdAt: 1,
    lastUsed: 1,
  });
  return channels;
}

describe('readCachedStemsHeadFirst', () => {
  it('hands over the first frames of every channel, then the whole song, both equal to what was stored', async () => {
    const channels = await storeRaw('old-song', 7, 3 * LENGTH);
    const read = await readCachedStemsHeadFirst('old-song', 7, RATE, 300);
    expect(read).not.toBeNull();
    const { head, whole, length } = read!;
    expect(length).toBe(LENGTH);
    expect(head.length).toBe(300);
    expect(head.tracks.map((t) => [t.id, t.channels.length, t.defaultFaderDb])).toEqual([
      ['bass', 2, -4],
      ['vocal', 1, 0],
    ]);
    const headChannels = head.tracks.flatMap((t) => t.channels);
    headChannels.forEach((c, k) => {
      expect(c.length).toBe(300);
      expect(Array.from(c)).toEqual(Array.from(channels[k]!.subarray(0, 300)));
    });
    const all = await whole;
    expect(all.length).toBe(LENGTH);
    all.tracks
      .flatMap((t) => t.channels)
      .forEach((c, k) => {
        expect(Array.from(c)).toEqual(Array.from(channels[k]!));
      });
    // The whole read is exactly what a plain read gives.
    const plain = await readCachedStems('old-song', 7, RATE);
    expect(plain!.tracks.flatMap((t) => t.channels.map((c) => c[LENGTH - 1]))).toEqual(
      all.tracks.flatMap((t) => t.channels.map((c) => c[LENGTH - 1])),
    );
  });

  it('reads a song no longer than the head at once (whole is the head)', async () => {
    await storeRaw('short', 1, 3 * LENGTH);
    const read = await readCachedStemsHeadFirst('short', 1, RATE, LENGTH + 5);
    expect(read!.head.length).toBe(LENGTH);
    expect(await read!.whole).toBe(read!.head);
  });

  it('reads stems stored by putCachedStems the same way', async () => {
    const db = await database();
    const bass = [ramp(3), ramp(4)];
    await putCachedStems(db, {
      key: stemCacheKey('put-song', 2, RATE),
      songId: 'put-song',
      sampleRate: RATE,
      length: LENGTH,
      tracks: [{ id: 'bass', name: 'Bass', channels: bass }],
    });
    const read = await readCachedStemsHeadFirst('put-song', 2, RATE, 10);
    expect(Array.from(read!.head.tracks[0]!.channels[1]!)).toEqual(Array.from(bass[1]!.subarray(0, 10)));
    expect((await read!.whole).tracks[0]!.channels[1]![LENGTH - 1]).toBe(bass[1]![LENGTH - 1]);
  });

  it('is a cache miss (null, no throw) when the song is absent or its audio is damaged', async () => {
    expect(await readCachedStemsHeadFirst('nothing', 1, RATE, 100)).toBeNull();
    // The Blob is short of the third channel: the song is rendered again instead.
    await storeRaw('damaged', 1, 3 * LENGTH - 10);
    expect(await readCachedStemsHeadFirst('damaged', 1, RATE, 100)).toBeNull();
    expect(await readCachedStems('damaged', 1, RATE)).toBeNull();
  });
});
