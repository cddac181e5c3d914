/**
 * Headroom's learning events as xAPI 1.0.3 statements (pure). Each statement's id is derived from who did
 * what when, so building it again (a resend, another tab) gives the very same statement.
 */
import type { Activity, Agent, Context, Extensions, Result, Statement } from '@xapi/xapi';
import { agentKey } from './identity';
import { isoDuration, type Ms } from './iso-duration';
import { stableUuid } from './stable-uuid';
import {
  ACTIVITY_TYPES,
  APP_ACTIVITY_ID,
  assignmentActivityId,
  EXTENSIONS,
  exerciseActivityId,
  lessonActivityId,
  quizActivityId,
  VERBS,
} from './vocabulary';

/** A score 0–100 (integer in Headroom). */
export type Score = number;

/** A measured threshold with its ~80 % range, in `unit`. */
export interface ThresholdResult {
  value: number;
  low: number;
  high: number;
  percentCorrect: number;
  unit: string;
}

/** One answered question. */
export interface AttemptEvent {
  exercise: string;
  /** Shown in the LRS (the exercise's title). */
  title: string;
  level: number;
  seed: number;
  score: Score;
  timeMs: Ms;
  /** Epoch ms of the answer. */
  at: number;
  /** The score at or above which this counts as a success. */
  passMark: Score;
  assignmentId?: string;
  /** Graded mixing: sent with the verb `scored` (a mix is graded, not answered). */
  gradedMix?: boolean;
  /** Adaptive drills: the value this question was made at, and the estimate after it. */
  trialValue?: number;
  threshold?: ThresholdResult;
}

/** A finished drill round. */
export interface DrillRoundEvent {
  exercise: string;
  title: string;
  level: number | 'adaptive';
  scores: Score[];
  correct: number;
  totalTimeMs: Ms;
  /** Epoch ms of the first and last answers. */
  startedAt: number;
  endedAt: number;
  passMark: Score;
  assignmentId?: string;
  threshold?: ThresholdResult;
}

/** A lesson completed. */
export interface LessonEvent {
  lessonId: string;
  title: string;
  version: number;
  completedAt: number;
  /** The mean of the lesson's graded blocks, if it has any. */
  score?: Score;
  /** Time from first opening to completion, if known. */
  durationMs?: Ms;
}

/** A checked quiz. */
export interface QuizEvent {
  lessonId: string;
  lessonTitle: string;
  blockId: string;
  score: Score;
  passMark: Score;
  at: number;
  /** The quiz's seed (which questions, in which order). */
  seed: number;
}

const EN = 'en-US';
const clampScore = (s: Score) => Math.min(100, Math.max(0, s));

function score(s: Score): NonNullable<Result['score']> {
  const raw = clampScore(Math.round(s));
  return { scaled: raw / 100, raw, min: 0, max: 100 };
}

function activity(id: string, type: string, name: string): Activity {
  return { objectType: 'Activity', id, definition: { type, name: { [EN]: name } } };
}

function context(parents: Activity[], extensions?: Extensions): Context {
  return {
    platform: 'Headroom',
    language: EN,
    contextActivities: {
      ...(parents.length ? { parent: parents } : {}),
      grouping: [activity(APP_ACTIVITY_ID, ACTIVITY_TYPES.course, 'Headroom ear training')],
    },
    ...(extensions && Object.keys(extensions).length ? { extensions } : {}),
  };
}

const assignmentParent = (id?: string) =>
  id ? [activity(assignmentActivityId(id), ACTIVITY_TYPES.assessment, `Assignment ${id}`)] : [];

function thresholdExtension(t?: ThresholdResult): Extensions | undefined {
  if (!t) return undefined;
  return {
    [EXTENSIONS.threshold]: {
      value: t.value,
      low: Math.min(t.low, t.value),
      high: Math.max(t.high, t.value),
      percentCorrect: t.percentCorrect,
      unit: t.unit,
    },
  };
}

function checkTime(at: number, what: string): string {
  if (!Number.isFinite(at) || at <= 0) throw new RangeError(`${what} has no valid time.`);
  return new Date(at).toISOString();
}

/** One answered question (verb `answered`; `scored` for a graded mix). */
export function attemptStatement(actor: Agent, e: AttemptEvent): Statement {
  const verb = e.gradedMix ? VERBS.scored : VERBS.answered;
  const ext = thresholdExtension(e.threshold);
  const resultExt: Extensions = { ...ext };
  if (e.trialValue !== undefined && Number.isFinite(e.trialValue))
    resultExt[EXTENSIONS.trialValue] = e.trialValue;
  return {
    id: stableUuid(['attempt', agentKey(actor), e.exercise, e.level, e.seed, e.at]),
    actor,
    verb,
    object: activity(
      exerciseActivityId(e.exercise, e.level),
      e.gradedMix ? ACTIVITY_TYPES.performance : ACTIVITY_TYPES.question,
      `${e.title}, level ${e.level}`,
    ),
    result: {
      score: score(e.score),
      success: e.score >= e.passMark,
      completion: true,
      duration: isoDuration(e.timeMs),
      ...(Object.keys(resultExt).length ? { extensions: resultExt } : {}),
    },
    context: context(assignmentParent(e.assignmentId), {
      [EXTENSIONS.seed]: e.seed,
      [EXTENSIONS.passMark]: e.passMark,
    }),
    timestamp: checkTime(e.at, 'The answer'),
    version: '1.0.3',
  };
}

/** A finished drill round (verb `completed`; its score is the round's mean). */
export function drillRoundStatement(actor: Agent, e: DrillRoundEvent): Statement {
  if (e.scores.length === 0) throw new RangeError('A drill round with no answers is not sent.');
  const mean = e.scores.reduce((s, v) => s + v, 0) / e.scores.length;
  const resultExt: Extensions = {
    ...thresholdExtension(e.threshold),
    [EXTENSIONS.questions]: e.scores.length,
    [EXTENSIONS.correct]: e.correct,
  };
  const name = e.level === 'adaptive' ? `${e.title}, adaptive drill` : `${e.title}, level ${e.level} drill`;
  return {
    id: stableUuid(['drill', agentKey(actor), e.exercise, e.level, e.startedAt, e.scores.length]),
    actor,
    verb: VERBS.completed,
    object: activity(exerciseActivityId(e.exercise, e.level), ACTIVITY_TYPES.assessment, name),
    result: {
      score: score(mean),
      success: mean >= e.passMark,
      completion: true,
      duration: isoDuration(e.totalTimeMs),
      extensions: resultExt,
    },
    context: context(assignmentParent(e.assignmentId), { [EXTENSIONS.passMark]: e.passMark }),
    timestamp: checkTime(e.endedAt, 'The drill'),
    version: '1.0.3',
  };
}

/** A lesson completed (verb `completed`). */
export function lessonStatement(actor: Agent, e: LessonEvent): Statement {
  const result: Result = { completion: true };
  if (e.score !== undefined) result.score = score(e.score);
  if (e.durationMs !== undefined) result.duration = isoDuration(e.durationMs);
  return {
    id: stableUuid(['lesson', agentKey(actor), e.lessonId, e.version, e.completedAt]),
    actor,
    verb: VERBS.completed,
    object: activity(lessonActivityId(e.lessonId), ACTIVITY_TYPES.lesson, e.title),
    result,
    context: context([]),
    timestamp: checkTime(e.completedAt, 'The lesson'),
    version: '1.0.3',
  };
}

/** A checked quiz (verb `passed` or `failed` against its pass mark). */
export function quizStatement(actor: Agent, e: QuizEvent): Statement {
  const passed = e.score >= e.passMark;
  return {
    id: stableUuid(['quiz', agentKey(actor), e.lessonId, e.blockId, e.seed, e.at]),
    actor,
    verb: passed ? VERBS.passed : VERBS.failed,
    object: activity(
      quizActivityId(e.lessonId, e.blockId),
      ACTIVITY_TYPES.assessment,
      `${e.lessonTitle}: quiz`,
    ),
    result: { score: score(e.score), success: passed, completion: true },
    context: context([activity(lessonActivityId(e.lessonId), ACTIVITY_TYPES.lesson, e.lessonTitle)], {
      [EXTENSIONS.seed]: e.seed,
      [EXTENSIONS.passMark]: e.passMark,
    }),
    timestamp: checkTime(e.at, 'The quiz'),
    version: '1.0.3',
  };
}
