/**
 * What the stem cache keeps (pure): a size cap that follows the device's storage, songs unused for
 * STEM_MAX_AGE_MS dropped, and the least recently used going first when a new song needs room, the songs
 * in use now (and an assignment's) last of all.
 */

/** Bytes. */
export type Bytes = number;

const MB = 1024 * 1024;
/** The cap never goes below this (a few songs) … */
export const STEM_CAP_MIN: Bytes = 60 * MB;
/** … nor above this. */
export const STEM_CAP_MAX: Bytes = 200 * MB;
/** The cap when the browser does not say how much storage there is. */
export const STEM_CAP_UNKNOWN: Bytes = 120 * MB;
/** A song not played for this long is dropped (it is made again when needed). */
export const STEM_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/** What navigator.storage.estimate() says (either may be missing). */
export interface StorageEstimateLike {
  quota?: number | undefined;
  usage?: number | undefined;
}

/**
 * The cache's cap on this device: 5 % of the storage the browser grants, but no more than a quarter of
 * what is still free (plus what the cache holds now), within STEM_CAP_MIN..STEM_CAP_MAX.
 */
export function stemCacheCapFor(estimate: StorageEstimateLike | null, cachedBytes: Bytes = 0): Bytes {
  const quota = estimate?.quota;
  if (!quota || !Number.isFinite(quota) || quota <= 0) return STEM_CAP_UNKNOWN;
  const free = Math.max(0, quota - (estimate?.usage ?? 0));
  const cap = Math.min(quota * 0.05, cachedBytes + free * 0.25);
  return Math.round(Math.min(STEM_CAP_MAX, Math.max(STEM_CAP_MIN, cap)));
}

/** What the policy needs to know of a cached entry. */
export interface StemEntryInfo {
  key: string;
  songId: string;
  bytes: Bytes;
  lastUsed: number;
}

/**
 * Keys to delete so that `incoming` bytes fit under `capBytes`: first every entry unused for longer than
 * maxAge (unless kept), then the least recently used others, then (only if still needed) the kept ones,
 * least recently used first. `replacing` (the key being written) is never chosen; its bytes do not count.
 */
export function chooseEvictions(
  entries: readonly StemEntryInfo[],
  options: {
    capBytes: Bytes;
    incoming: Bytes;
    now: number;
    keep?: ReadonlySet<string>;
    replacing?: string;
    maxAgeMs?: number;
  },
): string[] {
  const keep = options.keep ?? new Set<string>();
  const maxAge = options.maxAgeMs ?? STEM_MAX_AGE_MS;
  const others = entries.filter((e) => e.key !== options.replacing);
  const oldestFirst = [...others].sort((a, b) => a.lastUsed - b.lastUsed);
  let total = others.reduce((n, e) => n + e.bytes, 0);
  const out: string[] = [];
  const take = (e: StemEntryInfo) => {
    out.push(e.key);
    total -= e.bytes;
  };
  for (const e of oldestFirst) if (!keep.has(e.songId) && options.now - e.lastUsed > maxAge) take(e);
  for (const pass of [false, true]) {
    for (const e of oldestFirst) {
      if (total + options.incoming <= options.capBytes) return out;
      if (out.includes(e.key) || keep.has(e.songId) !== pass) continue;
      take(e);
    }
  }
  return out;
}
