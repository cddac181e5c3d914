import { describe, expect, it } from 'vitest';
import {
  addHolder,
  chooseEvictions,
  fitsAfterEvictions,
  isHeld,
  STEM_CAP_MAX,
  STEM_CAP_MIN,
  STEM_CAP_UNKNOWN,
  STEM_MAX_AGE_MS,
  type StemEntryInfo,
  stemCacheCapFor,
} from '../../src/storage/stem-cache-policy';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('stem cache cap', () => {
  it('is 5 % of the quota within its bounds, and shrinks when free space runs low', () => {
    expect(stemCacheCapFor(null)).toBe(STEM_CAP_UNKNOWN);
    expect(stemCacheCapFor({})).toBe(STEM_CAP_UNKNOWN);
    expect(stemCacheCapFor({ quota: 2 * GB, usage: 0 })).toBe(Math.round(0.05 * 2 * GB));
    expect(stemCacheCapFor({ quota: 100 * GB, usage: 0 })).toBe(STEM_CAP_MAX);
    expect(stemCacheCapFor({ quota: 200 * MB, usage: 0 })).toBe(STEM_CAP_MIN);
    // 2 GB granted but only 300 MB free: a quarter of it plus the 20 MB already cached.
    expect(stemCacheCapFor({ quota: 2 * GB, usage: 2 * GB - 300 * MB }, 20 * MB)).toBe(95 * MB);
  });
});

describe('stem cache evictions', () => {
  const now = 100 * STEM_MAX_AGE_MS;
  const entry = (key: string, mb: number, ageDays: number) => ({
    key,
    songId: key,
    bytes: mb * MB,
    lastUsed: now - ageDays * 24 * 3600 * 1000,
  });
  const entries = [entry('old', 10, 30), entry('a', 20, 5), entry('b', 20, 3), entry('c', 20, 1)];

  it('drops songs unused for two weeks even when there is room', () => {
    expect(chooseEvictions(entries, { capBytes: 1000 * MB, incoming: 10 * MB, now })).toEqual(['old']);
  });

  it('then the least recently used until the new song fits', () => {
    expect(chooseEvictions(entries, { capBytes: 60 * MB, incoming: 20 * MB, now })).toEqual(['old', 'a']);
    expect(chooseEvictions(entries, { capBytes: 40 * MB, incoming: 20 * MB, now })).toEqual([
      'old',
      'a',
      'b',
    ]);
  });

  it('keeps the songs in use (even old ones) unless nothing else is left to drop', () => {
    const keep = new Set(['old', 'a']);
    expect(chooseEvictions(entries, { capBytes: 60 * MB, incoming: 20 * MB, now, keep })).toEqual(['b', 'c']);
    expect(chooseEvictions(entries, { capBytes: 40 * MB, incoming: 20 * MB, now, keep })).toEqual([
      'b',
      'c',
      'old',
    ]);
  });

  it('never chooses the entry being replaced, nor counts its bytes', () => {
    expect(chooseEvictions(entries, { capBytes: 60 * MB, incoming: 20 * MB, now, replacing: 'a' })).toEqual([
      'old',
    ]);
  });

  it('drops a held song like any other once unplayed past the maximum age', () => {
    const open = new Set(['assignment:week-1']);
    const days = STEM_MAX_AGE_MS / (24 * 3600 * 1000);
    const held: StemEntryInfo[] = [
      { ...entry('stale', 10, days + 1), heldFor: ['assignment:week-1'] },
      { ...entry('fresh', 10, days - 1), heldFor: ['assignment:week-1'] },
    ];
    expect(chooseEvictions(held, { capBytes: 1000 * MB, incoming: 0, now, openHolders: open })).toEqual([
      'stale',
    ]);
  });

  it('never drops a song held for an open assignment or workout to make room, even when the rest must go', () => {
    const open = new Set(['assignment:week-1', 'workout:p:20000']);
    const held: StemEntryInfo[] = [
      { ...entry('old', 10, 10), heldFor: ['assignment:week-1'] },
      { ...entry('a', 20, 5), heldFor: ['assignment:handed-in'] },
      { ...entry('b', 20, 3), heldFor: ['workout:p:20000', 'assignment:gone'] },
      entry('c', 20, 1),
    ];
    expect(isHeld(held[0]!, open)).toBe(true);
    expect(isHeld(held[1]!, open)).toBe(false);
    expect(isHeld(held[3]!, open)).toBe(false);
    // Room for 40 MB more in 80 MB: 'a' (held only by a handed-in assignment) goes, then 'c'; 'old' stays.
    const out = chooseEvictions(held, { capBytes: 80 * MB, incoming: 40 * MB, now, openHolders: open });
    expect(out).toEqual(['a', 'c']);
    expect(fitsAfterEvictions(held, out, { capBytes: 80 * MB, incoming: 40 * MB })).toBe(true);
    // The songs in hand (keep) go before held ones: 'c' kept for now still leaves before 'old' or 'b'.
    const tight = chooseEvictions(held, {
      capBytes: 40 * MB,
      incoming: 20 * MB,
      now,
      keep: new Set(['c']),
      openHolders: open,
    });
    expect(tight).toEqual(['a', 'c']);
    // Held songs alone (30 MB) leave no room for 20 MB under a 40 MB cap: the policy says it does not fit.
    expect(fitsAfterEvictions(held, tight, { capBytes: 40 * MB, incoming: 20 * MB })).toBe(false);
    // Once the assignment is handed in and the workout is over, nothing is held: the old song goes first.
    expect(chooseEvictions(held, { capBytes: 60 * MB, incoming: 0, now, openHolders: new Set() })).toEqual([
      'old',
    ]);
  });

  it('adds a holder once, and no holder adds nothing', () => {
    expect(addHolder(undefined, null)).toEqual([]);
    expect(addHolder(undefined, 'assignment:x')).toEqual(['assignment:x']);
    expect(addHolder(['assignment:x'], 'assignment:x')).toEqual(['assignment:x']);
    expect(addHolder(['assignment:x'], 'workout:p:1')).toEqual(['assignment:x', 'workout:p:1']);
  });
});
