/** The progress page's whole view model, computed from a profile's stored attempts and progress (pure). */
import { isMemoryAttempt } from '../exercises/shared/memory-mode';
import { adaptiveThresholds, type ThresholdEstimate } from './adaptive-thresholds';
import { type EqConfusion, eqConfusion } from './eq-confusion';
import { type LevelTrend, levelTrends, weeklySummary } from './level-trends';
import { type MixDimensionSummary, mixDimensions } from './mix-dimensions';
import { practiceStreaks, type StreakSummary } from './practice-streaks';
import { type PractiseSuggestion, suggestNext } from './practise-next';
import {
  type AttemptRecord,
  adaptiveValueOf,
  type DayOf,
  type KindInfo,
  type ProgressRecord,
  utcDay,
} from './progress-records';
import { type ScoreTrend, scoreTrend } from './score-trend';
import { MASTERY_WINDOW, RIGHT_SCORE } from './skill-map';
import { skillLabel } from './skill-names';

/** One row of the per-exercise table. */
export interface ExerciseRow {
  kind: string;
  title: string;
  skill: string;
  skillLabel: string;
  attempts: number;
  /** Rounded mean score. */
  average: number;
  best: number;
  /** Of the latest 20 fixed-level answers (any level): how many, and how many right (70 or more); null: none. */
  recent: { right: number; of: number } | null;
  /** Last answer, epoch ms, and its day number. */
  lastAt: number;
  lastDay: number;
  /** Memory-mode answers of the kind: a row of their own (the kind's other row leaves them out). */
  memory?: boolean;
}

/** Everything the progress page shows. */
export interface ProgressView {
  /** Answers stored for this profile. */
  totalAttempts: number;
  /** Today as a day number (same numbering as every `day` in the view). */
  today: number;
  trend: ScoreTrend;
  /** One line per drill and level (never averaged across levels). */
  levels: LevelTrend[];
  /** A few sentences on the last 7 days. */
  weekly: string[];
  eq: EqConfusion;
  thresholds: ThresholdEstimate[];
  /** What holds graded whole mixes back (null before the first graded mix). */
  mixes: MixDimensionSummary | null;
  streaks: StreakSummary;
  exercises: ExerciseRow[];
  /** Null only when there are no kinds at all. */
  next: PractiseSuggestion | null;
}

/** When "now" is and how days are counted. */
export interface ProgressViewOptions {
  /** Epoch ms of now. */
  now: number;
  /** Time to day number (the state layer passes local calendar days); defaults to UTC days. */
  dayOf?: DayOf;
  /** Longest trend window, days (default 30). */
  trendDays?: number;
}

/** Right answers (70 or more) among a kind's latest 20 fixed-level answers, or null without any. */
function recentOf(
  kind: string,
  attempts: readonly AttemptRecord[],
  memory = false,
): { right: number; of: number } | null {
  const last = attempts
    .filter(
      (a) =>
        a.exercise === kind && adaptiveValueOf(a.question) === null && isMemoryAttempt(a.details) === memory,
    )
    .sort((x, y) => x.at - y.at)
    .slice(-MASTERY_WINDOW);
  if (last.length === 0) return null;
  return { right: last.filter((a) => a.score >= RIGHT_SCORE).length, of: last.length };
}

/** Per-exercise rows from the stored running totals, in catalog order (unknown kinds last, by id). */
export function exerciseRows(
  progress: readonly ProgressRecord[],
  kinds: readonly KindInfo[],
  dayOf: DayOf = utcDay,
  attempts: readonly AttemptRecord[] = [],
): ExerciseRow[] {
  const order = new Map(kinds.map((k, i) => [k.id, i]));
  return progress
    .filter((p) => p.attempts > 0)
    .flatMap((p) => {
      const kind = kinds.find((k) => k.id === p.exercise);
      const title = kind?.title ?? p.exercise;
      const row = ({
        memory: m,
        ...r
      }: Pick<ExerciseRow, 'attempts' | 'average' | 'best' | 'lastAt' | 'memory'>): ExerciseRow => ({
        kind: p.exercise,
        title: m ? `${title} (from memory)` : title,
        skill: p.skill,
        skillLabel: skillLabel(p.skill),
        ...r,
        recent: recentOf(p.exercise, attempts, !!m),
        lastDay: dayOf(r.lastAt),
        ...(m ? { memory: true } : {}),
      });
      // Memory-mode answers are taken out of the kind's running totals into a row of their own.
      const memory = attempts.filter((a) => a.exercise === p.exercise && isMemoryAttempt(a.details));
      const normal = attempts.filter((a) => a.exercise === p.exercise && !isMemoryAttempt(a.details));
      if (memory.length === 0)
        return [
          row({
            attempts: p.attempts,
            average: Math.round(p.totalScore / p.attempts),
            best: p.bestScore,
            lastAt: p.lastAt,
            memory: false,
          }),
        ];
      const sum = (list: readonly AttemptRecord[]) => list.reduce((n, a) => n + a.score, 0);
      const rest = p.attempts - memory.length;
      const rows: ExerciseRow[] = [];
      if (rest > 0)
        rows.push(
          row({
            attempts: rest,
            average: Math.round(Math.max(0, p.totalScore - sum(memory)) / rest),
            best: normal.length > 0 ? Math.max(...normal.map((a) => a.score)) : p.bestScore,
            lastAt: normal.length > 0 ? Math.max(...normal.map((a) => a.at)) : p.lastAt,
            memory: false,
          }),
        );
      rows.push(
        row({
          attempts: memory.length,
          average: Math.round(sum(memory) / memory.length),
          best: Math.max(...memory.map((a) => a.score)),
          lastAt: Math.max(...memory.map((a) => a.at)),
          memory: true,
        }),
      );
      return rows;
    })
    .sort(
      (x, y) =>
        (order.get(x.kind) ?? kinds.length) - (order.get(y.kind) ?? kinds.length) ||
        x.kind.localeCompare(y.kind) ||
        Number(!!x.memory) - Number(!!y.memory),
    );
}

/** Builds the progress page's view model. */
export function buildProgressView(
  attempts: readonly AttemptRecord[],
  progress: readonly ProgressRecord[],
  kinds: readonly KindInfo[],
  options: ProgressViewOptions,
): ProgressView {
  const dayOf = options.dayOf ?? utcDay;
  const today = dayOf(options.now);
  const trendOptions = {
    today,
    dayOf,
    ...(options.trendDays === undefined ? {} : { days: options.trendDays }),
  };
  return {
    totalAttempts: attempts.length,
    today,
    trend: scoreTrend(attempts, trendOptions),
    levels: levelTrends(attempts, kinds, trendOptions),
    weekly: weeklySummary(attempts, kinds, { today, dayOf }),
    eq: eqConfusion(attempts),
    thresholds: adaptiveThresholds(attempts, kinds, dayOf),
    mixes: mixDimensions(attempts),
    streaks: practiceStreaks(
      attempts.map((a) => dayOf(a.at)),
      today,
    ),
    exercises: exerciseRows(progress, kinds, dayOf, attempts),
    next: suggestNext(attempts, kinds, { today, dayOf }),
  };
}
