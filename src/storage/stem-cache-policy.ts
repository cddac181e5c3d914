/**
 * What the stem cache keeps (pure): a size cap that follows the device's storage, songs unused for
 * STEM_MAX_AGE_MS dropped, and the least recently used going first when a new song needs room, the songs
 * in use now last of all. Songs held for an open assignment or today's workout are never dropped to make room,
 * only once unplayed for STEM_MAX_AGE_MS like any other.
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
  /** Who the song was played for ('assignment:<id>', 'workout:<profile>:<day>'): held while one is open. */
  heldFor?: readonly string[] | undefined;
}

/** Whether an entry is held: one of the holders it was played for is still open. */
export function isHeld(entry: Pick<StemEntryInfo, 'heldFor'>, openHolders: ReadonlySet<string>): boolean {
  return entry.heldFor?.some((h) => openHolders.has(h)) ?? false;
}

/** The holders an entry keeps after a new play for `holder` (or several; each once; none: the list stays). */
export function addHolder(
  heldFor: readonly string[] | undefined,
  holder: string | null | readonly string[],
): string[] {
  const list = [...(heldFor ?? [])];
  for (const h of typeof holder === 'string' ? [holder] : (holder ?? []))
    if (h && !list.includes(h)) list.push(h);
  return list;
}

/**
 * Keys to delete so that `incoming` bytes fit under `capBytes`: first every entry unused for longer than
 * maxAge (unless kept; held ones too), then the least recently used others, then (only if still needed) the
 * kept ones, least recently used first. `replacing` (the key being written) is never chosen; its bytes do not
 * count. Entries held for an open holder (`openHolders`, see isHeld) are otherwise never chosen, even when the
 * new entry then does not fit (fitsAfterEvictions tells).
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
    openHolders?: ReadonlySet<string>;
  },
): string[] {
  const keep = options.keep ?? new Set<string>();
  const maxAge = options.maxAgeMs ?? STEM_MAX_AGE_MS;
  const open = options.openHolders ?? new Set<string>();
  const others = entries.filter((e) => e.key !== options.replacing);
  const held = new Set(others.filter((e) => isHeld(e, open)).map((e) => e.key));
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
      if (out.includes(e.key) || held.has(e.key) || keep.has(e.songId) !== pass) continue;
      take(e);
    }
  }
  return out;
}

/** Whether `incoming` bytes fit under the cap once `evicted` are gone (held songs may leave too little room). */
export function fitsAfterEvictions(
  entries: readonly StemEntryInfo[],
  evicted: readonly string[],
  options: { capBytes: Bytes; incoming: Bytes; replacing?: string },
): boolean {
  const gone = new Set(evicted);
  const left = entries
    .filter((e) => e.key !== options.replacing && !gone.has(e.key))
    .reduce((n, e) => n + e.bytes, 0);
  return left + options.incoming <= options.capBytes;
}
