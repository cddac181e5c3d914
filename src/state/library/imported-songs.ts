import { signal } from '@preact/signals';
import { toStorageError } from '../../storage/errors';
import { deleteSong, getSong, listSongs, renameSong, type SongSummary } from '../../storage/songs';
import { database } from '../shared/storage';
import type { MixSource } from '../shared/test-sources';

export type { SongSummary } from '../../storage/songs';

/** Every imported song ids starts with this, so pickers can tell them from generated songs. */
export const IMPORTED_PREFIX = 'imp-';

/** Imported songs, oldest first (summaries: no samples in memory). */
export const importedSongs = signal<SongSummary[]>([]);

/** True once the list was read from storage. */
export const importedSongsLoaded = signal(false);

/** An action's outcome: ok, or a sentence to show. */
export type SongActionResult = { ok: true } | { ok: false; error: string };

/** True for ids of imported songs. */
export function isImportedSongId(id: string): boolean {
  return id.startsWith(IMPORTED_PREFIX);
}

/** Reads the list of imported songs from storage (empty when storage is unavailable). */
export async function refreshImportedSongs(): Promise<SongSummary[]> {
  try {
    importedSongs.value = await listSongs(await database());
  } catch {
    // database() already told the learner why storage is unavailable.
  }
  importedSongsLoaded.value = true;
  return importedSongs.value;
}

/** Adds a freshly stored song to the list. */
export function noteImportedSong(song: SongSummary): void {
  importedSongs.value = [...importedSongs.value.filter((s) => s.id !== song.id), song];
}

/** Renames an imported song. */
export async function renameImportedSong(id: string, name: string): Promise<SongActionResult> {
  if (!name.trim()) return { ok: false, error: 'A song needs a name.' };
  try {
    const renamed = await renameSong(await database(), id, name);
    importedSongs.value = importedSongs.value.map((s) => (s.id === id ? renamed : s));
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toStorageError(error).message };
  }
}

/** Deletes an imported song and its audio. */
export async function deleteImportedSong(id: string): Promise<SongActionResult> {
  try {
    await deleteSong(await database(), id);
    importedSongs.value = importedSongs.value.filter((s) => s.id !== id);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toStorageError(error).message };
  }
}

/** An imported song as mixer material: one strip per track, every fader at 0 dB (the stems as exported). */
export async function loadImportedSong(id: string): Promise<MixSource> {
  const song = await getSong(await database(), id);
  if (!song) throw new Error('that imported song is no longer on this device');
  return {
    id: song.id,
    title: song.name,
    sampleRate: song.sampleRate,
    tracks: song.tracks.map((t) => ({
      id: t.id,
      name: t.name,
      channels: t.channels,
      defaultFaderDb: 0,
    })),
  };
}
