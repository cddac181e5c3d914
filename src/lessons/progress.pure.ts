/** Lesson progress rules (pure): best scores, completion at the pass marks, resuming, and map status. */
import type { LessonSummary } from './schema';

/** Where a profile is in a lesson (the shape stored in IndexedDB's `lessons` store). */
export interface LessonProgress {
  profileId: string;
  lessonId: string;
  version: number;
  step: number;
  scores: Record<string, number>;
  completed: boolean;
  completedAt?: number;
  updatedAt: number;
}

/** How a lesson looks on the map. `suggested-later` is advice only: every lesson can always be opened. */
export type LessonStatus = 'completed' | 'started' | 'ready' | 'suggested-later';

/** The lesson-side facts progress needs. */
export type ProgressLesson = Pick<LessonSummary, 'id' | 'version' | 'passMarks' | 'stepTitles'>;

/** A fresh state at step 0 with no scores. */
export function emptyProgress(profileId: string, lesson: ProgressLesson, at: number): LessonProgress {
  return {
    profileId,
    lessonId: lesson.id,
    version: lesson.version,
    step: 0,
    scores: {},
    completed: false,
    updatedAt: at,
  };
}

/** Whether every graded block's best score reaches its pass mark. */
export function meetsPassMarks(
  passMarks: Readonly<Record<string, number>>,
  scores: Readonly<Record<string, number>>,
): boolean {
  return Object.entries(passMarks).every(([id, pass]) => (scores[id] ?? -1) >= pass);
}

/**
 * Brings a stored state in line with the lesson as it is now: a new lesson version keeps the scores of
 * blocks that still exist, clamps the step, and keeps a completion already earned.
 */
export function reconcileProgress(
  state: LessonProgress | undefined,
  profileId: string,
  lesson: ProgressLesson,
  at: number,
): LessonProgress {
  if (!state) return emptyProgress(profileId, lesson, at);
  const lastStep = Math.max(0, lesson.stepTitles.length - 1);
  if (state.version === lesson.version && state.step <= lastStep) return state;
  const scores = Object.fromEntries(Object.entries(state.scores).filter(([id]) => id in lesson.passMarks));
  return { ...state, version: lesson.version, step: Math.min(Math.max(0, state.step), lastStep), scores };
}

/** The state after moving to `step` (clamped to the lesson). */
export function withStep(
  state: LessonProgress,
  lesson: ProgressLesson,
  step: number,
  at: number,
): LessonProgress {
  const clamped = Math.min(Math.max(0, Math.round(step)), Math.max(0, lesson.stepTitles.length - 1));
  return { ...state, step: clamped, updatedAt: at };
}

/** The state after a graded block scored `score` (best score kept); completes the lesson when all pass. */
export function withScore(
  state: LessonProgress,
  lesson: ProgressLesson,
  blockId: string,
  score: number,
  at: number,
): LessonProgress {
  const clean = Math.min(100, Math.max(0, Math.round(score)));
  const scores = { ...state.scores, [blockId]: Math.max(clean, state.scores[blockId] ?? 0) };
  const next: LessonProgress = { ...state, scores, updatedAt: at };
  if (!state.completed && meetsPassMarks(lesson.passMarks, scores)) {
    next.completed = true;
    next.completedAt = at;
  }
  return next;
}

/** A lesson's status on the map, given every state of the profile by lesson id. */
export function lessonStatus(
  lesson: Pick<LessonSummary, 'id' | 'prerequisites'>,
  states: Readonly<Record<string, LessonProgress | undefined>>,
): LessonStatus {
  const own = states[lesson.id];
  if (own?.completed) return 'completed';
  if (own && (own.step > 0 || Object.keys(own.scores).length > 0)) return 'started';
  return lesson.prerequisites.every((p) => states[p]?.completed) ? 'ready' : 'suggested-later';
}

/** The lesson to offer as "continue": the most recently touched one that is not completed. */
export function lessonToContinue(states: readonly LessonProgress[]): LessonProgress | undefined {
  return states.filter((s) => !s.completed).sort((a, b) => b.updatedAt - a.updatedAt)[0];
}
