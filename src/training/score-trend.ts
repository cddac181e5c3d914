/**
 * Score trend per skill: the mean score of each day a skill was practised, over the last N days, and a
 * rolling mean (every answer of the 7 days ending that day, older days included) that shows the trend
 * without one bad day's zig-zag. Days without practice have no point (the chart joins the points it has).
 * Adaptive answers are left out: the adaptive drill keeps asking near the learner's limit whatever their
 * level, so their scores say nothing about progress (their thresholds do, on the thresholds card).
 */
import { type AttemptRecord, adaptiveValueOf, type DayOf, utcDay } from './progress-records';
import { skillLabel, skillRank } from './skill-names';

/** One day's practice of one skill. */
export interface TrendPoint {
  day: number;
  /** Mean score that day (not rounded). */
  mean: number;
  /** Answers that day. */
  count: number;
  /** Mean of every answer of this skill in the `rollingDays` days ending this day. */
  rolling: number;
}

/** One skill's line. */
export interface SkillTrend {
  skill: string;
  label: string;
  /** Days with practice, oldest first. */
  points: TrendPoint[];
  /** Answers inside the window. */
  count: number;
  /** Mean of every answer inside the window (weighted by answers, not by days). */
  mean: number;
}

/** Every skill's line over one window of days. */
export interface ScoreTrend {
  /** First day on the axis. */
  fromDay: number;
  /** Last day on the axis (today). */
  toDay: number;
  /** Skills with at least one answer in the window, in teaching order. */
  skills: SkillTrend[];
}

/** How the trend window is chosen. */
export interface ScoreTrendOptions {
  /** Today as a day number. */
  today: number;
  /** Time to day number; defaults to UTC days. */
  dayOf?: DayOf;
  /** Longest window, days (default 30). */
  days?: number;
  /** Shortest window, days, so a new learner's few points are not squeezed into one edge (default 7). */
  minDays?: number;
  /** Days the rolling mean reaches back, today included (default 7). */
  rollingDays?: number;
}

/**
 * Daily mean scores per skill over the window. The window ends today and reaches back to the first
 * practice day, but no further than `days` and no shorter than `minDays`. Attempts after today are ignored.
 */
export function scoreTrend(attempts: readonly AttemptRecord[], options: ScoreTrendOptions): ScoreTrend {
  const dayOf = options.dayOf ?? utcDay;
  const { today } = options;
  const longest = Math.max(1, options.days ?? 30);
  const shortest = Math.min(longest, Math.max(1, options.minDays ?? 7));
  let first = today;
  for (const a of attempts) first = Math.min(first, dayOf(a.at));
  const fromDay = Math.min(today - shortest + 1, Math.max(today - longest + 1, first));

  const rollingDays = Math.max(1, options.rollingDays ?? 7);
  // skill → day → [sum, count], from the first day the rolling mean of the window's first point needs.
  const sums = new Map<string, Map<number, [number, number]>>();
  for (const a of attempts) {
    const day = dayOf(a.at);
    if (day < fromDay - rollingDays + 1 || day > today || adaptiveValueOf(a.question) !== null) continue;
    let byDay = sums.get(a.skill);
    if (!byDay) sums.set(a.skill, (byDay = new Map()));
    const cell = byDay.get(day) ?? [0, 0];
    cell[0] += a.score;
    cell[1] += 1;
    byDay.set(day, cell);
  }

  const skills: SkillTrend[] = [];
  for (const [skill, byDay] of sums) {
    const rollingAt = (day: number): number => {
      let sum = 0;
      let count = 0;
      for (let d = day - rollingDays + 1; d <= day; d++) {
        const cell = byDay.get(d);
        if (cell) [sum, count] = [sum + cell[0], count + cell[1]];
      }
      return sum / count;
    };
    const points = [...byDay.entries()]
      .filter(([day]) => day >= fromDay)
      .sort((x, y) => x[0] - y[0])
      .map(([day, [sum, count]]) => ({ day, mean: sum / count, count, rolling: rollingAt(day) }));
    if (points.length === 0) continue;
    const count = points.reduce((n, p) => n + p.count, 0);
    const total = points.reduce((s, p) => s + p.mean * p.count, 0);
    skills.push({ skill, label: skillLabel(skill), points, count, mean: total / count });
  }
  skills.sort((x, y) => skillRank(x.skill) - skillRank(y.skill) || x.skill.localeCompare(y.skill));
  return { fromDay, toDay: today, skills };
}
