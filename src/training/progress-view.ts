/** The progress page's whole view model, computed from a profile's stored attempts and progress (pure). */
import { adaptiveThresholds, type ThresholdEstimate } from './adaptive-thresholds';
import { type EqConfusion, eqConfusion } from './eq-confusion';
import { type MixDimensionSummary, mixDimensions } from './mix-dimensions';
import { practiceStreaks, type StreakSummary } from './practice-streaks';
import { type PractiseSuggestion, suggestNext } from './practise-next';
import {
  type AttemptRecord,
  type DayOf,
  type KindInfo,
  type ProgressRecord,
  utcDay,
} from './progress-records';
import { type ScoreTrend, scoreTrend } from './score-trend';
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
  /** Last answer, epoch ms, and its day number. */
  lastAt: number;
  lastDay: number;
}

/** Everything the progress page shows. */
export interface ProgressView {
  /** Answers stored for this profile. */
  totalAttempts: number;
  /** Today as a day number (same numbering as every `day` in the view). */
  today: number;
  trend: ScoreTrend;
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

/** Per-exercise rows from the stored running totals, in catalog order (unknown kinds last, by id). */
export function exerciseRows(
  progress: readonly ProgressRecord[],
  kinds: readonly KindInfo[],
  dayOf: DayOf = utcDay,
): ExerciseRow[] {
  const order = new Map(kinds.map((k, i) => [k.id, i]));
  return progress
    .filter((p) => p.attempts > 0)
    .map((p) => {
      const kind = kinds.find((k) => k.id === p.exercise);
      return {
        kind: p.exercise,
        title: kind?.title ?? p.exercise,
        skill: p.skill,
        skillLabel: skillLabel(p.skill),
        attempts: p.attempts,
        average: Math.round(p.totalScore / p.attempts),
        best: p.bestScore,
        lastAt: p.lastAt,
        lastDay: dayOf(p.lastAt),
      };
    })
    .sort(
      (x, y) =>
        (order.get(x.kind) ?? kinds.length) - (order.get(y.kind) ?? kinds.length) ||
        x.kind.localeCompare(y.kind),
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
    eq: eqConfusion(attempts),
    thresholds: adaptiveThresholds(attempts, kinds, dayOf),
    mixes: mixDimensions(attempts),
    streaks: practiceStreaks(
      attempts.map((a) => dayOf(a.at)),
      today,
    ),
    exercises: exerciseRows(progress, kinds, dayOf),
    next: suggestNext(attempts, kinds, { today, dayOf }),
  };
}
