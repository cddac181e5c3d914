import type { Decibels, Gain } from './units';

/** Converts decibels to a linear gain; -Infinity dB gives 0. */
export function dbToGain(db: Decibels): Gain {
  return db === Number.NEGATIVE_INFINITY ? 0 : 10 ** (db / 20);
}

/** Converts a linear gain to decibels; 0 gives -Infinity. */
export function gainToDb(gain: Gain): Decibels {
  return gain <= 0 ? Number.NEGATIVE_INFINITY : 20 * Math.log10(gain);
}

/** Converts a power ratio to decibels (10·log10); 0 gives -Infinity. */
export function powerToDb(power: number): Decibels {
  return power <= 0 ? Number.NEGATIVE_INFINITY : 10 * Math.log10(power);
}

/** Formats a level for people: "−6.0 dB", "+3.5 dB", "−∞ dB". */
export function formatDb(db: Decibels, digits = 1): string {
  if (db === Number.NEGATIVE_INFINITY) return '−∞ dB';
  const fixed = Math.abs(db).toFixed(digits);
  if (Number(fixed) === 0) return `${(0).toFixed(digits)} dB`;
  return `${db < 0 ? '−' : '+'}${fixed} dB`;
}
