import type { Decibels } from '../../dsp/units';

/** Bottom of the meter scale, dBFS. */
export const METER_MIN_DB: Decibels = -60;
/** Top of the meter scale, dBFS (pre-limiter levels can go over 0). */
export const METER_MAX_DB: Decibels = 6;
/** Where the meter turns from green to yellow, dBFS. */
export const METER_YELLOW_DB: Decibels = -12;
/** Where the meter turns from yellow to red, dBFS. */
export const METER_RED_DB: Decibels = -3;
/** Scale marks printed next to the meter. */
export const METER_TICKS: readonly Decibels[] = [6, 0, -6, -12, -24, -36, -48, -60];

/** Fraction of the meter's height lit for a level (0 at the bottom of the scale, 1 at the top). */
export function meterFraction(db: Decibels): number {
  if (!(db > METER_MIN_DB)) return 0;
  return Math.min(1, (db - METER_MIN_DB) / (METER_MAX_DB - METER_MIN_DB));
}

/** The zone a level falls in, so the meter can say it in words as well as colour. */
export function meterZone(db: Decibels): 'green' | 'yellow' | 'red' {
  if (db >= METER_RED_DB) return 'red';
  if (db >= METER_YELLOW_DB) return 'yellow';
  return 'green';
}

/** The meter's readout: "−12.3" (dBFS), "−∞" for silence, one decimal. */
export function formatMeterDb(db: Decibels): string {
  if (!(db > METER_MIN_DB - 60)) return '−∞';
  const text = Math.abs(db).toFixed(1);
  if (Number(text) === 0) return '0.0';
  return `${db < 0 ? '−' : '+'}${text}`;
}
