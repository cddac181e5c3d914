/**
 * An assignment on an imported song, on the student's and the teacher's device: whether the song is here
 * (found by its content hash), and importing it from the stem files the teacher shared. The files are hashed
 * before anything is decoded: files that are not the teacher's are refused at once, and nothing is stored.
 */
import { signal } from '@preact/signals';
import type { Assignment } from '../../classroom/assignment';
import { songHashOf } from '../../classroom/imported-song-hash';
import { summaryDigest } from '../../classroom/summary-digest';
import {
  type ImportedSongSummary,
  SUMMARY_VERSION,
  summaryAsVersion,
  summaryProblem,
} from '../../exercises/shared/imported-song';
import { songByHash } from '../library/drill-songs';
import { type ImportFile, importAudioFiles } from '../library/import-audio';
import { fileHash } from '../library/import-summary-job';
import { deleteImportedSong } from '../library/imported-songs';

/** The song an assignment names, as this device has it (its drill summary), or null when it is not here. */
export async function assignmentSong(assignment: Assignment): Promise<ImportedSongSummary | null> {
  if (!assignment.song) return null;
  return (await songByHash(assignment.song.hash))?.summary ?? null;
}

/** Hashes changed (a song was imported): views that asked whether a song is here ask again. */
export const assignmentSongsChanged = signal(0);

/** Where the assignment's song is on this device ('none' when it plays Headroom's songs). */
export type SongState = 'none' | 'checking' | 'here' | 'missing';

/** A finished look-up: for which assignment, after which import round, and what it found. */
export interface SongCheck {
  assignment: Assignment;
  round: number;
  found: ImportedSongSummary | null;
}

/**
 * The song's state from the last finished look-up: 'checking' until a look-up for this very assignment and
 * import round has finished (so Start is never offered, even for a moment, before the song is known to be here).
 */
export function songStateOf(assignment: Assignment, round: number, check: SongCheck | null): SongState {
  if (!assignment.song) return 'none';
  if (!check || check.assignment !== assignment || check.round !== round) return 'checking';
  return check.found ? 'here' : 'missing';
}

/**
 * True when this device measured the song differently from the teacher's (its summary digest differs from the
 * one the assignment carries): its questions may differ, so only this device marks its answers. False for an
 * assignment made before the digest was carried.
 */
export function songDecodesDifferently(assignment: Assignment, found: ImportedSongSummary | null): boolean {
  const digest = assignment.song?.digest;
  if (digest === undefined || found === null || summaryDigest(found) === digest) return false;
  // This device's copy was measured by an older Headroom and is being measured again (summary-upgrade.ts): the
  // teacher's re-check rebuilds that older version from its own copy, so nothing is known to differ yet.
  if (found.version < SUMMARY_VERSION) return false;
  // A teacher on an older Headroom measured fewer things the same way: the same song, not measured apart.
  for (let version = 1; version < found.version; version++) {
    const older = summaryAsVersion(found, version);
    if (older && summaryDigest(older) === digest) return false;
  }
  return true;
}

/** An import's outcome: the song is here, or a sentence saying why not. */
export type SongImportResult = { ok: true } | { ok: false; error: string };

/**
 * Imports the assignment's song from `files` (one per track). The files' own hash must be the assignment's:
 * any other files are refused before decoding, with the track names the teacher's song has.
 */
export async function importAssignmentSong(
  assignment: Assignment,
  files: readonly (ImportFile & Blob)[],
): Promise<SongImportResult> {
  const song = assignment.song;
  if (!song) return { ok: false, error: 'This assignment plays Headroom’s own songs: nothing to import.' };
  if (files.length === 0) return { ok: false, error: 'Choose the song’s stem files first.' };
  let hash: string;
  try {
    // One file at a time: only one file's bytes are in memory at once.
    const hashes: string[] = [];
    for (const f of files) hashes.push(await fileHash(f));
    hash = songHashOf(hashes);
  } catch {
    return { ok: false, error: 'The files could not be read (were they moved or deleted?).' };
  }
  if (hash !== song.hash) {
    const count = song.tracks.length;
    const named =
      files.length === count
        ? ''
        : ` You chose ${files.length} file${files.length === 1 ? '' : 's'}; the song has ${count}.`;
    return {
      ok: false,
      error: `These are not the files of “${song.name}”: choose exactly the ${count} stem files your teacher shared (${song.tracks.join(', ')}), unchanged.${named} Nothing was imported.`,
    };
  }
  if (await songByHash(hash)) return { ok: true };
  // Refused, storing nothing, when the song cannot be measured here: a retry must not store another copy.
  const result = await importAudioFiles(files, { needsDrillSummary: true });
  if (!result.ok) return { ok: false, error: result.problems.map((p) => p.message).join(' ') };
  if (await songByHash(hash)) {
    assignmentSongsChanged.value++;
    return { ok: true };
  }
  // Stored, but drills cannot use it (too short, say): take it out again, so a retry does not store a copy.
  const why = summaryProblem(result.song.drillSummary) ?? 'its drill summary does not name this song';
  await deleteImportedSong(result.song.id);
  return {
    ok: false,
    error: `“${song.name}” cannot be used in drills on this device: ${why}. Nothing was kept.`,
  };
}
