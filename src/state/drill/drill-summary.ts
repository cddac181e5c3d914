/** The end of a drill: scores, mean, time and (adaptive drills) the threshold in words; a finished round for the school's record store. */
import type { ExerciseId, exercises } from '../../exercises/registry';
import type { MainVariable } from '../../exercises/types';
import { ADAPTIVE_TRIALS } from '../../training/estimator';
import { describeThreshold } from '../../training/threshold-words';
import { xapiDrillRound } from '../classroom/xapi-hooks';
import { activeProfileId } from '../shared/storage';
import type { DrillAnswer, DrillSummary } from './drill-types';

/** What a summary needs of its drill. */
export interface SummaryContext {
  kind: ExerciseId;
  meta: (typeof exercises)[ExerciseId]['meta'];
  /** Adaptive drills: the main variable; null otherwise. */
  variable: MainVariable | null;
  /** Whether this sitting started from an earlier estimate. */
  hasPrior: boolean;
}

/** The summary of the answers so far (null before the first). */
export function summariseDrill(list: readonly DrillAnswer[], c: SummaryContext): DrillSummary | null {
  if (list.length === 0) return null;
  const scores = list.map((a) => a.result.score);
  const estimate = c.variable ? (list.at(-1)?.mark?.adaptiveEstimate ?? null) : null;
  let thresholdWords: string | null = null;
  if (c.variable) {
    const baseParams = c.meta.levels[c.variable.baseLevel - 1]?.params as { tracks?: number } | undefined;
    const first =
      !c.hasPrior && list.length < ADAPTIVE_TRIALS / 2
        ? ` (A first estimate from ${list.length} answers: a whole drill of ${ADAPTIVE_TRIALS} narrows it.)`
        : '';
    thresholdWords = `${describeThreshold(c.kind, estimate, c.variable, { tracks: baseParams?.tracks })}${estimate ? first : ''}`;
  }
  return {
    scores,
    mean: Math.round(scores.reduce((s, v) => s + v, 0) / scores.length),
    correct: list.filter((a) => a.result.correct).length,
    totalTimeMs: list.reduce((s, a) => s + a.timeMs, 0),
    threshold: estimate?.value ?? null,
    estimate,
    thresholdWords,
  };
}

/** A round of one kind that ran to its last question goes to the school's record store, if one is set up. */
export function sendDrillRound(
  list: readonly DrillAnswer[],
  s: DrillSummary | null,
  round: { kind: ExerciseId; level: number | 'adaptive'; assignmentId?: string | undefined },
): void {
  if (!s || list.length === 0) return;
  xapiDrillRound(activeProfileId.peek(), {
    exercise: round.kind,
    level: round.level,
    scores: s.scores,
    correct: s.correct,
    totalTimeMs: s.totalTimeMs,
    startedAt: list[0]?.at ?? Date.now(),
    endedAt: list.at(-1)?.at ?? Date.now(),
    ...(round.assignmentId ? { assignmentId: round.assignmentId } : {}),
    threshold: s.estimate ?? null,
  });
}
