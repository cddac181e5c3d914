/**
 * "Start here" and "Next up": the one thing a learner should do now, so nobody has to choose from lists.
 * - Nothing done yet: the first lesson on the path (Start here).
 * - A lesson begun and not finished: carry on with it.
 * - Otherwise, once some drill is open (a lesson with drills done, or any answer given): today's workout,
 *   until it is done today; the next lesson on the path is offered beside it.
 * - Otherwise: the next lesson on the path; when every lesson is done, the workout (done today: tomorrow's).
 */
import { isLessonDone, type LessonStates, lessonPath, type PathLesson } from './lesson-path';
import type { AttemptRecord } from './progress-records';

/** The one next step. */
export type NextStep =
  | {
      type: 'lesson';
      lessonId: string;
      lessonTitle: string;
      /** Start here (a new learner), continue (begun), or the next lesson. */
      mode: 'start' | 'continue' | 'next';
      /** 0-based step to resume at ('continue'). */
      step: number;
      reason: string;
    }
  | {
      type: 'workout';
      /** True when today's workout is already done (the card then offers an extra one). */
      doneToday: boolean;
      /** The next lesson on the path, offered beside the workout, or null when every lesson is done. */
      nextLesson: { id: string; title: string } | null;
      reason: string;
    };

/** What nextStep reads. */
export interface NextStepInput {
  lessons: readonly PathLesson[];
  states: LessonStates;
  attempts: readonly Pick<AttemptRecord, 'exercise'>[];
  /** Whether a workout was finished today. */
  workoutDoneToday: boolean;
}

/** The next step (see the file comment). Null only when there are no lessons and no answers. */
export function nextStep(input: NextStepInput): NextStep | null {
  const path = lessonPath(input.lessons);
  const { states } = input;
  const begun = path.filter((l) => states[l.id] && !isLessonDone(states, l.id));
  const nextLesson = path.find((l) => !isLessonDone(states, l.id)) ?? null;
  const nothingYet = input.attempts.length === 0 && path.every((l) => !states[l.id]);
  if (nothingYet && path[0])
    return {
      type: 'lesson',
      lessonId: path[0].id,
      lessonTitle: path[0].title,
      mode: 'start',
      step: 0,
      reason: `${path[0].minutes} minutes. Every lesson after it builds on it; drills open as you go.`,
    };
  const resume = begun
    .map((l) => ({ l, s: states[l.id] }))
    .sort((x, y) => (y.s?.updatedAt ?? 0) - (x.s?.updatedAt ?? 0))[0];
  if (resume)
    return {
      type: 'lesson',
      lessonId: resume.l.id,
      lessonTitle: resume.l.title,
      mode: 'continue',
      step: resume.s?.step ?? 0,
      reason: `You are on step ${(resume.s?.step ?? 0) + 1} of ${resume.l.title}.`,
    };
  const drillOpen =
    input.attempts.length > 0 || path.some((l) => isLessonDone(states, l.id) && (l.drills ?? []).length > 0);
  const lessonRef = nextLesson ? { id: nextLesson.id, title: nextLesson.title } : null;
  if (drillOpen && (!input.workoutDoneToday || !nextLesson))
    return {
      type: 'workout',
      doneToday: input.workoutDoneToday,
      nextLesson: lessonRef,
      reason: input.workoutDoneToday
        ? 'Today’s workout is done. Come back tomorrow, or do an extra one now.'
        : '10 to 15 minutes of drills picked for you, at the level you are ready for.',
    };
  if (nextLesson)
    return {
      type: 'lesson',
      lessonId: nextLesson.id,
      lessonTitle: nextLesson.title,
      mode: 'next',
      step: 0,
      reason: `${nextLesson.minutes} minutes. The next lesson on your path.`,
    };
  return null;
}
