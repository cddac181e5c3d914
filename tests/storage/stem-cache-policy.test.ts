import { describe, expect, it } from 'vitest';
import {
  chooseEvictions,
  STEM_CAP_MAX,
  STEM_CAP_MIN,
  STEM_CAP_UNKNOWN,
  STEM_MAX_AGE_MS,
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
});
