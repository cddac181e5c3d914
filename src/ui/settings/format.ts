/** Sizes, days and dates in words for the backup panel; odd times (NaN, strings, far future) never show raw. */

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;
/** The largest time a Date can hold (±100 million days from 1970), ms. */
const MAX_DATE_MS = 8.64e15;

/** "12 kB", "68.7 MB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown size';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** The time as epoch ms when `at` is a real time a Date can show (a finite number from 1970 on), else null. */
export function realTime(at: unknown): number | null {
  return typeof at === 'number' && Number.isFinite(at) && at >= 0 && at <= MAX_DATE_MS ? at : null;
}

/**
 * "today", "yesterday", "5 days ago" (by calendar day on this device); "at an unknown time" for a time that
 * is none, and "on a date still to come (a clock may be wrong)" for one more than a day ahead.
 */
export function daysAgo(at: unknown, now = Date.now()): string {
  const t = realTime(at);
  if (t === null) return 'at an unknown time';
  const day = (ms: number) => {
    const d = new Date(ms);
    return Math.round(new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() / DAY_MS);
  };
  const n = day(now) - day(t);
  if (n < -1) return 'on a date still to come (a clock may be wrong)';
  return n <= 0 ? 'today' : n === 1 ? 'yesterday' : `${n.toLocaleString()} days ago`;
}

/** "7 Dec 2026, 09:30" (medium) or "7 December 2026 at 09:30" (long); "an unknown date" for no real time. */
export function dateTimeWords(at: unknown, style: 'medium' | 'long' = 'medium'): string {
  const t = realTime(at);
  if (t === null) return 'an unknown date';
  return new Date(t).toLocaleString(undefined, { dateStyle: style, timeStyle: 'short' });
}

/** The backup panel's line about the last backup: never, when (days and date), or that its date is unknown. */
export function lastBackupWords(last: unknown, now = Date.now()): string {
  if (last === null || last === undefined) return 'No backup made yet.';
  if (realTime(last) === null) return 'A backup was made, but its date is unknown.';
  return `Last backup: ${daysAgo(last, now)} (${dateTimeWords(last)}).`;
}

/** "Made 7 December 2026 at 09:30", or "Made on an unknown date" for a backup whose date is no real time. */
export function madeWords(at: unknown): string {
  return realTime(at) === null ? 'Made on an unknown date' : `Made ${dateTimeWords(at, 'long')}`;
}
