import { audioBytes, isBlob, packAudio, unpackAudio } from './audio-blob';
import { StorageError, toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { ImportedSong, StoredTrack } from './schema';

/** Most tracks one imported song may have. */
export const MAX_SONG_TRACKS = 16;

/** A track of an imported song, without its samples. */
export interface SongTrackInfo {
  id: string;
  name: string;
  channelCount: number;
}

/** An imported song as lists show it (no samples are read to make one). */
export interface SongSummary {
  id: string;
  name: string;
  sampleRate: number;
  length: number;
  tracks: SongTrackInfo[];
  bytes: number;
  createdAt: number;
  /** What drills read of the song (src/exercises/shared/imported-song.ts), made at import; absent before. */
  drillSummary?: unknown;
  /** Why no drill summary was made at import (it could not be measured), when that is why it has none. */
  drillSummaryError?: string;
}

/** A song to add: samples included, every channel `length` long. */
export interface NewSong {
  id: string;
  name: string;
  sampleRate: number;
  length: number;
  tracks: { id: string; name: string; channels: Float32Array[] }[];
  createdAt: number;
}

/** A track as stored: its samples live in the record's `audio` Blob, so `channels` stays empty. */
interface SongRecordTrack extends StoredTrack {
  channelCount: number;
}

/** The record written to the `songs` store: the schema's song with the samples in one Blob. */
interface SongRecord extends ImportedSong {
  tracks: SongRecordTrack[];
  audio: Blob;
  /** The drill summary made at import (plain JSON; validated where it is read). */
  drillSummary?: unknown;
  /** Why the import made no drill summary. */
  drillSummaryError?: string;
}

function isSongRecord(song: ImportedSong): song is SongRecord {
  const s = song as Partial<SongRecord>;
  return (
    isBlob(s.audio) && Array.isArray(s.tracks) && s.tracks.every((t) => Number.isInteger(t.channelCount))
  );
}

function summary(r: ImportedSong): SongSummary {
  return {
    id: r.id,
    name: r.name,
    sampleRate: r.sampleRate,
    length: r.length,
    tracks: r.tracks.map((t) => ({
      id: t.id,
      name: t.name,
      channelCount: (t as Partial<SongRecordTrack>).channelCount ?? t.channels.length,
    })),
    bytes: r.bytes,
    createdAt: r.createdAt,
    ...((r as Partial<SongRecord>).drillSummary !== undefined
      ? { drillSummary: (r as Partial<SongRecord>).drillSummary }
      : {}),
    ...(typeof (r as Partial<SongRecord>).drillSummaryError === 'string'
      ? { drillSummaryError: (r as Partial<SongRecord>).drillSummaryError }
      : {}),
  };
}

/** Why a song cannot be stored, or null when it can. */
export function songProblem(song: NewSong): string | null {
  if (!song.id) return 'the song has no id';
  if (!song.name.trim()) return 'the song has no name';
  if (!Number.isInteger(song.sampleRate) || song.sampleRate < 3000)
    return `sample rate ${song.sampleRate} Hz`;
  if (!Number.isInteger(song.length) || song.length < 1) return 'the song holds no audio';
  if (song.tracks.length < 1) return 'the song has no tracks';
  if (song.tracks.length > MAX_SONG_TRACKS)
    return `${song.tracks.length} tracks (at most ${MAX_SONG_TRACKS})`;
  for (const t of song.tracks) {
    if (t.channels.length < 1 || t.channels.length > 2)
      return `track "${t.name}" has ${t.channels.length} channels`;
    if (t.channels.some((c) => c.length !== song.length)) return `track "${t.name}" differs in length`;
  }
  return null;
}

/** Stores a new song in one transaction: all of it lands, or nothing (invalid: bad data or a taken id). */
export async function addSong(db: HeadroomDb, song: NewSong): Promise<SongSummary> {
  const problem = songProblem(song);
  if (problem) throw new StorageError('invalid', `The song was not saved: ${problem}.`);
  try {
    const record: SongRecord = {
      id: song.id,
      name: song.name.trim(),
      sampleRate: song.sampleRate,
      length: song.length,
      tracks: song.tracks.map((t) => ({
        id: t.id,
        name: t.name,
        channels: [],
        channelCount: t.channels.length,
      })),
      audio: packAudio(song.tracks, song.length),
      bytes: audioBytes(song.tracks),
      createdAt: song.createdAt,
    };
    await db.add('songs', record);
    return summary(record);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** A song whose samples are already one Blob in packAudio's layout (imports pack track by track). */
export interface PackedSong extends Omit<NewSong, 'tracks'> {
  tracks: SongTrackInfo[];
  audio: Blob;
  /** The drill summary made at import (plain JSON), stored with the song. */
  drillSummary?: unknown;
  /** Why the import made no drill summary (stored so Train can say so). */
  drillSummaryError?: string;
}

function packedSongProblem(song: PackedSong): string | null {
  // Id, name, rate and length first (songProblem checks those before it looks at any track).
  const first = songProblem({ ...song, tracks: [] });
  if (first !== 'the song has no tracks' || song.tracks.length < 1) return first;
  if (song.tracks.length > MAX_SONG_TRACKS)
    return `${song.tracks.length} tracks (at most ${MAX_SONG_TRACKS})`;
  const bad = song.tracks.find((t) => t.channelCount < 1 || t.channelCount > 2);
  if (bad) return `track "${bad.name}" has ${bad.channelCount} channels`;
  const expected = song.tracks.reduce((n, t) => n + t.channelCount, 0) * song.length * 4;
  if (song.audio.size !== expected) return `its audio is ${song.audio.size} bytes, not ${expected}`;
  return null;
}

/** Stores a song whose samples are packed already: one `add`, all of it or nothing (invalid: bad shape). */
export async function addPackedSong(db: HeadroomDb, song: PackedSong): Promise<SongSummary> {
  const problem = packedSongProblem(song);
  if (problem) throw new StorageError('invalid', `The song was not saved: ${problem}.`);
  try {
    const record: SongRecord = {
      id: song.id,
      name: song.name.trim(),
      sampleRate: song.sampleRate,
      length: song.length,
      tracks: song.tracks.map((t) => ({ ...t, channels: [] })),
      audio: song.audio,
      bytes: song.audio.size,
      createdAt: song.createdAt,
      ...(song.drillSummary !== undefined ? { drillSummary: song.drillSummary } : {}),
      ...(song.drillSummaryError !== undefined ? { drillSummaryError: song.drillSummaryError } : {}),
    };
    await db.add('songs', record);
    return summary(record);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Every imported song, oldest first, without reading any samples. */
export async function listSongs(db: HeadroomDb): Promise<SongSummary[]> {
  try {
    return (await db.getAllFromIndex('songs', 'byCreatedAt')).map(summary);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** One imported song with its samples (undefined when there is no such song). */
export async function getSong(db: HeadroomDb, id: string): Promise<NewSong | undefined> {
  try {
    const record = await db.get('songs', id);
    if (!record) return undefined;
    if (!isSongRecord(record)) {
      // Written without the Blob layout (e.g. restored from elsewhere): the samples are in the tracks.
      return {
        ...record,
        tracks: record.tracks.map((t) => ({ id: t.id, name: t.name, channels: t.channels })),
      };
    }
    const channels = await unpackAudio(
      record.audio,
      record.tracks.map((t) => t.channelCount),
      record.length,
    );
    return {
      id: record.id,
      name: record.name,
      sampleRate: record.sampleRate,
      length: record.length,
      tracks: record.tracks.map((t, i) => ({ id: t.id, name: t.name, channels: channels[i]! })),
      createdAt: record.createdAt,
    };
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Renames a song; returns it (invalid: empty name, or no such song). */
export async function renameSong(db: HeadroomDb, id: string, name: string): Promise<SongSummary> {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new StorageError('invalid', 'Not renamed: a song needs a name.');
  try {
    const tx = db.transaction('songs', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) throw new StorageError('invalid', 'Not renamed: that song no longer exists.');
    const renamed = { ...record, name: clean };
    await tx.store.put(renamed);
    await tx.done;
    return summary(renamed);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Deletes a song (invalid: no such song). */
export async function deleteSong(db: HeadroomDb, id: string): Promise<void> {
  try {
    const tx = db.transaction('songs', 'readwrite');
    if (!(await tx.store.getKey(id)))
      throw new StorageError('invalid', 'Not deleted: that song no longer exists.');
    await tx.store.delete(id);
    await tx.done;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** A stored song's audio as one Blob per channel (slices of the stored Blob: no sample is read to make them). */
export interface SongAudioParts {
  sampleRate: number;
  length: number;
  tracks: { name: string; channels: Blob[] }[];
}

/** The song's channels as Blob slices (undefined: no such song, or one stored without the Blob layout). */
export async function songAudioParts(db: HeadroomDb, id: string): Promise<SongAudioParts | undefined> {
  try {
    const record = await db.get('songs', id);
    if (!record || !isSongRecord(record)) return undefined;
    const bytes = record.length * 4;
    let at = 0;
    return {
      sampleRate: record.sampleRate,
      length: record.length,
      tracks: record.tracks.map((t) => ({
        name: t.name,
        channels: Array.from({ length: t.channelCount }, () => {
          const part = record.audio.slice(at, at + bytes);
          at += bytes;
          return part;
        }),
      })),
    };
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Replaces a song's drill summary (a newer measurement of the same audio); returns the song as listed. */
export async function setDrillSummary(
  db: HeadroomDb,
  id: string,
  drillSummary: unknown,
): Promise<SongSummary> {
  try {
    const tx = db.transaction('songs', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) throw new StorageError('invalid', 'Not measured again: that song no longer exists.');
    const { drillSummaryError: _dropped, ...rest } = record as SongRecord;
    const updated = { ...rest, drillSummary };
    await tx.store.put(updated);
    await tx.done;
    return summary(updated);
  } catch (error) {
    throw toStorageError(error);
  }
}
