/**
 * Growth you can see: one line per drill *and level* (never averaged across levels, so moving up a level
 * does not look like getting worse), each point the share of right answers (a score of 70 or more) over
 * the last 20 answers at that level up to that day, and a short weekly summary in plain sentences.
 * Adaptive answers are left out of the lines; their thresholds give the weekly "6 dB → 3 dB".
 */
import { isMemoryAttempt } from '../exercises/shared/memory-mode';
import { adaptiveThresholds } from './adaptive-thresholds';
import { type AttemptRecord, adaptiveValueOf, type DayOf, type KindInfo, utcDay } from './progress-records';
import { MASTERY_WINDOW, RIGHT_SCORE } from './skill-map';
import { skillRank } from './skill-names';

/** One day on a level's line. */
export interface LevelPoint {
  day: number;
  /** Share right (0 … 1) of the last `MASTERY_WINDOW` answers at this level up to the end of this day. */
  rolling: number;
  /** Answers that day. */
  count: number;
}

/** One drill at one level. */
export interface LevelTrend {
  kind: string;
  title: string;
  skill: string;
  level: number;
  levelName: string;
  /** Answers made in memory mode: a line of their own, never averaged with the same level heard normally. */
  memory?: boolean;
  points: LevelPoint[];
  /** Answers at this level, ever. */
  answers: number;
  /** The latest rolling share (0 … 1). */
  latest: number;
}

/** Lines per drill and level, with answers inside the last `days` days (default 30), in teaching order. */
export function levelTrends(
  attempts: readonly AttemptRecord[],
  kinds: readonly KindInfo[],
  options: { today: number; dayOf?: DayOf; days?: number },
): LevelTrend[] {
  const dayOf = options.dayOf ?? utcDay;
  const from = options.today - Math.max(1, options.days ?? 30) + 1;
  const groups = new Map<string, AttemptRecord[]>();
  for (const a of [...attempts].sort((x, y) => x.at - y.at)) {
    if (adaptiveValueOf(a.question) !== null || dayOf(a.at) > options.today) continue;
    const key = `${a.exercise}@${Math.round(a.level)}@${isMemoryAttempt(a.details) ? 'memory' : ''}`;
    const list = groups.get(key) ?? [];
    list.push(a);
    groups.set(key, list);
  }
  const order = new Map(kinds.map((k, i) => [k.id, i]));
  const out: LevelTrend[] = [];
  for (const [key, list] of groups) {
    const [kind, levelText, mode] = key.split('@') as [string, string, string];
    const level = Number(levelText);
    const info = kinds.find((k) => k.id === kind);
    const points: LevelPoint[] = [];
    list.forEach((a, i) => {
      const day = dayOf(a.at);
      const next = list[i + 1];
      if (next && dayOf(next.at) === day) return; // the day's last answer closes the day
      const window = list.slice(Math.max(0, i + 1 - MASTERY_WINDOW), i + 1);
      const rolling = window.filter((w) => w.score >= RIGHT_SCORE).length / window.length;
      const count = list.filter((w) => dayOf(w.at) === day).length;
      if (day >= from) points.push({ day, rolling, count });
    });
    if (points.length === 0) continue;
    out.push({
      kind,
      title: info?.title ?? kind,
      skill: info?.skill ?? list[0]?.skill ?? '',
      level,
      levelName: info?.levelNames[level - 1] ?? `Level ${level}`,
      ...(mode === 'memory' ? { memory: true } : {}),
      points,
      answers: list.length,
      latest: (points.at(-1) as LevelPoint).rolling,
    });
  }
  return out.sort(
    (x, y) =>
      skillRank(x.skill) - skillRank(y.skill) ||
      (order.get(x.kind) ?? 99) - (order.get(y.kind) ?? 99) ||
      x.level - y.level ||
      Number(!!x.memory) - Number(!!y.memory),
  );
}

function formatValue(value: number, unit: string): string {
  const digits = value < 10 ? 1 : 0;
  const text = value.toFixed(digits).replace(/\.0$/, '');
  return unit === 'dB' ? `${text} dB` : `${text} ${unit}`;
}

/** A few sentences on the last 7 days (today included): threshold moves, levels that grew, and how much. */
export function weeklySummary(
  attempts: readonly AttemptRecord[],
  kinds: readonly KindInfo[],
  options: { today: number; dayOf?: DayOf },
): string[] {
  const dayOf = options.dayOf ?? utcDay;
  const weekStart = options.today - 6;
  const week = attempts.filter((a) => {
    const d = dayOf(a.at);
    return d >= weekStart && d <= options.today;
  });
  if (week.length === 0) return [];
  const lines: string[] = [];
  const days = new Set(week.map((a) => dayOf(a.at))).size;
  lines.push(
    `This week: ${week.length} answer${week.length === 1 ? '' : 's'} on ${days} day${days === 1 ? '' : 's'}.`,
  );
  for (const t of adaptiveThresholds(attempts, kinds, dayOf)) {
    const before = t.history.filter((h) => h.day < weekStart).at(-1);
    const now = t.history.filter((h) => h.day >= weekStart && h.day <= options.today).at(-1);
    if (!before || !now) continue;
    const better = t.variable.easier === 'larger' ? now.value < before.value : now.value > before.value;
    lines.push(
      `${t.title}: ${formatValue(before.value, t.variable.unit)} → ${formatValue(now.value, t.variable.unit)} this week${better ? '.' : ' (not finer yet: keep at it).'}`,
    );
  }
  for (const trend of levelTrends(attempts, kinds, { today: options.today, dayOf, days: 365 })) {
    const thisWeek = trend.points.filter((p) => p.day >= weekStart);
    const earlier = trend.points.filter((p) => p.day < weekStart).at(-1);
    const last = thisWeek.at(-1);
    if (!last) continue;
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    const title = trend.memory ? `${trend.title} from memory` : trend.title;
    if (earlier && Math.abs(last.rolling - earlier.rolling) >= 0.05)
      lines.push(
        `${title} (level ${trend.level}): ${pct(earlier.rolling)} → ${pct(last.rolling)} right this week.`,
      );
    else if (!earlier && thisWeek.reduce((n, p) => n + p.count, 0) >= 5)
      lines.push(`${title} (level ${trend.level}): new this week, ${pct(last.rolling)} right so far.`);
  }
  return lines;
}
