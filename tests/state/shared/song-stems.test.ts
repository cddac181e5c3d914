import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';

// In Node there is no Worker: renders run here, and the persistent cache is fake-indexeddb.
const { clearDrillStems, isStockSong, loadSongStems } = await import('../../../src/state/shared/song-stems');
const { stemWritesSettled } = await import('../../../src/state/shared/stem-cache');
const { database } = await import('../../../src/state/shared/storage');
const { listCachedStems, putCachedStems } = await import('../../../src/storage/stems');

const RATE = 8000;

describe('loadSongStems: memory → IndexedDB → render', () => {
  it('stores a render, and after memory is cleared reads the stored stems instead of rendering again', async () => {
    const source = { style: 'pop' as const, seed: 3, overrides: { bars: 8 } };
    const first = await loadSongStems(source, RATE);
    await stemWritesSettled();
    const db = await database();
    const key = `${first.songId}:${first.renderVersion}:${RATE}`;
    expect((await listCachedStems(db)).map((e) => e.key)).toContain(key);
    // Mark the stored copy, so a read from disk is told apart from a new render.
    const marked = first.tracks.map((t) => ({ ...t, channels: t.channels.map((c) => c.map(() => 0.25)) }));
    await putCachedStems(db, {
      key,
      songId: first.songId,
      sampleRate: RATE,
      length: first.length,
      tracks: marked,
    });
    expect(await loadSongStems(source, RATE)).toBe(await loadSongStems(source, RATE));
    clearDrillStems();
    const again = await loadSongStems(source, RATE);
    expect(again.tracks.map((t) => [t.id, t.defaultFaderDb])).toEqual(
      first.tracks.map((t) => [t.id, t.defaultFaderDb]),
    );
    expect(again.tracks[0]!.channels[0]![100]).toBe(0.25);
    expect(again.length).toBe(first.length);
  });

  it('keeps arranger edits in memory only (they would push reusable songs out of the cache)', async () => {
    const edited = {
      style: 'rock' as const,
      seed: 3,
      overrides: { bars: 8, mutedTracks: ['kick' as const] },
    };
    const stems = await loadSongStems(edited, RATE);
    await stemWritesSettled();
    expect((await listCachedStems(await database())).some((e) => e.songId === stems.songId)).toBe(false);
    expect(isStockSong(undefined)).toBe(true);
    expect(isStockSong({ bars: 8, bpm: 100 })).toBe(true);
    expect(isStockSong({ bars: 8, swing: 0.6 })).toBe(false);
  });
});
