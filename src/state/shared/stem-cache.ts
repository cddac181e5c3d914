import { signal } from '@preact/signals';
import type { SampleRate } from '../../dsp/units';
import type { Stems, StemTrack, TrackId } from '../../production/types';
import { listAssignmentRecords } from '../../storage/assignments';
import { toStorageError } from '../../storage/errors';
import type { HeadroomDb } from '../../storage/open';
import { isHeld, STEM_CAP_UNKNOWN, STEM_MAX_AGE_MS, stemCacheCapFor } from '../../storage/stem-cache-policy';
import {
  type CachedStems,
  clearStemCache,
  evictCachedStems,
  getCachedStems,
  listCachedStems,
  openCachedStems,
  putCachedStems,
  stemCacheKey,
  withChannels,
} from '../../storage/stems';
import { database, settings } from './database';
import { localDay } from './local-day';
import { showNotice } from './notices';

export { formatBytes } from '../../production/import/limits';

/**
 * The persistent half of the stem cache: rendered stems are kept in IndexedDB (keyed by song id,
 * render version and sample rate, under a cap that follows the device's storage, songs unused for two
 * weeks dropped and the least recently used evicted first, the songs in hand kept), so a song
 * rendered once starts at once next time, offline too. Storage failures never stop playback: reads
 * fall back to rendering, and a full disk while writing evicts and retries once, then skips caching.
 */

/** Bytes of cached stems, or null before it was read (the Settings row shows it). */
export const stemCacheSize = signal<number | null>(null);

/** The cache's size cap in bytes (adapted to the device's storage by adaptStemCacheCap). */
export const stemCacheCap = signal<number>(STEM_CAP_UNKNOWN);

/** Songs the cache keeps for something still open, for Settings: why (in words), how many songs, bytes. */
export interface KeptSongs {
  why: string;
  songs: number;
  bytes: number;
}

/** What the cache holds, for Settings: how many songs, when the least recently played was last used, what is kept. */
export const stemCacheContents = signal<{
  songs: number;
  oldestUse: number | null;
  kept?: KeptSongs[];
} | null>(null);

/**
 * Who songs are played for now ('assignment:<id>', 'workout:<profile>:<day>'), with how many open sessions
 * hold each: every drill adds its own and lets go of it when disposed, so one closing leaves the others'.
 */
const stemHolders = new Map<string, number>();

/**
 * Songs played from now on are held for this assignment or workout (null: for nothing in particular) until the
 * returned release is called (once; later calls do nothing).
 */
export function holdStemsFor(holder: string | null): () => void {
  if (!holder) return () => undefined;
  stemHolders.set(holder, (stemHolders.get(holder) ?? 0) + 1);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    const left = (stemHolders.get(holder) ?? 1) - 1;
    if (left > 0) stemHolders.set(holder, left);
    else stemHolders.delete(holder);
  };
}

/** The holders songs are played for now (each once). */
export function heldForNow(): string[] {
  return [...stemHolders.keys()];
}

/** The holder id of today's workout for a profile. */
export function workoutHolder(profileId: string, now = Date.now()): string {
  return `workout:${profileId}:${localDay(now)}`;
}

/** The holder id of an assignment. */
export function assignmentHolder(assignmentId: string): string {
  return `assignment:${assignmentId}`;
}

/** How long an assignment without a due date holds its songs after it was received. */
export const ASSIGNMENT_HOLD_MS = 60 * 24 * 60 * 60 * 1000;

/** Whether an assignment still holds its songs: before the end of its due day (local time), else for 60 days. */
export function assignmentStillOpen(due: unknown, savedAt: number, now = Date.now()): boolean {
  const day = typeof due === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(due) : null;
  if (!day) return now - savedAt <= ASSIGNMENT_HOLD_MS;
  return now <= new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1).getTime();
}

/**
 * What is still open, by holder id, with the words Settings shows: every assignment a profile has not
 * handed in (until its due day ends, or 60 days after it came when it has none), and today's workout while
 * it runs. Storage failures leave the assignments out.
 */
export async function openStemHolders(now = Date.now()): Promise<Map<string, string>> {
  const open = new Map<string, string>();
  for (const [profileId, w] of Object.entries(settings.peek().workoutInProgress))
    if (w.day === localDay(now))
      open.set(workoutHolder(profileId, now), 'kept for today’s workout until it is finished');
  try {
    for (const r of await listAssignmentRecords(await database(), { role: 'student' })) {
      const a = r.assignment as { id?: unknown; title?: unknown; due?: unknown } | null;
      if (r.handedInAt !== undefined || typeof a?.id !== 'string') continue;
      if (!assignmentStillOpen(a.due, r.savedAt, now)) continue;
      const title = typeof a.title === 'string' ? a.title : a.id;
      const until = typeof a.due === 'string' ? 'you hand it in or its due date passes' : 'you hand it in';
      open.set(assignmentHolder(a.id), `kept for assignment “${title}” until ${until}`);
    }
  } catch {
    // Unknown assignments hold nothing: the cache stays under its cap.
  }
  return open;
}

/** Songs played most recently, newest last: kept when room is made (see stem-cache-policy.ts). */
const recentSongs: string[] = [];
/** How many of the most recent songs are kept (the ones a drill or the mixer has in hand). */
const RECENT_KEPT = 6;

function usedNow(songId: string): void {
  const at = recentSongs.indexOf(songId);
  if (at >= 0) recentSongs.splice(at, 1);
  recentSongs.push(songId);
  if (recentSongs.length > RECENT_KEPT) recentSongs.shift();
}

let adapting: Promise<number> | null = null;
/**
 * Sets the cap from navigator.storage.estimate() and what the cache holds (once per session unless
 * `again`): 5 % of the storage granted, less when free space runs low (stem-cache-policy.ts).
 */
export function adaptStemCacheCap(again = false): Promise<number> {
  if (adapting && !again) return adapting;
  adapting = (async () => {
    let estimate: { quota?: number; usage?: number } | null = null;
    try {
      estimate = (await navigator.storage?.estimate?.()) ?? null;
    } catch {
      estimate = null;
    }
    let cached = 0;
    try {
      cached = (await listCachedStems(await database())).reduce((n, e) => n + e.bytes, 0);
    } catch {
      cached = 0;
    }
    stemCacheCap.value = stemCacheCapFor(estimate, cached);
    return stemCacheCap.value;
  })();
  return adapting;
}

/** How long a song may go unplayed before the cache drops it (days, for Settings). */
export const STEM_MAX_AGE_DAYS = Math.round(STEM_MAX_AGE_MS / (24 * 60 * 60 * 1000));

const writes = new Set<Promise<unknown>>();

function toStems(cached: CachedStems, renderVersion: number): Stems {
  return {
    songId: cached.songId,
    renderVersion,
    sampleRate: cached.sampleRate,
    length: cached.length,
    tracks: cached.tracks.map(
      (t): StemTrack => ({
        id: t.id as TrackId,
        name: t.name,
        instrument: t.instrument ?? '',
        channels: t.channels,
        defaultFaderDb: t.defaultFaderDb ?? 0,
        ...(t.defaultPan === undefined ? {} : { defaultPan: t.defaultPan }),
        ...(t.defaultReverbSendDb === undefined ? {} : { defaultReverbSendDb: t.defaultReverbSendDb }),
        activeRmsDb: t.activeRmsDb ?? Number.NEGATIVE_INFINITY,
      }),
    ),
  };
}

/** Cached stems of a song at a rate and render version, or null (absent, or storage unavailable). */
export async function readCachedStems(
  songId: string,
  renderVersion: number,
  sampleRate: SampleRate,
): Promise<Stems | null> {
  try {
    performance.mark('stems:read-start');
    const db = await database();
    performance.mark('stems:db');
    const cached = await getCachedStems(
      db,
      stemCacheKey(songId, renderVersion, sampleRate),
      Date.now(),
      heldForNow(),
    );
    performance.mark('stems:read-end');
    if (cached) usedNow(songId);
    return cached ? toStems(cached, renderVersion) : null;
  } catch {
    // A cache that cannot be read is a cache miss: the song is rendered instead.
    return null;
  }
}

/** Stored stems read in two steps: their first seconds now, the whole song when `whole` resolves. */
export interface StemsHeadFirst {
  /** The first `frames` samples of every track (the whole song when it is no longer). */
  head: Stems;
  /** The whole song; `head` itself when that was all of it. Rejects if the rest cannot be read. */
  whole: Promise<Stems>;
  /** The whole song's length in samples. */
  length: number;
}

/**
 * Cached stems read head first: the first `frames` samples of every channel come off the disk (a few MB of
 * a song's 60) and are handed over while the rest is read (Blob slices of the same stored record; the
 * format is unchanged). Null when absent or storage is unavailable, as readCachedStems.
 */
export async function readCachedStemsHeadFirst(
  songId: string,
  renderVersion: number,
  sampleRate: SampleRate,
  frames: number,
): Promise<StemsHeadFirst | null> {
  try {
    performance.mark('stems:read-start');
    const db = await database();
    performance.mark('stems:db');
    const opened = await openCachedStems(
      db,
      stemCacheKey(songId, renderVersion, sampleRate),
      Date.now(),
      heldForNow(),
    );
    performance.mark('stems:opened');
    if (!opened) return null;
    usedNow(songId);
    const n = Math.max(0, Math.min(Math.floor(frames), opened.length));
    const first = await opened.read(n);
    performance.mark('stems:head-read');
    const head = toStems({ ...withChannels(opened, first), length: n }, renderVersion);
    if (n >= opened.length) return { head, whole: Promise.resolve(head), length: n };
    const whole = opened.read().then((all) => {
      performance.mark('stems:read-end');
      return toStems(withChannels(opened, all), renderVersion);
    });
    return { head, whole, length: opened.length };
  } catch {
    // A cache that cannot be read is a cache miss: the song is rendered instead.
    return null;
  }
}

/** What happened to stems handed to the cache. */
export type CacheOutcome = 'stored' | 'stored-after-eviction' | 'too-big' | 'skipped';

/**
 * Stores stems under a cap; when the browser says storage is full, evicts at least the stems' size
 * (oldest first) and tries once more. Anything else, or a second failure, skips caching with a gentle
 * notice: the stems were already rendered and play from memory.
 */
export async function cacheStems(
  db: HeadroomDb,
  stems: Stems,
  capBytes: number,
  store: typeof putCachedStems = putCachedStems,
  evict: typeof evictCachedStems = evictCachedStems,
): Promise<CacheOutcome> {
  const entry = {
    key: stemCacheKey(stems.songId, stems.renderVersion, stems.sampleRate),
    songId: stems.songId,
    sampleRate: stems.sampleRate,
    length: stems.length,
    tracks: stems.tracks.map((t) => ({
      id: t.id,
      name: t.name,
      channels: t.channels,
      instrument: t.instrument,
      defaultFaderDb: t.defaultFaderDb,
      defaultPan: t.defaultPan,
      defaultReverbSendDb: t.defaultReverbSendDb,
      activeRmsDb: t.activeRmsDb,
    })),
  };
  const bytes = entry.tracks.reduce((n, t) => n + t.channels.reduce((m, c) => m + c.byteLength, 0), 0);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const openHolders = new Set((await openStemHolders()).keys());
      const result = await store(db, entry, {
        capBytes,
        keep: new Set(recentSongs),
        holder: heldForNow(),
        openHolders,
      });
      if (!result.stored) return 'too-big';
      return attempt === 0 ? 'stored' : 'stored-after-eviction';
    } catch (error) {
      const e = toStorageError(error);
      if (e.kind !== 'quota' || attempt > 0) break;
      try {
        await evict(db, bytes);
      } catch {
        break;
      }
    }
  }
  showNotice({
    id: 'stem-cache-skipped',
    tone: 'info',
    text: 'Storage is nearly full, so this song’s audio was not saved for next time. It plays fine now; it will be made again later.',
  });
  return 'skipped';
}

/** Hands rendered stems to the persistent cache in the background (errors end as a notice). */
export function storeStems(stems: Stems): Promise<CacheOutcome> {
  const write = (async () => {
    try {
      usedNow(stems.songId);
      const outcome = await cacheStems(await database(), stems, await adaptStemCacheCap());
      if (stemCacheSize.value !== null) void refreshStemCacheSize();
      return outcome;
    } catch {
      return 'skipped' as const;
    }
  })();
  writes.add(write);
  void write.finally(() => writes.delete(write));
  return write;
}

/** Resolves when every cache write started so far has finished (tests and benches wait on it). */
export async function stemWritesSettled(): Promise<void> {
  await Promise.all([...writes]);
}

/** Reads the cache's size into `stemCacheSize`. */
export async function refreshStemCacheSize(): Promise<void> {
  try {
    const entries = await listCachedStems(await database());
    const open = await openStemHolders();
    stemCacheSize.value = entries.reduce((n, e) => n + e.bytes, 0);
    stemCacheContents.value = {
      songs: new Set(entries.map((e) => e.songId)).size,
      oldestUse: entries[0]?.lastUsed ?? null,
      kept: keptSongs(entries, open),
    };
  } catch {
    stemCacheSize.value = null;
    stemCacheContents.value = null;
  }
}

/** The songs held for each open holder (a song held twice is listed under each). */
export function keptSongs(
  entries: readonly { songId: string; bytes: number; heldFor?: readonly string[] | undefined }[],
  open: ReadonlyMap<string, string>,
): KeptSongs[] {
  const ids = new Set(open.keys());
  const out: KeptSongs[] = [];
  for (const [holder, why] of open) {
    const held = entries.filter((e) => isHeld(e, ids) && e.heldFor?.includes(holder));
    if (held.length === 0) continue;
    out.push({
      why,
      songs: new Set(held.map((e) => e.songId)).size,
      bytes: held.reduce((n, e) => n + e.bytes, 0),
    });
  }
  return out;
}

/** Deletes every cached stem (Settings → Clear cached audio); true when it worked. */
export async function clearCachedAudio(): Promise<boolean> {
  try {
    await stemWritesSettled();
    await clearStemCache(await database());
    stemCacheSize.value = 0;
    stemCacheContents.value = { songs: 0, oldestUse: null };
    return true;
  } catch (error) {
    showNotice({ id: 'stem-cache-clear', tone: 'error', text: toStorageError(error).message });
    return false;
  }
}
