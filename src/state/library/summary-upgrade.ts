/**
 * Songs imported before the drill summary's current version are measured again from their stored audio (in
 * the summary Worker, one song at a time), so the drills that need the newer measurements take them without a
 * new import. Each file's hash comes from the earlier summary; a result that names another song is not stored.
 */
import { signal } from '@preact/signals';
import {
  type ImportedSongSummary,
  SUMMARY_VERSION,
  summaryProblem,
} from '../../exercises/shared/imported-song';
import { setDrillSummary, songAudioParts } from '../../storage/songs';
import { database } from '../shared/storage';
import { summariseOffThread } from './import-summary';
import { importedSongs, refreshImportedSongs, type SongSummary } from './imported-songs';

/** The id of the song being measured again, or null. */
export const remeasuring = signal<string | null>(null);

/** Songs tried in this session (a failure is not retried until the next start). */
const tried = new Set<string>();

/** True when the song has a readable summary of an older version. */
export function needsRemeasure(song: SongSummary): boolean {
  if (summaryProblem(song.drillSummary) !== null) return false;
  return (song.drillSummary as ImportedSongSummary).version < SUMMARY_VERSION;
}

/**
 * Measures one song again and stores the new summary; false (nothing stored) when its audio is not in the
 * Blob layout, a track is not named in the old summary, or the new summary differs in song hash or is unusable.
 */
export async function remeasureSong(song: SongSummary): Promise<boolean> {
  const old = song.drillSummary as ImportedSongSummary;
  const db = await database();
  const parts = await songAudioParts(db, song.id);
  if (!parts) return false;
  const hashOf = new Map(old.tracks.map((t) => [t.name, t.fileHash]));
  if (parts.tracks.some((t) => !hashOf.has(t.name))) return false;
  const fresh = await summariseOffThread({
    name: old.name,
    sampleRate: parts.sampleRate,
    tracks: parts.tracks.map((t) => ({ name: t.name, fileHash: hashOf.get(t.name), channels: t.channels })),
  });
  if (fresh.hash !== old.hash || summaryProblem(fresh) !== null) return false;
  await setDrillSummary(db, song.id, fresh);
  return true;
}

let running: Promise<void> | null = null;

/** Measures every listed song of an older summary version again, one at a time (once per song per session). */
export function remeasureOldSongs(): Promise<void> {
  running ??= (async () => {
    let changed = false;
    try {
      for (const song of importedSongs.peek()) {
        if (tried.has(song.id) || !needsRemeasure(song)) continue;
        tried.add(song.id);
        remeasuring.value = song.id;
        changed = (await remeasureSong(song).catch(() => false)) || changed;
      }
    } finally {
      remeasuring.value = null;
      running = null;
    }
    if (changed) await refreshImportedSongs();
  })();
  return running;
}
