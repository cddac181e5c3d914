import { audioBytes, isBlob, packAudio, unpackAudioHead } from './audio-blob';
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { StemCacheEntry, StoredTrack } from './schema';
import { addHolder, chooseEvictions, fitsAfterEvictions, isHeld } from './stem-cache-policy';

/** Default size cap of the stem cache: 300 MB of samples. */
export const DEFAULT_STEM_CACHE_CAP = 300 * 1024 * 1024;

/** One cached track: samples plus what a mixer needs to start from a rough balance. */
export interface CachedTrack {
  id: string;
  name: string;
  channels: Float32Array[];
  instrument?: string;
  defaultFaderDb?: number;
  /** The rough mix's pan and reverb send (absent in entries cached before the stereo rough mix). */
  defaultPan?: number;
  defaultReverbSendDb?: number;
  activeRmsDb?: number;
}

/** Cached stems as callers see them. */
export interface CachedStems {
  key: string;
  songId: string;
  sampleRate: number;
  length: number;
  tracks: CachedTrack[];
  bytes: number;
  createdAt: number;
  lastUsed: number;
  /** Who it was played for (see StemCacheEntry.heldFor). */
  heldFor?: string[];
}

/** A track as stored: its samples live in the record's `audio` Blob, so `channels` stays empty. */
interface StemRecordTrack extends StoredTrack {
  channelCount: number;
  instrument?: string;
  defaultFaderDb?: number;
  activeRmsDb?: number;
}

/** The record written to the `stems` store: the schema's entry with the samples in one Blob. */
interface StemRecord extends StemCacheEntry {
  tracks: StemRecordTrack[];
  audio: Blob;
}

/** Metadata of a cached entry (no samples). */
export type StemCacheInfo = Omit<CachedStems, 'tracks'> & { trackCount: number };

/** What a put did: stored or not (too big for the cap), and which keys it evicted to make room. */
export interface StemPutResult {
  stored: boolean;
  evicted: string[];
}

function isStemRecord(entry: StemCacheEntry): entry is StemRecord {
  const e = entry as Partial<StemRecord>;
  return (
    isBlob(e.audio) && Array.isArray(e.tracks) && e.tracks.every((t) => Number.isInteger(t.channelCount))
  );
}

function info(r: StemCacheEntry): StemCacheInfo {
  const { tracks, ...rest } = r;
  const { audio: _audio, ...meta } = rest as StemCacheEntry & { audio?: Blob };
  return { ...meta, trackCount: tracks.length };
}

/** The cache key of a song's stems: `${songId}:${renderVersion}:${sampleRate}`. */
export function stemCacheKey(songId: string, renderVersion: number, sampleRate: number): string {
  return `${songId}:${renderVersion}:${sampleRate}`;
}

/**
 * Reads cached stems (undefined when absent or unreadable) and marks them used now. The lastUsed
 * update is queued in its own transaction before this resolves (so any later read sees it) but not
 * awaited: the samples reach the caller without waiting for a write.
 */
export async function getCachedStems(
  db: HeadroomDb,
  key: string,
  now = Date.now(),
  /** Played for this holder (an assignment, today's workout) or these: added to the entry's heldFor. */
  holder: string | null | readonly string[] = null,
): Promise<CachedStems | undefined> {
  const opened = await openCachedStems(db, key, now, holder);
  return opened ? withChannels(opened, await opened.read()) : undefined;
}

/** A cached entry found, its samples still on disk: `read(frames)` reads every channel's first `frames` (default all). */
export interface OpenedStems extends Omit<CachedStems, 'tracks'> {
  tracks: Omit<CachedTrack, 'channels'>[];
  read(frames?: number): Promise<Float32Array[][]>;
}

/** `opened`'s tracks with `channels` (as read by opened.read) in place. */
export function withChannels(opened: OpenedStems, channels: Float32Array[][]): CachedStems {
  const { read: _read, tracks, ...meta } = opened;
  return { ...meta, tracks: tracks.map((t, i) => ({ ...t, channels: channels[i]! })) };
}

/**
 * Finds cached stems and marks them used now, as getCachedStems does, without reading their samples yet:
 * a player reads a song's first seconds first (`read(frames)`), then the whole song. Undefined when absent
 * or in an older layout (dropped).
 */
export async function openCachedStems(
  db: HeadroomDb,
  key: string,
  now = Date.now(),
  holder: string | null | readonly string[] = null,
): Promise<OpenedStems | undefined> {
  try {
    const record = await db.get('stems', key);
    if (!record) return undefined;
    if (!isStemRecord(record)) {
      // An entry in an older layout: drop it, the caller renders again.
      await db.delete('stems', key);
      return undefined;
    }
    const touch = db.transaction('stems', 'readwrite');
    void touch.store
      .get(key)
      .then((current) => {
        if (!current) return;
        const heldFor = addHolder(current.heldFor, holder);
        return touch.store.put({ ...current, lastUsed: now, ...(heldFor.length ? { heldFor } : {}) });
      })
      .catch(() => undefined);
    touch.done.catch(() => undefined);
    const { audio, tracks, ...meta } = record;
    const counts = tracks.map((t) => t.channelCount);
    return {
      ...meta,
      lastUsed: now,
      tracks: tracks.map(({ channelCount: _count, channels: _none, ...t }) => t),
      read: async (frames = record.length) => {
        try {
          return await unpackAudioHead(audio, counts, record.length, frames);
        } catch (error) {
          throw toStorageError(error);
        }
      },
    };
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Stores stems, first evicting what stem-cache-policy.ts chooses (songs unused for two weeks, then the
 * least recently used, songs in `keep` last, songs held for an open holder never) until the cache with
 * this entry fits in `capBytes`, all in one transaction. Stems bigger than the whole cap are not stored,
 * nor stems that held songs leave no room for (unless they are held themselves: played for `holder`).
 */
export async function putCachedStems(
  db: HeadroomDb,
  stems: Omit<CachedStems, 'bytes' | 'createdAt' | 'lastUsed' | 'heldFor'>,
  options: {
    capBytes?: number;
    now?: number;
    keep?: ReadonlySet<string>;
    /** Who these stems are played for now, if anyone (one or several; kept in the entry's heldFor). */
    holder?: string | null | readonly string[];
    /** The holders still open (an assignment not handed in, today's workout). */
    openHolders?: ReadonlySet<string>;
  } = {},
): Promise<StemPutResult> {
  const cap = options.capBytes ?? DEFAULT_STEM_CACHE_CAP;
  const now = options.now ?? Date.now();
  const bytes = audioBytes(stems.tracks);
  if (bytes > cap) return { stored: false, evicted: [] };
  try {
    // The Blob is made before the transaction starts: a transaction closes when its task yields.
    const audio = packAudio(stems.tracks, stems.length);
    const record: StemRecord = {
      key: stems.key,
      songId: stems.songId,
      sampleRate: stems.sampleRate,
      length: stems.length,
      tracks: stems.tracks.map(({ channels, ...t }) => ({
        ...t,
        channels: [],
        channelCount: channels.length,
      })),
      audio,
      bytes,
      createdAt: now,
      lastUsed: now,
    };
    const tx = db.transaction('stems', 'readwrite');
    const entries = await tx.store.index('byLastUsed').getAll();
    const open = options.openHolders ?? new Set<string>();
    const heldFor = addHolder(entries.find((e) => e.key === record.key)?.heldFor, options.holder ?? null);
    if (heldFor.length > 0) record.heldFor = heldFor;
    const evicted = chooseEvictions(entries, {
      capBytes: cap,
      incoming: bytes,
      now,
      replacing: record.key,
      openHolders: open,
      ...(options.keep ? { keep: options.keep } : {}),
    });
    const fits = fitsAfterEvictions(entries, evicted, {
      capBytes: cap,
      incoming: bytes,
      replacing: record.key,
    });
    if (!fits && !isHeld(record, open)) {
      // Held songs fill the cache: this one plays from memory and is made again next time.
      await tx.done;
      return { stored: false, evicted: [] };
    }
    for (const key of evicted) await tx.store.delete(key);
    await tx.store.put(record);
    await tx.done;
    return { stored: true, evicted };
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Deletes least recently used entries until at least `bytes` are freed (or the cache is empty). */
export async function evictCachedStems(db: HeadroomDb, bytes: number): Promise<number> {
  try {
    const tx = db.transaction('stems', 'readwrite');
    let freed = 0;
    let cursor = await tx.store.index('byLastUsed').openCursor();
    while (cursor && freed < bytes) {
      freed += cursor.value.bytes;
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
    return freed;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Every cached entry's metadata, least recently used first (reads no samples). */
export async function listCachedStems(db: HeadroomDb): Promise<StemCacheInfo[]> {
  try {
    return (await db.getAllFromIndex('stems', 'byLastUsed')).map(info);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Total bytes of cached samples. */
export async function stemCacheBytes(db: HeadroomDb): Promise<number> {
  return (await listCachedStems(db)).reduce((n, e) => n + e.bytes, 0);
}

/** Deletes every cached stem. */
export async function clearStemCache(db: HeadroomDb): Promise<void> {
  try {
    await db.clear('stems');
  } catch (error) {
    throw toStorageError(error);
  }
}
