/** The short-key form of a report inside a code (attempts as [seed, score, timeMs, answer?] lists). */
import type { Report } from './report-types';

/**
 * Short keys; an item is [exercise, level, questions, score, [[seed, score, timeMs, answer?], …]], a lesson
 * [id, done 1/0, quiz], a threshold [exercise, value, low, high, at].
 */
export function packReport(r: Report): Record<string, unknown> {
  return {
    i: r.assignmentId,
    t: r.assignmentTitle,
    p: r.passMark,
    s: r.student,
    x: r.items.map((item) => [
      item.exercise,
      item.level,
      item.questions,
      item.score,
      item.attempts.map((a) =>
        a.answer === undefined ? [a.seed, a.score, a.timeMs] : [a.seed, a.score, a.timeMs, a.answer],
      ),
    ]),
    S: r.score,
    T: r.timeMs,
    v: r.appVersion,
    h: r.handedInAt,
    ...(r.lessons ? { L: r.lessons.map((l) => [l.id, l.done ? 1 : 0, l.quiz]) } : {}),
    ...(r.thresholds ? { H: r.thresholds.map((t) => [t.exercise, t.value, t.low, t.high, t.at]) } : {}),
    ...(r.songHash !== undefined ? { g: r.songHash } : {}),
    ...(r.songDigest !== undefined ? { gd: r.songDigest } : {}),
    ...(r.songSummaryVersion !== undefined ? { gv: r.songSummaryVersion } : {}),
    k: r.checksum,
  };
}

function unpackAttempt(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const [seed, score, timeMs, answer] = value as unknown[];
  return answer === undefined ? { seed, score, timeMs } : { seed, score, timeMs, answer };
}

function unpackItem(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const [exercise, level, questions, score, attempts] = value as unknown[];
  return {
    exercise,
    level,
    questions,
    score,
    attempts: Array.isArray(attempts) ? attempts.map(unpackAttempt) : attempts,
  };
}

function unpackLesson(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const [id, done, quiz] = value as unknown[];
  return { id, done: done === 1 ? true : done === 0 ? false : done, quiz };
}

function unpackThreshold(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const [exercise, v, low, high, at] = value as unknown[];
  return { exercise, value: v, low, high, at };
}

/** Back to the full form, without judging it (the validator does that). */
export function unpackReport(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const p = value as Record<string, unknown>;
  return {
    version: 1,
    assignmentId: p.i,
    assignmentTitle: p.t,
    passMark: p.p,
    student: p.s,
    items: Array.isArray(p.x) ? p.x.map(unpackItem) : p.x,
    score: p.S,
    timeMs: p.T,
    appVersion: p.v,
    handedInAt: p.h,
    ...(p.L !== undefined ? { lessons: Array.isArray(p.L) ? p.L.map(unpackLesson) : p.L } : {}),
    ...(p.H !== undefined ? { thresholds: Array.isArray(p.H) ? p.H.map(unpackThreshold) : p.H } : {}),
    ...(p.g !== undefined ? { songHash: p.g } : {}),
    ...(p.gd !== undefined ? { songDigest: p.gd } : {}),
    ...(p.gv !== undefined ? { songSummaryVersion: p.gv } : {}),
    checksum: p.k,
  };
}
