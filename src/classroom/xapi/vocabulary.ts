/** The xAPI verbs, activity types and ids Headroom uses (ADL vocabulary; Headroom's own ids as URNs). */
import type { Verb } from '@xapi/xapi';

/** The ADL verbs Headroom sends. */
export const VERBS = {
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  scored: { id: 'http://adlnet.gov/expapi/verbs/scored', display: { 'en-US': 'scored' } },
} as const satisfies Record<string, Verb>;

/** ADL activity types. */
export const ACTIVITY_TYPES = {
  question: 'http://adlnet.gov/expapi/activities/question',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  performance: 'http://adlnet.gov/expapi/activities/performance',
  course: 'http://adlnet.gov/expapi/activities/course',
} as const;

/**
 * Root of Headroom's activity ids. A URN, not a web address: the ids must stay the same wherever the app
 * is hosted, and must not claim a domain Headroom does not own.
 */
export const ID_ROOT = 'urn:headroom';

/** Extension keys (IRIs) for what the ADL vocabulary has no field for. */
export const EXTENSIONS = {
  /** A measured threshold: `{ value, low, high, percentCorrect, unit }` (low–high is the ~80 % range). */
  threshold: `${ID_ROOT}:xapi:threshold`,
  /** The value of the main variable this question was made at (adaptive drills). */
  trialValue: `${ID_ROOT}:xapi:trial-value`,
  /** The question's seed (the same seed makes the same question). */
  seed: `${ID_ROOT}:xapi:seed`,
  /** The pass mark a success was judged against (0–100). */
  passMark: `${ID_ROOT}:xapi:pass-mark`,
  /** Questions in a drill round and how many were right. */
  questions: `${ID_ROOT}:xapi:questions`,
  correct: `${ID_ROOT}:xapi:correct`,
} as const;

const part = (s: string) => encodeURIComponent(s);

/** The activity id of one exercise kind at one level (or its adaptive drill when level is 'adaptive'). */
export function exerciseActivityId(kind: string, level: number | 'adaptive'): string {
  return level === 'adaptive'
    ? `${ID_ROOT}:exercise:${part(kind)}:adaptive`
    : `${ID_ROOT}:exercise:${part(kind)}:level:${level}`;
}

/** The activity id of a lesson. */
export function lessonActivityId(lessonId: string): string {
  return `${ID_ROOT}:lesson:${part(lessonId)}`;
}

/** The activity id of one quiz in a lesson. */
export function quizActivityId(lessonId: string, blockId: string): string {
  return `${lessonActivityId(lessonId)}:quiz:${part(blockId)}`;
}

/** The activity id of an assignment. */
export function assignmentActivityId(assignmentId: string): string {
  return `${ID_ROOT}:assignment:${part(assignmentId)}`;
}

/** Headroom itself, the grouping activity of every statement. */
export const APP_ACTIVITY_ID = `${ID_ROOT}:app`;
