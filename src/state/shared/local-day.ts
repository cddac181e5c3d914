import { MS_PER_DAY } from '../../training/progress-records';

/**
 * The local calendar day of a time, numbered like UTC days (so `day × 86 400 000` formatted in UTC shows the
 * learner's own date): practice at 00:30 belongs to the day it happened where the learner is.
 */
export function localDay(at: number): number {
  const d = new Date(at);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / MS_PER_DAY);
}
