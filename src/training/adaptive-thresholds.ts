/**
 * Current thresholds per adaptive kind, from the stored adaptive attempts. The attempts of a kind are
 * split into sessions (a new drill starts after a pause of more than 30 minutes, or when a question is back
 * at the staircase's start value while the replay says it should be elsewhere); each session is replayed
 * through the same 2-down/1-up staircase the drill runs (`createStaircaseFor(meta.mainVariable)`). The
 * current threshold is the one of the latest session that reached one (ten reversals). When no session has,
 * the latest session with at least two reversals gives an early estimate: the mean of its last (up to six)
 * reversal values. A trial counts as right when it scored 100: for the three adaptive kinds (eq-boost,
 * level-change, pan-position) that is exactly `check`'s `correct` (every asked part right).
 */
import type { MainVariable } from '../exercises/types';
import { type AttemptRecord, adaptiveValueOf, type DayOf, type KindInfo, utcDay } from './progress-records';
import { createStaircaseFor, HALVE_AFTER_REVERSALS, THRESHOLD_REVERSALS } from './staircase';
import { describeThreshold, type ThresholdContext } from './threshold-words';

/** A pause longer than this starts a new adaptive session. */
export const SESSION_GAP_MS = 30 * 60_000;
/** Reversals a session needs for a full threshold. */
export const REVERSALS_NEEDED = HALVE_AFTER_REVERSALS + THRESHOLD_REVERSALS;

/** How sure a threshold is. */
export type ThresholdStatus = 'measured' | 'early' | 'none';

/** One adaptive kind's current threshold. */
export interface ThresholdEstimate {
  kind: string;
  title: string;
  variable: MainVariable;
  status: ThresholdStatus;
  /** In the variable's units (dB, positions); null when status is 'none'. */
  value: number | null;
  /** One sentence for the learner. */
  words: string;
  /** How the number was found, or what to do to get one. */
  note: string;
  /** Adaptive answers stored for this kind, and the sessions they form. */
  trials: number;
  sessions: number;
  /** Reversals in the session the value comes from (or the latest session). */
  reversals: number;
  /** When the session the value comes from ended (epoch ms) and its day number, or null. */
  at: number | null;
  day: number | null;
}

interface Session {
  trials: number;
  reversalValues: readonly number[];
  threshold: number | null;
  at: number;
  context: ThresholdContext;
}

// Questions store the value rounded to 0.01 (dB kinds) or to an odd count (pan positions).
const atStart = (value: number, variable: MainVariable): boolean => Math.abs(value - variable.start) < 0.011;

/** Splits a kind's adaptive attempts (oldest first) into sessions and replays each. */
function replaySessions(attempts: readonly AttemptRecord[], variable: MainVariable): Session[] {
  const sessions: Session[] = [];
  let staircase = createStaircaseFor(variable);
  let current: AttemptRecord[] = [];
  const close = () => {
    const last = current.at(-1);
    if (!last) return;
    sessions.push({
      trials: current.length,
      reversalValues: staircase.reversalValues,
      threshold: staircase.threshold,
      at: last.at,
      context: contextOf(current),
    });
  };
  let previousAt = Number.NEGATIVE_INFINITY;
  for (const a of attempts) {
    const value = adaptiveValueOf(a.question) as number;
    const restarted =
      current.length > 0 && atStart(value, variable) && Math.abs(staircase.value - value) > 0.5;
    if (a.at - previousAt > SESSION_GAP_MS || restarted) {
      close();
      staircase = createStaircaseFor(variable);
      current = [];
    }
    staircase.record(a.score === 100);
    current.push(a);
    previousAt = a.at;
  }
  close();
  return sessions;
}

/** Detail that makes the sentence specific: one band for a whole eq-boost session, the track count. */
function contextOf(session: readonly AttemptRecord[]): ThresholdContext {
  const context: ThresholdContext = {};
  const targets = new Set(session.map((a) => (a.question as { targetHz?: unknown }).targetHz));
  const [only] = targets;
  if (targets.size === 1 && typeof only === 'number') context.atHz = only;
  const last = session.at(-1)?.question as { tracks?: unknown } | undefined;
  const tracks = last?.tracks;
  if (Array.isArray(tracks)) context.tracks = tracks.length;
  return context;
}

function estimateFor(
  kind: KindInfo,
  variable: MainVariable,
  attempts: readonly AttemptRecord[],
  dayOf: DayOf,
): ThresholdEstimate {
  const mine = attempts
    .filter((a) => a.exercise === kind.id && adaptiveValueOf(a.question) !== null)
    .sort((x, y) => x.at - y.at);
  const sessions = replaySessions(mine, variable);
  const base = { kind: kind.id, title: kind.title, variable, trials: mine.length, sessions: sessions.length };
  const measured = [...sessions].reverse().find((s) => s.threshold !== null);
  if (measured && measured.threshold !== null) {
    return {
      ...base,
      status: 'measured',
      value: measured.threshold,
      words: describeThreshold(kind.id, measured.threshold, measured.context),
      note: `From your adaptive drill of ${measured.trials} answers: the mean of its last ${THRESHOLD_REVERSALS} turning points.`,
      reversals: measured.reversalValues.length,
      at: measured.at,
      day: dayOf(measured.at),
    };
  }
  const latest = sessions.at(-1);
  if (latest && latest.reversalValues.length >= 2) {
    const last = latest.reversalValues.slice(-THRESHOLD_REVERSALS);
    const value = last.reduce((s, v) => s + v, 0) / last.length;
    const more = REVERSALS_NEEDED - latest.reversalValues.length;
    return {
      ...base,
      status: 'early',
      value,
      words: describeThreshold(kind.id, value, latest.context),
      note: `An early estimate from ${latest.reversalValues.length} turning points; ${more} more in one drill pin it down.`,
      reversals: latest.reversalValues.length,
      at: latest.at,
      day: dayOf(latest.at),
    };
  }
  return {
    ...base,
    status: 'none',
    value: null,
    words: 'No threshold yet.',
    note:
      mine.length === 0
        ? 'Run an adaptive drill: it gets harder while you answer right and easier when you miss, until it finds your limit.'
        : `Keep going in one adaptive drill: we need ${REVERSALS_NEEDED} turning points, you have ${latest?.reversalValues.length ?? 0}.`,
    reversals: latest?.reversalValues.length ?? 0,
    at: latest?.at ?? null,
    day: latest ? dayOf(latest.at) : null,
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
