/**
 * Making and reading `.headroom-backup` files (the container is described in backup-format.ts). Both
 * return a typed result instead of throwing: a refused file is a `BackupProblem` with a message to show.
 */
import { isBlob, packAudio } from './audio-blob';
import {
  BACKUP_EXTENSION,
  type BackupProblem,
  backupProblem,
  crc32,
  decodeHeader,
  encodeHeader,
  HEADER_BYTES,
  isProblem,
  manifestFromJson,
  manifestToJson,
  RESTORE_MARK_KEY,
} from './backup-format';
import {
  BACKUP_STORES,
  type BackupContents,
  type BackupManifest,
  type BackupSong,
  type BackupSongMeta,
  type BackupStores,
  checkManifest,
  describeBackup,
} from './backup-records';
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';
import { DB_VERSION, type ImportedSong } from './schema';

/** Called with the share of the work done, 0…1. */
export type BackupProgress = (fraction: number) => void;

/** A finished backup: the file to save and what it holds. */
export interface BackupFile {
  blob: Blob;
  fileName: string;
  contents: BackupContents;
}

/** A backup file that was read and fully checked: safe to restore. */
export interface CheckedBackup {
  manifest: BackupManifest;
  contents: BackupContents;
  /** The file itself: song audio is written from slices of it. */
  source: Blob;
  /** Where the audio section starts in `source`. */
  audioStart: number;
}

/** Success with a value, or a problem to show. */
export type BackupResult<T> = { ok: true; value: T } | { ok: false; problem: BackupProblem };

/** Bytes read from a file at a time when checksumming audio. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/** "headroom-backup-2026-11-24.headroom-backup" (the local date the backup was made). */
export function backupFileName(createdAt: number): string {
  const d = new Date(createdAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `headroom-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}${BACKUP_EXTENSION}`;
}

async function readBytes(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** CRC-32 of a Blob (or a range of one), read in chunks; `onBytes` hears how many bytes each chunk had. */
async function blobCrc(
  blob: Blob,
  start: number,
  end: number,
  onBytes: (n: number) => void,
): Promise<number> {
  let crc = 0;
  for (let at = start; at < end; at += CHUNK_BYTES) {
    const chunk = await readBytes(blob, at, Math.min(end, at + CHUNK_BYTES));
    crc = crc32(chunk, crc);
    onBytes(chunk.length);
  }
  return crc;
}

/** A stored song in either layout (samples in one Blob, or Float32Arrays per track) as metadata + audio. */
function splitSong(record: ImportedSong): { meta: BackupSongMeta; audio: Blob } {
  const { audio: stored, tracks, ...rest } = record as ImportedSong & { audio?: unknown };
  const audio = isBlob(stored) ? stored : packAudio(tracks, record.length);
  return {
    meta: {
      ...rest,
      tracks: tracks.map(({ channels, ...t }) => ({
        ...t,
        channelCount: (t as { channelCount?: number }).channelCount ?? channels.length,
      })),
    },
    audio,
  };
}

/**
 * Makes a backup of every store but the stem cache, read in one transaction (a consistent picture).
 * The file records `lastBackupAt = now`, so restoring it gives back exactly the state after this backup.
 */
export async function createBackup(
  db: HeadroomDb,
  options: { now?: number; onProgress?: BackupProgress } = {},
): Promise<BackupResult<BackupFile>> {
  const now = options.now ?? Date.now();
  const progress = options.onProgress ?? (() => undefined);
  try {
    const tx = db.transaction([...BACKUP_STORES], 'readonly');
    const read = await Promise.all(BACKUP_STORES.map((name) => tx.objectStore(name).getAll()));
    await tx.done;
    const [settings, profiles, attempts, progressRecords, lessons, assignments, reports, songRecords, works] =
      read as [
        BackupStores['settings'],
        BackupStores['profiles'],
        BackupStores['attempts'],
        BackupStores['progress'],
        BackupStores['lessons'],
        BackupStores['assignments'],
        BackupStores['reports'],
        ImportedSong[],
        BackupStores['works'],
      ];
    progress(0.05);
    const parts = songRecords.map(splitSong);
    const total = parts.reduce((n, p) => n + p.audio.size, 0);
    let done = 0;
    const songs: BackupSong[] = [];
    let offset = 0;
    for (const { meta, audio } of parts) {
      const expected = meta.tracks.reduce((n, t) => n + t.channelCount, 0) * meta.length * 4;
      if (audio.size !== expected)
        return {
          ok: false,
          problem: backupProblem('unsupported', `The audio of “${meta.name}” is damaged.`),
        };
      const crc = await blobCrc(audio, 0, audio.size, (n) => {
        done += n;
        progress(0.05 + (0.9 * done) / Math.max(1, total));
      });
      songs.push({ ...meta, audio: { offset, byteLength: audio.size, crc32: crc } });
      offset += audio.size;
    }
    const manifest: BackupManifest = {
      format: 'headroom-backup',
      dbVersion: DB_VERSION,
      createdAt: now,
      audioBytes: offset,
      stores: {
        settings: [
          ...settings.filter((s) => s.key !== 'lastBackupAt' && s.key !== RESTORE_MARK_KEY),
          { key: 'lastBackupAt', value: now },
        ],
        profiles,
        attempts,
        progress: progressRecords,
        lessons,
        assignments,
        reports,
        songs,
        works,
      },
    };
    const json = new TextEncoder().encode(manifestToJson(manifest));
    const header = encodeHeader(json.length, crc32(json));
    const blob = new Blob([header, json, ...parts.map((p) => p.audio)], { type: 'application/octet-stream' });
    progress(1);
    return { ok: true, value: { blob, fileName: backupFileName(now), contents: describeBackup(manifest) } };
  } catch (error) {
    const detail = error instanceof TypeError ? `A record ${error.message}.` : toStorageError(error).message;
    return { ok: false, problem: backupProblem('unsupported', detail) };
  }
}

/** How much more a byte of the manifest costs to check than a byte of audio (parsing and record checks). */
const MANIFEST_WEIGHT = 8;

/**
 * Reads and checks a whole backup file before anything is written: the container, the manifest's
 * checksum, every record's shape, the file's exact length and every song's audio checksum. Never throws.
 * Audio is read 4 MB at a time (never the whole file at once); the manifest is read once and its bytes
 * are let go before it is parsed. Progress (0…1, never going back) is weighted by the work each part takes.
 */
export async function readBackup(
  file: Blob,
  options: { onProgress?: BackupProgress } = {},
): Promise<BackupResult<CheckedBackup>> {
  const report = options.onProgress ?? (() => undefined);
  let last = 0;
  const progress = (f: number) => {
    if (f <= last) return;
    last = f;
    report(f);
  };
  try {
    const header = decodeHeader(await readBytes(file, 0, HEADER_BYTES), file.size);
    if (isProblem(header)) return { ok: false, problem: header };
    const jsonEnd = HEADER_BYTES + header.jsonLength;
    const manifestWork = header.jsonLength * MANIFEST_WEIGHT;
    const totalWork = manifestWork + Math.max(0, file.size - jsonEnd);
    const at = (work: number) => progress(Math.min(0.99, work / Math.max(1, totalWork)));
    let jsonBytes: Uint8Array | null = await readBytes(file, HEADER_BYTES, jsonEnd);
    if (crc32(jsonBytes) !== header.jsonCrc)
      return { ok: false, problem: backupProblem('damaged', 'Its list of contents was changed.') };
    at(manifestWork / 8);
    let parsed: unknown;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(jsonBytes);
      jsonBytes = null; // the text is all that is needed now
      at(manifestWork / 4);
      parsed = manifestFromJson(text);
    } catch {
      return { ok: false, problem: backupProblem('damaged', 'Its list of contents cannot be read.') };
    }
    at(manifestWork / 2);
    const manifest = checkManifest(parsed, (f) => at(manifestWork / 2 + (f * manifestWork) / 2));
    if (isProblem(manifest)) return { ok: false, problem: manifest };
    const expectedSize = jsonEnd + manifest.audioBytes;
    if (file.size < expectedSize) return { ok: false, problem: backupProblem('truncated') };
    if (file.size > expectedSize)
      return { ok: false, problem: backupProblem('damaged', 'It has unexpected data at its end.') };
    at(manifestWork);
    let done = 0;
    for (const song of manifest.stores.songs) {
      const start = jsonEnd + song.audio.offset;
      const crc = await blobCrc(file, start, start + song.audio.byteLength, (n) => {
        done += n;
        at(manifestWork + done);
      });
      if (crc !== song.audio.crc32)
        return {
          ok: false,
          problem: backupProblem('damaged', `The audio of “${song.name}” does not match its checksum.`),
        };
    }
    progress(1);
    return {
      ok: true,
      value: { manifest, contents: describeBackup(manifest), source: file, audioStart: jsonEnd },
    };
  } catch {
    return { ok: false, problem: backupProblem('unreadable') };
  }
}
