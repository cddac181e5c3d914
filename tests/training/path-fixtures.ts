/** The real lessons (parsed from lessons/) and hand-made lesson states for the skill map and workout tests. */
import { loadLessons, summaryOf } from '../../src/lessons/build/load-lessons';
import type { LessonProgress, QuizAttempt } from '../../src/lessons/progress.pure';
import type { LessonSummary } from '../../src/lessons/schema';
import type { KindInfo } from '../../src/training/progress-records';
import { at, KINDS } from './progress-fixtures';

/** Every lesson of lessons/, without bodies. */
export const LESSONS: LessonSummary[] = loadLessons('lessons').lessons.map(summaryOf);

/** The progress fixtures' kinds plus the production and whole-mix drills the lessons embed. */
export const PATH_KINDS: KindInfo[] = [
  ...KINDS,
  { id: 'fader-balance', title: 'Balance the faders', skill: 'faders', levelNames: ['Three', 'Five'] },
  { id: 'reverb-time', title: 'Judge the reverb', skill: 'space', levelNames: ['Short or long'] },
  { id: 'prod-or-mix', title: 'Production or mixing?', skill: 'production', levelNames: ['Clear cases'] },
  {
    id: 'mix-match',
    title: 'Mix to the reference',
    skill: 'mixing',
    levelNames: ['Faders', 'Pan', 'EQ', 'Comp', 'Sends', 'Six', 'Band'],
  },
];

/** A quiz attempt on `day` (noon UTC). */
export function quiz(day: number, passed: boolean): QuizAttempt {
  return { seed: 1, picks: [0], score: passed ? 100 : 0, passed, afterKey: true, at: at(day) };
}

/** A lesson completed on `day`, with these later quiz attempts (the first attempt is the lesson's own). */
export function completed(lessonId: string, day: number, later: QuizAttempt[] = []): LessonProgress {
  const first = quiz(day, true);
  const recent = [first, ...later];
  return {
    profileId: 'p',
    lessonId,
    version: 1,
    step: 0,
    scores: {},
    completed: true,
    completedAt: at(day, 11),
    updatedAt: at(day, 11),
    quizzes: { quiz: { first: { ...first, afterKey: false }, count: recent.length, passedOn: 1, recent } },
  };
}

/** A lesson begun on `day` and left at `step`. */
export function begun(lessonId: string, day: number, step: number): LessonProgress {
  return {
    profileId: 'p',
    lessonId,
    version: 1,
    step,
    scores: {},
    completed: false,
    updatedAt: at(day),
  };
}

/** States by id. */
export function statesOf(...list: LessonProgress[]): Record<string, LessonProgress> {
  return Object.fromEntries(list.map((s) => [s.lessonId, s]));
}
