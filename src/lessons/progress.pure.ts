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
  /** Every checked quiz attempt by quiz block id (kept when the lesson is started over). */
  quizzes?: Record<string, QuizHistory>;
  /** Each mixer block as the learner left it, by block id (plain data, checked against the block when read). */
  mixers?: Record<string, unknown>;
}

/** One checked quiz attempt: enough to replay it (the seed orders the choices) and to judge it honestly. */
export interface QuizAttempt {
  /** Seed of the choice order shown (see quiz-order.pure.ts). */
  seed: number;
  /** The authored index of the choice picked, per question. */
  picks: number[];
  /** Score 0–100. */
  score: number;
  /** Whether this attempt reached the pass mark. */
  passed: boolean;
  /** True when the explanations (the key) had been shown before this attempt. */
  afterKey: boolean;
  at: number;
}

/** A quiz's attempts for one profile: the first stays for good, the latest few are kept. */
export interface QuizHistory {
  /** The first attempt (made before any key was shown). */
  first: QuizAttempt;
  /** Attempts checked so far. */
  count: number;
  /** The 1-based attempt that first reached the pass mark (absent until one does). */
  passedOn?: number;
  /** The latest attempts, oldest first (at most QUIZ_ATTEMPTS_KEPT). */
  recent: QuizAttempt[];
}

/** How many recent attempts a quiz history keeps. */
export const QUIZ_ATTEMPTS_KEPT = 10;

/** A stored history, or undefined when it is missing or not shaped like one (an old or damaged record). */
export function quizHistoryOf(value: unknown): QuizHistory | undefined {
  const h = value as Partial<QuizHistory> | undefined;
  if (!h || typeof h !== 'object' || !h.first || !Array.isArray(h.recent) || !Number.isInteger(h.count))
    return undefined;
  return h as QuizHistory;
}

/** Whether the quiz was passed on the first try, before its key was ever shown. */
export function passedFirstTry(history: QuizHistory | undefined): boolean {
  const h = quizHistoryOf(history);
  return h?.first.passed === true && !h.first.afterKey;
}

/** A quiz history with one more attempt; an attempt after the first always counts as after the key. */
export function withQuizAttempt(stored: QuizHistory | undefined, attempt: QuizAttempt): QuizHistory {
  const history = quizHistoryOf(stored);
  if (!history)
    return { first: attempt, count: 1, ...(attempt.passed ? { passedOn: 1 } : {}), recent: [attempt] };
  const honest: QuizAttempt = { ...attempt, afterKey: true };
  const count = history.count + 1;
  const passedOn = history.passedOn ?? (honest.passed ? count : undefined);
  return {
    first: history.first,
    count,
    ...(passedOn !== undefined ? { passedOn } : {}),
    recent: [...history.recent, honest].slice(-QUIZ_ATTEMPTS_KEPT),
  };
}

/** "Passed on the first try", "Passed on try 3, after seeing the answers", or "" before a pass. */
export function quizPassWords(stored: QuizHistory | undefined): string {
  const history = quizHistoryOf(stored);
  if (!history?.passedOn) return '';
  if (passedFirstTry(history)) return 'Passed on the first try';
  return `Passed on try ${history.passedOn}, after seeing the answers`;
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

/** The state after a checked quiz attempt: its history grows and its score counts like any other. */
export function withQuiz(
  state: LessonProgress,
  lesson: ProgressLesson,
  blockId: string,
  attempt: QuizAttempt,
  at: number,
): LessonProgress {
  const quizzes = { ...state.quizzes, [blockId]: withQuizAttempt(state.quizzes?.[blockId], attempt) };
  return withScore({ ...state, quizzes }, lesson, blockId, attempt.score, at);
}

/** The state after a mixer block changed: its settings are kept for the next visit (and survive a reload). */
export function withMixer(state: LessonProgress, blockId: string, data: unknown, at: number): LessonProgress {
  return { ...state, mixers: { ...state.mixers, [blockId]: data }, updatedAt: at };
}

/** A fresh state for starting a lesson over: no step or scores, but quiz histories stay (keys seen stay seen). */
export function restartedProgress(
  state: LessonProgress | undefined,
  profileId: string,
  lesson: ProgressLesson,
  at: number,
): LessonProgress {
  const fresh = emptyProgress(profileId, lesson, at);
  return state?.quizzes ? { ...fresh, quizzes: state.quizzes } : fresh;
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
