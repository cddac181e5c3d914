/** Backup dates in words: odd values (NaN, strings, negative, far future) never show "NaN" or "Invalid Date". */
import { describe, expect, it } from 'vitest';
import {
  dateTimeWords,
  daysAgo,
  formatSize,
  lastBackupWords,
  madeWords,
  realTime,
} from '../../../src/ui/settings/format';

/** Noon on a local calendar day, so day counting never straddles midnight. */
const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();
const NOW = noon(2026, 12, 7);
const ODD: unknown[] = [Number.NaN, Infinity, -Infinity, -5, 9e15, '2026-12-01', '', {}, [], true, undefined];

describe('backup dates in words', () => {
  it('counts calendar days back', () => {
    expect(daysAgo(NOW - 3_600_000, NOW)).toBe('today');
    expect(daysAgo(noon(2026, 12, 6), NOW)).toBe('yesterday');
    expect(daysAgo(noon(2026, 11, 30), NOW)).toBe('7 days ago');
    expect(daysAgo(noon(2021, 12, 7), NOW)).toBe(`${(1826).toLocaleString()} days ago`);
    // A little ahead (another time zone, a clock a few hours off) is still today or tomorrow = today.
    expect(daysAgo(noon(2026, 12, 8), NOW)).toBe('today');
    expect(daysAgo(noon(2199, 1, 1), NOW)).toBe('on a date still to come (a clock may be wrong)');
  });

  it('never says NaN or Invalid Date, whatever the stored value', () => {
    for (const odd of ODD) {
      expect(realTime(odd)).toBeNull();
      expect(daysAgo(odd, NOW)).toBe('at an unknown time');
      expect(dateTimeWords(odd)).toBe('an unknown date');
      expect(madeWords(odd)).toBe('Made on an unknown date');
      expect(lastBackupWords(odd, NOW)).toMatch(/No backup made yet|date is unknown/);
      for (const text of [daysAgo(odd, NOW), dateTimeWords(odd), lastBackupWords(odd, NOW), madeWords(odd)])
        expect(text).not.toMatch(/NaN|Invalid|undefined|Infinity/);
    }
    expect(lastBackupWords(null, NOW)).toBe('No backup made yet.');
    expect(lastBackupWords(Number.NaN, NOW)).toBe('A backup was made, but its date is unknown.');
  });

  it('a real date shows its days and its date', () => {
    const text = lastBackupWords(noon(2026, 12, 2), NOW);
    expect(text).toMatch(/^Last backup: 5 days ago \(.+2026.+\)\.$/);
    expect(madeWords(noon(2026, 12, 2))).toMatch(/^Made .*2026/);
  });

  it('sizes: odd byte counts say so', () => {
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatSize(Number.NaN)).toBe('unknown size');
    expect(formatSize(-1)).toBe('unknown size');
  });
});
