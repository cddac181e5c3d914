/**
 * Imported songs as drill music: which of the learner's imported songs drills can use (those with a drill
 * summary made at import), the song Train plays (null: Headroom's own songs), and the loader that finds a
 * question's song on this device by its content hash and hands the play half its stems.
 */
import { computed, effect, signal } from '@preact/signals';
import { type ImportedSongSummary, summaryProblem } from '../../exercises/shared/imported-song';
import { type ImportedStems, setImportedStemsLoader } from '../../exercises/shared/imported-stems';
import type { TrackId } from '../../production/types';
import { getSong } from '../../storage/songs';
import { database } from '../shared/storage';
import { importedSongs, importedSongsLoaded, refreshImportedSongs, type SongSummary } from './imported-songs';
import { needsRemeasure, remeasureOldSongs } from './summary-upgrade';

/** An imported song as the Train page lists it: usable (with its summary) or not (with the reason). */
export type DrillSong =
  | { id: string; name: string; usable: true; summary: ImportedSongSummary }
  | { id: string; name: string; usable: false; reason: string };

/** The song's drill summary, or why it has none that drills can read. */
export function drillSongOf(song: SongSummary): DrillSong {
  const problem = summaryProblem(song.drillSummary);
  if (problem === null)
    return { id: song.id, name: song.name, usable: true, summary: song.drillSummary as ImportedSongSummary };
  const reason =
    song.drillSummary !== undefined
      ? problem
      : song.drillSummaryError !== undefined
        ? 'Headroom could not measure it for drills when it imported your stems (perhaps for lack of memory): import its stems again to try once more'
        : 'imported before songs could be used in drills: import its stems again to use it here';
  return { id: song.id, name: song.name, usable: false, reason };
}

/** Every imported song, as drill music. */
export const drillSongs = computed<DrillSong[]>(() => importedSongs.value.map(drillSongOf));

// A song imported before the summary's current version is measured again from its stored audio, so the drills
// that need the newer measurements take it without a new import.
effect(() => {
  if (importedSongs.value.some(needsRemeasure)) void remeasureOldSongs();
});

/** The imported song Train's drills play (its id), or null for Headroom's own songs. */
export const drillMusicId = signal<string | null>(null);

/** The chosen song's summary, or null (none chosen, or it is gone or unusable). */
export const drillMusic = computed<ImportedSongSummary | null>(() => {
  const song = drillSongs.value.find((s) => s.id === drillMusicId.value);
  return song?.usable ? song.summary : null;
});

/** The song on this device whose content hash is `hash` (reads the list once if it was not read yet). */
export async function songByHash(hash: string): Promise<(DrillSong & { usable: true }) | null> {
  if (!importedSongsLoaded.peek()) await refreshImportedSongs();
  const found = drillSongs.peek().find((s) => s.usable && s.summary.hash === hash);
  return found?.usable ? found : null;
}

/** The song with this content hash among the songs already listed (null when it is not, or not yet, read). */
export function drillSongByHashNow(hash: string): ImportedSongSummary | null {
  const found = drillSongs.peek().find((s) => s.usable && s.summary.hash === hash);
  return found?.usable ? found.summary : null;
}

/** The stems of the song with this hash, keyed as its summary keys them (throws a sentence when it is not here). */
export async function loadStemsByHash(hash: string): Promise<ImportedStems> {
  const found = await songByHash(hash);
  if (!found) throw new Error('the imported song this question plays is not on this device');
  const song = await getSong(await database(), found.id);
  if (!song) throw new Error('that imported song is no longer on this device');
  // Track names are unique within a song (numbered at import): they tie each stored track to its key.
  const keyOf = new Map(found.summary.tracks.map((t) => [t.name, t.key]));
  return {
    sampleRate: song.sampleRate,
    length: song.length,
    tracks: song.tracks.map((t) => ({
      id: (keyOf.get(t.name) ?? t.id) as TrackId,
      name: t.name,
      channels: t.channels,
    })),
  };
}

setImportedStemsLoader(loadStemsByHash);
