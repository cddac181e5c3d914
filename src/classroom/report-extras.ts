/**
 * What a report says besides its answers (pure): the status of the assignment's lessons and the student's
 * latest thresholds on its kinds. Both come from the student's own device and cannot be marked again, so
 * the gradebook shows them as "as recorded on the student's device".
 */
import { exercises, isExerciseId } from '../exercises/registry';
import { type LessonProgress, passedFirstTry, quizHistoryOf } from '../lessons/progress.pure';
import { sittingEstimates } from '../training/adaptive-thresholds';
import type { AttemptRecord } from '../training/progress-records';
import type { Assignment } from './assignment-types';
import type { ReportLesson, ReportQuiz, ReportThreshold } from './report-types';

/** The quiz status of one lesson: every quiz on the first try, all passed (some after the key), or not. */
function quizStatus(progress: LessonProgress | undefined): ReportQuiz {
  const histories = Object.values(progress?.quizzes ?? {})
    .map(quizHistoryOf)
    .filter((h) => h !== undefined);
  if (histories.length === 0) return progress?.completed ? 'no-quiz' : 'not-tried';
  if (histories.some((h) => h.passedOn === undefined)) return 'not-passed';
  return histories.every((h) => passedFirstTry(h)) ? 'first-try' : 'after-retry';
}

/** The assignment's lessons as this device's progress has them (in the assignment's order). */
export function reportLessons(
  assignment: Pick<Assignment, 'lessons'>,
  progress: Readonly<Record<string, LessonProgress | undefined>>,
): ReportLesson[] {
  return (assignment.lessons ?? []).map((id) => ({
    id,
    done: progress[id]?.completed === true,
    quiz: quizStatus(progress[id]),
  }));
}

/** Rounds a threshold number for a report (3 significant digits keep it short and exact enough). */
const short = (v: number) => Number(v.toPrecision(3));

/** The student's latest threshold on each adaptive kind of the assignment, from their own drills. */
export function reportThresholds(
  assignment: Pick<Assignment, 'items'>,
  attempts: readonly AttemptRecord[],
): ReportThreshold[] {
  const kinds = [...new Set(assignment.items.map((i) => i.exercise))];
  const out: ReportThreshold[] = [];
  for (const kind of kinds) {
    if (!isExerciseId(kind)) continue;
    const variable = exercises[kind].meta.mainVariable;
    if (!variable) continue;
    const last = sittingEstimates(kind, variable, attempts).history.at(-1);
    if (!last) continue;
    out.push({
      exercise: kind,
      value: short(last.value),
      low: short(last.low),
      high: short(last.high),
      at: last.at,
    });
  }
  return out;
}
