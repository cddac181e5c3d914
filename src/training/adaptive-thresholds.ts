/**
 * Thresholds per adaptive kind, from the stored adaptive attempts, with their history over sittings. An
 * adaptive drill (a sitting) stores on each answered question `adaptiveSitting` (when the sitting began,
 * epoch ms) and `adaptiveEstimate` (the estimate after that answer); the sitting's estimate is the one on its
 * last answer. Attempts stored before these fields existed are grouped into sittings by pauses of more than
 * 30 minutes and replayed through the estimator (a trial counts as right when it scored 100, which for the
 * adaptive kinds is exactly `check`'s `correct`), each sitting starting from the one before as its prior.
 */
import type { MainVariable } from '../exercises/types';
import { type EstimatorOptions, type EstimatorTrial, estimateFrom, type ThresholdRange } from './estimator';
import { type AttemptRecord, adaptiveValueOf, type DayOf, type KindInfo, utcDay } from './progress-records';
import { describeThreshold, type ThresholdContext } from './threshold-words';

/** A pause longer than this starts a new sitting (for attempts stored without a sitting). */
export const SESSION_GAP_MS = 30 * 60_000;
/** Answers below which a first sitting's estimate is called early. */
export const EARLY_BELOW = 15;

/** What an adaptive drill stores on each answered question (beside `adaptiveValue`). */
export interface AdaptiveMark {
  /** When the sitting began (epoch ms): the same on every answer of one drill. */
  adaptiveSitting: number;
  /** The estimate after this answer, or null. */
  adaptiveEstimate: ThresholdRange | null;
}

/** How sure a threshold is. */
export type ThresholdStatus = 'measured' | 'early' | 'none';

/** One sitting's estimate, for the history. */
export interface SittingEstimate extends ThresholdRange {
  /** When the sitting's last answer was given (epoch ms) and its day number. */
  at: number;
  day: number;
  /** Answers in the sitting. */
  trials: number;
}

/** One adaptive kind's current threshold and its history. */
export interface ThresholdEstimate {
  kind: string;
  title: string;
  variable: MainVariable;
  status: ThresholdStatus;
  /** The latest estimate with its ~80 % range, in the variable's units; null when status is 'none'. */
  estimate: ThresholdRange | null;
  /** Shortcut for estimate.value (null when none). */
  value: number | null;
  /** One sentence for the learner. */
  words: string;
  /** How the number was found, or what to do to get one. */
  note: string;
  /** Adaptive answers stored for this kind, and the sittings they form. */
  trials: number;
  sessions: number;
  /** Every sitting's estimate, oldest first. */
  history: SittingEstimate[];
  /** When the sitting the estimate comes from ended (epoch ms) and its day number, or null. */
  at: number | null;
  day: number | null;
}

interface Sitting {
  attempts: AttemptRecord[];
  id: number | null;
}

/** The stored sitting mark of a question, or null (older attempts). */
export function adaptiveMarkOf(question: unknown): Partial<AdaptiveMark> | null {
  if (typeof question !== 'object' || question === null) return null;
  const q = question as { adaptiveSitting?: unknown; adaptiveEstimate?: unknown };
  if (typeof q.adaptiveSitting !== 'number') return null;
  const e = q.adaptiveEstimate as ThresholdRange | null | undefined;
  const valid =
    !!e &&
    typeof e === 'object' &&
    [e.value, e.low, e.high, e.percentCorrect].every((v) => typeof v === 'number' && Number.isFinite(v));
  return { adaptiveSitting: q.adaptiveSitting, adaptiveEstimate: valid ? (e as ThresholdRange) : null };
}

/**
 * The main-variable value a stored question was asked at. pan-position questions stored before its variable
 * became a spacing carry a number of positions spanning hard left … right: that becomes 100/(n − 1) %.
 */
export function storedValueOf(kind: string, question: unknown): number | null {
  const value = adaptiveValueOf(question);
  if (value === null || kind !== 'pan-position') return value;
  const positions = (question as { positionsPan?: unknown }).positionsPan;
  if (Array.isArray(positions) && positions.length === value && positions[0] === -1 && value >= 3)
    return 100 / (value - 1);
  return value;
}

/** Splits a kind's adaptive attempts (oldest first) into sittings: by stored sitting, else by pauses. */
function sittingsOf(attempts: readonly AttemptRecord[]): Sitting[] {
  const sittings: Sitting[] = [];
  let current: Sitting | null = null;
  let previousAt = Number.NEGATIVE_INFINITY;
  for (const a of attempts) {
    const id = adaptiveMarkOf(a.question)?.adaptiveSitting ?? null;
    const same =
      current !== null &&
      (id !== null ? current.id === id : current.id === null && a.at - previousAt <= SESSION_GAP_MS);
    if (!same) {
      current = { attempts: [], id };
      sittings.push(current);
    }
    current?.attempts.push(a);
    previousAt = a.at;
  }
  return sittings;
}

/** The estimator options of a kind's variable, with an optional prior. */
export function estimatorOptions(variable: MainVariable, prior?: ThresholdRange | null): EstimatorOptions {
  return {
    start: variable.start,
    min: variable.min,
    max: variable.max,
    easier: variable.easier,
    chance: variable.chance,
    ...(prior ? { prior } : {}),
  };
}

/** Every sitting's estimate of one kind (oldest first), each starting from the one before. */
export function sittingEstimates(
  kind: string,
  variable: MainVariable,
  attempts: readonly AttemptRecord[],
  dayOf: DayOf = utcDay,
): { history: SittingEstimate[]; sittings: number; trials: number; last: AttemptRecord[] | null } {
  const mine = attempts
    .filter((a) => a.exercise === kind && storedValueOf(kind, a.question) !== null)
    .sort((x, y) => x.at - y.at);
  const sittings = sittingsOf(mine);
  const history: SittingEstimate[] = [];
  let prior: ThresholdRange | null = null;
  for (const s of sittings) {
    const last = s.attempts.at(-1) as AttemptRecord;
    const stored = adaptiveMarkOf(last.question)?.adaptiveEstimate ?? null;
    const trials: EstimatorTrial[] = s.attempts.map((a) => ({
      value: storedValueOf(kind, a.question) as number,
      correct: a.score === 100,
    }));
    const estimate: ThresholdRange | null = stored ?? estimateFrom(estimatorOptions(variable, prior), trials);
    if (!estimate) continue;
    history.push({ ...estimate, at: last.at, day: dayOf(last.at), trials: s.attempts.length });
    prior = estimate;
  }
  return { history, sittings: sittings.length, trials: mine.length, last: sittings.at(-1)?.attempts ?? null };
}

/** The estimate the next sitting of a kind starts from (the latest sitting's), or null. */
export function latestEstimate(
  kind: string,
  variable: MainVariable,
  attempts: readonly AttemptRecord[],
): ThresholdRange | null {
  const last = sittingEstimates(kind, variable, attempts).history.at(-1);
  if (!last) return null;
  return { value: last.value, low: last.low, high: last.high, percentCorrect: last.percentCorrect };
}

/** Detail that makes the sentence specific: one band for a whole eq-boost sitting, the track count. */
export function contextOf(session: readonly AttemptRecord[]): ThresholdContext {
  const context: ThresholdContext = {};
  const targets = new Set(session.map((a) => (a.question as { targetHz?: unknown }).targetHz));
  const [only] = targets;
  if (targets.size === 1 && typeof only === 'number') context.atHz = only;
  const last = session.at(-1)?.question as { tracks?: unknown } | undefined;
  const tracks = last?.tracks;
  if (Array.isArray(tracks)) context.tracks = tracks.length;
  return context;
}

/** One kind's current threshold, words, note and history. */
function estimateFor(
  kind: KindInfo,
  variable: MainVariable,
  attempts: readonly AttemptRecord[],
  dayOf: DayOf,
): ThresholdEstimate {
  const { history, sittings, trials, last } = sittingEstimates(kind.id, variable, attempts, dayOf);
  const base = { kind: kind.id, title: kind.title, variable, trials, sessions: sittings, history };
  const latest = history.at(-1);
  if (!latest) {
    return {
      ...base,
      status: 'none',
      estimate: null,
      value: null,
      words: 'No threshold yet.',
      note: 'Run an adaptive drill: it makes the change smaller while you hear it and bigger when you miss, and finds your limit in one go.',
      at: null,
      day: null,
    };
  }
  const estimate: ThresholdRange = {
    value: latest.value,
    low: latest.low,
    high: latest.high,
    percentCorrect: latest.percentCorrect,
  };
  const early = history.length === 1 && latest.trials < EARLY_BELOW;
  const answers = `${latest.trials} answer${latest.trials === 1 ? '' : 's'}`;
  const note = early
    ? `An early estimate from ${answers}: a whole adaptive drill pins it down.`
    : history.length === 1
      ? `From your adaptive drill of ${answers}. The next drill starts from it and narrows the range.`
      : `From your latest adaptive drill (${answers}), which started from the ${history.length - 1} before it.`;
  return {
    ...base,
    status: early ? 'early' : 'measured',
    estimate,
    value: estimate.value,
    words: describeThreshold(kind.id, estimate, variable, contextOf(last ?? [])),
    note,
    at: latest.at,
    day: latest.day,
  };
}

/** One estimate per adaptive kind in `kinds` (catalog order), from every stored attempt. */
export function adaptiveThresholds(
  attempts: readonly AttemptRecord[],
  kinds: readonly KindInfo[],
  dayOf: DayOf = utcDay,
): ThresholdEstimate[] {
  return kinds.flatMap((kind) =>
    kind.mainVariable ? [estimateFor(kind, kind.mainVariable, attempts, dayOf)] : [],
  );
}
