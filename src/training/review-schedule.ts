/**
 * Spaced review of lesson quizzes: a completed lesson's quiz comes back 1 day after the lesson, then 3 days
 * after that review, then 7, then 21; after the fourth passed review it rests. A review is a quiz attempt
 * on or after its due day; passing moves it one step along, failing starts the spacing again at 1 day.
 * Attempts before the due day (the lesson itself, a retry the same day) do not count.
 */
import { type LessonProgress, type QuizAttempt, quizHistoryOf } from '../lessons/progress.pure';
import { type DayOf, utcDay } from './progress-records';

/** Days between reviews, in order. */
export const REVIEW_DAYS: readonly number[] = [1, 3, 7, 21];

/** One checked quiz attempt as the schedule reads it. */
export interface ReviewEvent {
  day: number;
  passed: boolean;
}

/** Where one lesson's reviews stand. */
export interface ReviewState {
  lessonId: string;
  /** Passed reviews in a row so far (0 … REVIEW_DAYS.length). */
  step: number;
  /** The day the next review is due, or null once every step is passed. */
  dueDay: number | null;
  /** The day the spacing counts from (the lesson's completion or the last review). */
  fromDay: number;
  /** Reviews taken (passed or not). */
  reviews: number;
}

/** The schedule of one lesson completed on `completedDay`, given its later quiz attempts (any order). */
export function reviewSchedule(
  lessonId: string,
  completedDay: number,
  events: readonly ReviewEvent[],
): ReviewState {
  let step = 0;
  let fromDay = completedDay;
  let reviews = 0;
  const sorted = [...events].sort((x, y) => x.day - y.day);
  for (const e of sorted) {
    if (step >= REVIEW_DAYS.length) break;
    const due = fromDay + (REVIEW_DAYS[step] as number);
    if (e.day < due) continue;
    reviews++;
    fromDay = e.day;
    step = e.passed ? step + 1 : 0;
  }
  const dueDay = step >= REVIEW_DAYS.length ? null : fromDay + (REVIEW_DAYS[step] as number);
  return { lessonId, step, dueDay, fromDay, reviews };
}

/** Every checked quiz attempt of a lesson state (first and recent, without repeats). */
export function quizAttemptsOf(state: LessonProgress): QuizAttempt[] {
  const out = new Map<number, QuizAttempt>();
  for (const raw of Object.values(state.quizzes ?? {})) {
    const h = quizHistoryOf(raw);
    if (!h) continue;
    for (const a of [h.first, ...h.recent]) if (Number.isFinite(a.at)) out.set(a.at, a);
  }
  return [...out.values()].sort((x, y) => x.at - y.at);
}

/** A completed lesson's review state, or null when it is not completed or has no time of completion. */
export function lessonReviewState(state: LessonProgress, dayOf: DayOf = utcDay): ReviewState | null {
  if (!state.completed || typeof state.completedAt !== 'number') return null;
  const events = quizAttemptsOf(state).map((a) => ({ day: dayOf(a.at), passed: a.passed }));
  return reviewSchedule(state.lessonId, dayOf(state.completedAt), events);
}

/** The lessons whose review is due today or earlier, most overdue first (only lessons with a quiz). */
export function dueReviews(
  states: readonly LessonProgress[],
  today: number,
  hasQuiz: (lessonId: string) => boolean,
  dayOf: DayOf = utcDay,
): ReviewState[] {
  return states
    .filter((s) => hasQuiz(s.lessonId))
    .map((s) => lessonReviewState(s, dayOf))
    .filter((r): r is ReviewState => r !== null && r.dueDay !== null && r.dueDay <= today)
    .sort((x, y) => (x.dueDay as number) - (y.dueDay as number) || x.lessonId.localeCompare(y.lessonId));
}
