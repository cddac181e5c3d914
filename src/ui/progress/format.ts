/** Small formatters for the progress page: dates from day numbers, bands, threshold values. */
import type { MainVariable } from '../../exercises/types';

const DAY_MS = 86_400_000;
const short = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** A day number (local calendar day numbered like a UTC day) as "14 Mar". */
export function formatDay(day: number): string {
  return short.format(new Date(day * DAY_MS));
}

/** A day number as "Fri, 14 Mar". */
export function formatDayLong(day: number): string {
  return long.format(new Date(day * DAY_MS));
}

/** A band for a narrow column header: 31.5, 250, 1k, 1.25k, 16k. */
export function shortHz(hz: number): string {
  return hz >= 1000 ? `${Number((hz / 1000).toPrecision(3))}k` : String(hz);
}

/** A threshold value with its unit: "7.5 dB", "9 positions". */
export function formatThreshold(value: number, variable: MainVariable): string {
  if (variable.unit === 'positions') {
    const odd = Math.max(3, 2 * Math.round((value - 1) / 2) + 1);
    return `${odd} positions`;
  }
  const half = Math.max(0.5, Math.round(value * 2) / 2);
  return `${Number.isInteger(half) ? half : half.toFixed(1)} ${variable.unit}`;
}

/** "today", "yesterday", "3 days ago" for a day number seen from `today`. */
export function daysAgo(day: number, today: number): string {
  const n = today - day;
  if (n <= 0) return 'today';
  if (n === 1) return 'yesterday';
  return `${n} days ago`;
}
