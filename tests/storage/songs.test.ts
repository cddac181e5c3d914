import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import { addSong, deleteSong, getSong, listSongs, type NewSong, renameSong } from '../../src/storage/songs';

let db: HeadroomDb;
let n = 0;
beforeEach(async () => {
  db = await openHeadroomDb({ name: `headroom-songs-${++n}` });
});
afterEach(() => db.close());

function song(id: string, createdAt = 1, over: Partial<NewSong> = {}): NewSong {
  return {
    id,
    name: `Song ${id}`,
    sampleRate: 48000,
    length: 4,
    tracks: [
      { id: 'kick', name: 'Kick', channels: [Float32Array.of(0.1, 0.2, 0.3, 0.4)] },
      { id: 'audio', name: 'Pad', channels: [Float32Array.of(1, 2, 3, 4), Float32Array.of(-1, -2, -3, -4)] },
    ],
    createdAt,
    ...over,
  };
}

describe('imported songs', () => {
  it('adds a song and reads it back sample for sample; lists without samples, oldest first', async () => {
    const summary = await addSong(db, song('imp-b', 2));
    await addSong(db, song('imp-a', 1));
    expect(summary).toEqual({
      id: 'imp-b',
      name: 'Song imp-b',
      sampleRate: 48000,
      length: 4,
      tracks: [
        { id: 'kick', name: 'Kick', channelCount: 1 },
        { id: 'audio', name: 'Pad', channelCount: 2 },
      ],
      bytes: 3 * 4 * 4,
      createdAt: 2,
    });
    expect((await listSongs(db)).map((s) => s.id)).toEqual(['imp-a', 'imp-b']);
    const back = await getSong(db, 'imp-b');
    expect(back?.tracks.map((t) => t.channels.map((c) => [...c]))).toEqual([
      [[0.1, 0.2, 0.3, 0.4].map(Math.fround)],
      [
        [1, 2, 3, 4],
        [-1, -2, -3, -4],
      ],
    ]);
    expect(await getSong(db, 'missing')).toBeUndefined();
  });

  it('renames (tidying spaces) and refuses an empty name or a missing song', async () => {
    await addSong(db, song('imp-a'));
    expect((await renameSong(db, 'imp-a', '  My   demo ')).name).toBe('My demo');
    expect((await listSongs(db))[0]!.name).toBe('My demo');
    // The samples survive a rename.
    expect((await getSong(db, 'imp-a'))?.tracks[1]?.channels[1]?.[3]).toBe(-4);
    await expect(renameSong(db, 'imp-a', '   ')).rejects.toMatchObject({ kind: 'invalid' });
    await expect(renameSong(db, 'nope', 'X')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('deletes a song and refuses to delete one that is gone', async () => {
    await addSong(db, song('imp-a'));
    await addSong(db, song('imp-b', 2));
    await deleteSong(db, 'imp-a');
    expect((await listSongs(db)).map((s) => s.id)).toEqual(['imp-b']);
    await expect(deleteSong(db, 'imp-a')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('writes nothing when the song is invalid or its id is taken', async () => {
    const bad: NewSong[] = [
      song('imp-x', 1, { name: '  ' }),
      song('imp-x', 1, { tracks: [] }),
      song('imp-x', 1, { length: 5 }),
      song('imp-x', 1, {
        tracks: [{ id: 'a', name: 'Six', channels: Array.from({ length: 6 }, () => new Float32Array(4)) }],
      }),
      song('imp-x', 1, {
        tracks: Array.from({ length: 17 }, (_, i) => ({
          id: 'a',
          name: `T${i}`,
          channels: [new Float32Array(4)],
        })),
      }),
    ];
    for (const s of bad) await expect(addSong(db, s)).rejects.toMatchObject({ kind: 'invalid' });
    expect(await listSongs(db)).toEqual([]);
    await addSong(db, song('imp-a'));
    await expect(addSong(db, { ...song('imp-a'), name: 'Other' })).rejects.toMatchObject({ kind: 'invalid' });
    expect((await listSongs(db)).map((s) => s.name)).toEqual(['Song imp-a']);
  });
});
