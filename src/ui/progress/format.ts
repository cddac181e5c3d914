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

/**
 * A threshold number without its unit: 0.5 dB steps for dB, whole percent otherwise ("7.5", "8"); `round`
 * picks the direction (a range rounds outwards, as the words do).
 */
export function formatThresholdNumber(
  value: number,
  variable: MainVariable,
  round: (x: number) => number = Math.round,
): string {
  if (variable.unit !== 'dB') return String(Math.max(1, round(value)));
  const half = Math.max(0.5, round(value * 2) / 2);
  return Number.isInteger(half) ? String(half) : half.toFixed(1);
}

/** The unit as written after a number: "dB", "% of the width" → "%" (the words say of what). */
function shortUnit(variable: MainVariable): string {
  return variable.unit.startsWith('%') ? '%' : variable.unit;
}

/** A threshold value with its unit: "7.5 dB", "8 %". */
export function formatThreshold(value: number, variable: MainVariable): string {
  return `${formatThresholdNumber(value, variable)} ${shortUnit(variable)}`;
}

/** A threshold's range, rounded outwards: "3–6 dB" (one number when both ends round alike). */
export function formatThresholdRange(low: number, high: number, variable: MainVariable): string {
  const a = formatThresholdNumber(low, variable, Math.floor);
  const b = formatThresholdNumber(high, variable, Math.ceil);
  return a === b ? `${a} ${shortUnit(variable)}` : `${a}–${b} ${shortUnit(variable)}`;
}

/** "today", "yesterday", "3 days ago" for a day number seen from `today`. */
export function daysAgo(day: number, today: number): string {
  const n = today - day;
  if (n <= 0) return 'today';
  if (n === 1) return 'yesterday';
  return `${n} days ago`;
}
