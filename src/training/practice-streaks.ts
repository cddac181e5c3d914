/**
 * Practice streaks: runs of consecutive days with at least one answer. The current streak runs up to today,
 * or up to yesterday when today has no practice yet (the streak is still alive until the day is over).
 */

/** Streaks and a short calendar of recent practice. */
export interface StreakSummary {
  /** Consecutive practice days ending today (or yesterday, when today has none yet). */
  current: number;
  /** The longest run ever. */
  longest: number;
  /** Whether today already has practice. */
  practisedToday: boolean;
  /** Distinct days with practice, ever. */
  daysPractised: number;
  /** The most recent practice day, or null. */
  lastDay: number | null;
  /** One flag per day for the last `window` days, oldest first, today last. */
  recent: boolean[];
}

/** Streaks from the practice days (any order, repeats allowed) as seen on `today`. */
export function practiceStreaks(days: Iterable<number>, today: number, window = 28): StreakSummary {
  const set = new Set<number>();
  for (const d of days) if (d <= today) set.add(d);
  const sorted = [...set].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const d of sorted) {
    run = d === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = d;
  }
  const practisedToday = set.has(today);
  let current = 0;
  for (let d = practisedToday ? today : today - 1; set.has(d); d--) current++;
  const recent = Array.from({ length: Math.max(0, window) }, (_, k) => set.has(today - window + 1 + k));
  return {
    current,
    longest,
    practisedToday,
    daysPractised: set.size,
    lastDay: sorted.at(-1) ?? null,
    recent,
  };
}
