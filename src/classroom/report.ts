/**
 * Reports: what a student hands in, and its codec. The checksum (SHA-256 of the canonical JSON, 16 hex
 * characters) detects accidental or casual edits. It is NOT tamper-proof: anyone who reads this code can
 * recompute it after changing a score.
 */

import { canonicalJson } from '../dsp/canonical-json';
import { type Assignment, MAX_LESSONS } from './assignment';
import { utf8Encode } from './bytes';
import { type CodecFailure, encodeFrame, readInput } from './codec';
import { guard, numberAsText, readArray, readInt, readObject, readText, readTime, refuse } from './fields';
import { type AssignmentAttempt, gradeAssignment } from './grading';
import { isContentHash } from './imported-song-hash';
import { packReport, unpackReport } from './report-pack';
import type {
  Report,
  ReportAttempt,
  ReportItem,
  ReportLesson,
  ReportQuiz,
  ReportThreshold,
} from './report-types';
import { sanitiseText } from './sanitise';
import { sha256Hex } from './sha256';
import { isSummaryDigest } from './summary-digest';

export type {
  Report,
  ReportAttempt,
  ReportItem,
  ReportLesson,
  ReportQuiz,
  ReportThreshold,
} from './report-types';

/** The report format this build writes and reads. */
export const REPORT_VERSION = 1;
/** Longest student name, in characters. */
export const MAX_STUDENT = 60;
/** Most attempts listed for one item. */
export const MAX_ITEM_ATTEMPTS = 500;

/**
 * A decoded report; `id` is the checksum of its actual content, `edited` says why it is flagged. `report`
 * has invisible and direction-override characters removed from its texts; `raw` is exactly as received
 * (store that one: the checksum is over it). `hidden` is set when such characters were removed.
 */
export type DecodedReport =
  | { ok: true; report: Report; id: string; edited?: string; raw?: Report; hidden?: true }
  | CodecFailure;

/** The checksum of a report's content (every field except the checksum itself). */
export function reportChecksum(report: Omit<Report, 'checksum'> & { checksum?: string }): string {
  const { checksum: _ignored, ...body } = report;
  return sha256Hex(utf8Encode(canonicalJson(body))).slice(0, 16);
}

/** Most thresholds one report carries. */
export const MAX_THRESHOLDS = 30;

/**
 * Builds a report from an assignment and the student's attempts on it; `extras` adds the assigned
 * lessons' status and the student's thresholds (left out when empty, so older readers see nothing new).
 */
export function buildReport(
  assignment: Assignment,
  attempts: readonly AssignmentAttempt[],
  who: { student: string; appVersion: string; handedInAt: number },
  extras: {
    lessons?: ReportLesson[];
    thresholds?: ReportThreshold[];
    songHash?: string;
    songDigest?: string;
    songSummaryVersion?: number;
  } = {},
): Report {
  const grade = gradeAssignment(assignment, attempts);
  const body: Omit<Report, 'checksum'> = {
    version: 1,
    assignmentId: assignment.id,
    assignmentTitle: assignment.title,
    passMark: assignment.passMark,
    student: sanitiseText(who.student).trim().slice(0, MAX_STUDENT),
    items: assignment.items.map((item, i) => ({
      exercise: item.exercise,
      level: item.level,
      questions: item.seeds.length,
      score: grade.items[i]!.score,
      attempts: grade.items[i]!.attempts.map((a) => ({
        seed: a.seed,
        score: a.score,
        timeMs: a.timeMs,
        ...(a.answer !== undefined ? { answer: a.answer } : {}),
      })),
    })),
    score: grade.score,
    timeMs: grade.timeMs,
    appVersion: who.appVersion.slice(0, 40),
    handedInAt: who.handedInAt,
    ...(extras.lessons?.length ? { lessons: extras.lessons.slice(0, MAX_LESSONS) } : {}),
    ...(extras.thresholds?.length ? { thresholds: extras.thresholds.slice(0, MAX_THRESHOLDS) } : {}),
    ...(extras.songHash ? { songHash: extras.songHash } : {}),
    ...(extras.songDigest ? { songDigest: extras.songDigest } : {}),
    ...(extras.songSummaryVersion !== undefined ? { songSummaryVersion: extras.songSummaryVersion } : {}),
  };
  return { ...body, checksum: reportChecksum(body) };
}

function readSongHash(value: unknown): string {
  if (!isContentHash(value)) refuse('songHash', 'The song’s content hash is malformed (64 hex digits).');
  return value;
}

function readSongDigest(value: unknown): string {
  if (!isSummaryDigest(value)) refuse('songDigest', 'The song’s digest is malformed (16 hex digits).');
  return value;
}

function validateItem(value: unknown, n: number, clean: boolean): ReportItem {
  const at = `items[${n - 1}]`;
  const item = readObject(value, at, `Item ${n}`);
  const exercise = readText(item.exercise, `${at}.exercise`, `Item ${n}’s exercise`, {
    min: 1,
    max: 64,
    clean,
  });
  const level = readInt(item.level, `${at}.level`, `Item ${n}’s level`, 1, 99);
  const questions = readInt(item.questions, `${at}.questions`, `Item ${n}’s question count`, 1, 1000);
  const score = readInt(item.score, `${at}.score`, `Item ${n}’s score`, 0, 100);
  const list = readArray(item.attempts, `${at}.attempts`, `Item ${n}’s attempts`, MAX_ITEM_ATTEMPTS);
  const attempts = list.map((raw, k) => {
    const f = `${at}.attempts[${k}]`;
    const a = readObject(raw, f, `Item ${n}, attempt ${k + 1}`);
    const out: ReportAttempt = {
      seed: readInt(a.seed, `${f}.seed`, `Item ${n}, attempt ${k + 1}: seed`, 0, 0xffffffff),
      score: readInt(a.score, `${f}.score`, `Item ${n}, attempt ${k + 1}: score`, 0, 100),
      timeMs: readInt(a.timeMs, `${f}.timeMs`, `Item ${n}, attempt ${k + 1}: time`, 0, 86_400_000),
    };
    if (a.answer !== undefined && a.answer !== null) {
      if (!plainAnswer(a.answer, 0))
        refuse(`${f}.answer`, `Item ${n}, attempt ${k + 1}: the answer is not in a shape Headroom knows.`);
      out.answer = a.answer;
    }
    return out;
  });
  return { exercise, level, questions, score, attempts };
}

/**
 * An answer is plain JSON: numbers, short texts, true/false, and lists or fields of those, at most 8 deep
 * and 256 wide (a whole mix: tracks → track → EQ bands → band → values).
 */
function plainAnswer(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= 200;
  if (depth >= 8 || typeof value !== 'object') return false;
  const values = Array.isArray(value) ? value : Object.values(value);
  return values.length <= 256 && values.every((v) => plainAnswer(v, depth + 1));
}

const QUIZ_STATES: readonly ReportQuiz[] = ['first-try', 'after-retry', 'not-passed', 'not-tried', 'no-quiz'];

function validateLessons(value: unknown): ReportLesson[] {
  return readArray(value, 'lessons', 'The lesson list', MAX_LESSONS).map((raw, k) => {
    const at = `lessons[${k}]`;
    const l = readObject(raw, at, `Lesson ${k + 1}`);
    const id = readText(l.id, `${at}.id`, `Lesson ${k + 1}’s id`, { min: 1, max: 64 });
    if (!/^[a-z0-9-]+$/.test(id)) refuse(`${at}.id`, `Lesson ${k + 1}’s id is malformed.`);
    if (typeof l.done !== 'boolean') refuse(`${at}.done`, `Lesson ${k + 1}: “done” must be true or false.`);
    if (!QUIZ_STATES.includes(l.quiz as ReportQuiz))
      refuse(`${at}.quiz`, `Lesson ${k + 1}: the quiz status is not one Headroom knows.`);
    return { id, done: l.done as boolean, quiz: l.quiz as ReportQuiz };
  });
}

function readAmount(value: unknown, field: string, label: string): number {
  if (typeof value === 'string') refuse(field, numberAsText(field, label, value));
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1e6)
    refuse(field, `${label} must be a number from 0 to 1000000.`);
  return value as number;
}

function validateThresholds(value: unknown): ReportThreshold[] {
  return readArray(value, 'thresholds', 'The threshold list', MAX_THRESHOLDS).map((raw, k) => {
    const at = `thresholds[${k}]`;
    const n = `Threshold ${k + 1}`;
    const t = readObject(raw, at, n);
    const out: ReportThreshold = {
      exercise: readText(t.exercise, `${at}.exercise`, `${n}’s exercise`, { min: 1, max: 64 }),
      value: readAmount(t.value, `${at}.value`, `${n}’s value`),
      low: readAmount(t.low, `${at}.low`, `${n}’s low end`),
      high: readAmount(t.high, `${at}.high`, `${n}’s high end`),
      at: readTime(t.at, `${at}.at`, `${n}’s date`),
    };
    if (!(out.low <= out.value && out.value <= out.high))
      refuse(at, `${n}: the value must lie between its low and high ends.`);
    return out;
  });
}

function validate(value: unknown, clean: boolean): Report {
  const r = readObject(value, '', 'The report');
  if (typeof r.version === 'string')
    refuse('version', numberAsText('version', 'The format version', r.version));
  if (r.version !== REPORT_VERSION)
    refuse('version', `The report’s format version ${String(r.version)} is not one Headroom knows.`);
  const assignmentId = readText(r.assignmentId, 'assignmentId', 'The assignment id', { min: 4, max: 64 });
  if (!/^[A-Za-z0-9_-]+$/.test(assignmentId)) refuse('assignmentId', 'The assignment id is malformed.');
  const items = readArray(r.items, 'items', 'The item list', 30).map((item, i) =>
    validateItem(item, i + 1, clean),
  );
  if (items.length === 0) refuse('items', 'The report has no items.');
  const checksum = r.checksum;
  if (typeof checksum !== 'string' || !/^[0-9a-f]{16}$/.test(checksum))
    refuse('checksum', 'The report’s checksum is missing or malformed.');
  return {
    version: 1,
    assignmentId,
    assignmentTitle: readText(r.assignmentTitle, 'assignmentTitle', 'The assignment title', {
      min: 1,
      max: 120,
      clean,
    }),
    passMark: readInt(r.passMark, 'passMark', 'The pass mark', 0, 100),
    student: readText(r.student, 'student', 'The student’s name', { min: 1, max: MAX_STUDENT, clean }),
    items,
    score: readInt(r.score, 'score', 'The total score', 0, 100),
    timeMs: readInt(r.timeMs, 'timeMs', 'The time spent', 0, 1e10),
    appVersion: readText(r.appVersion, 'appVersion', 'The app version', { min: 1, max: 40, clean }),
    handedInAt: readTime(r.handedInAt, 'handedInAt', 'The hand-in time'),
    ...(r.lessons !== undefined ? { lessons: validateLessons(r.lessons) } : {}),
    ...(r.thresholds !== undefined ? { thresholds: validateThresholds(r.thresholds) } : {}),
    ...(r.songHash !== undefined ? { songHash: readSongHash(r.songHash) } : {}),
    ...(r.songDigest !== undefined ? { songDigest: readSongDigest(r.songDigest) } : {}),
    ...(r.songSummaryVersion !== undefined
      ? {
          songSummaryVersion: readInt(
            r.songSummaryVersion,
            'songSummaryVersion',
            'The song’s measuring version',
            1,
            999,
          ),
        }
      : {}),
    checksum,
  };
}

/** Recomputes the scores from the attempts; a mismatch means the numbers were changed by hand. */
function scoresMatch(report: Report): boolean {
  let sum = 0;
  let questions = 0;
  for (const item of report.items) {
    const first = new Map<number, number>();
    for (const a of item.attempts) if (!first.has(a.seed)) first.set(a.seed, a.score);
    if (first.size > item.questions) return false;
    const itemSum = [...first.values()].reduce((s, v) => s + v, 0);
    if (Math.round(itemSum / item.questions) !== item.score) return false;
    sum += itemSum;
    questions += item.questions;
  }
  return Math.round(sum / questions) === report.score;
}

/** Checks a report object; a wrong checksum or inconsistent scores flag it (`edited`) rather than refuse it. */
export function validateReport(value: unknown): DecodedReport {
  const r = guard('report', () => ({ raw: validate(value, false), report: validate(value, true) }));
  if (!r.ok) return r;
  const { raw, report } = r.value;
  const id = reportChecksum(raw);
  const hidden = canonicalJson(raw) !== canonicalJson(report);
  const out = { ok: true as const, report, id, ...(hidden ? { raw, hidden: true as const } : {}) };
  if (id !== raw.checksum)
    return { ...out, edited: 'Checksum does not match: this report was changed after hand-in.' };
  if (!scoresMatch(report))
    return { ...out, edited: 'The scores do not add up from the answers: edited by hand?' };
  return out;
}

/** Encodes a report as a copyable code `r1.<base64url>.<check>`. */
export function encodeReport(report: Report): string {
  return encodeFrame('report', REPORT_VERSION, packReport(report));
}

/** Reads a report from its code, a link containing it, or its `.headroom.json` file. Never throws. */
export function decodeReport(text: unknown): DecodedReport {
  try {
    const input = readInput(text, 'report', REPORT_VERSION);
    if (!input.ok) return input;
    return validateReport(input.packed ? unpackReport(input.value) : input.value);
  } catch {
    return { ok: false, code: 'invalid', error: 'This report could not be read.' };
  }
}

/**
 * The `.headroom.json` file's text for a report: readable fields, one line per item (answers indented
 * line by line would double the size of a report with whole-mix answers).
 */
export function reportFileText(report: Report): string {
  const { items, ...rest } = report;
  const marker = '\u0000items';
  const head = JSON.stringify({ headroom: 'report', ...rest, items: marker }, null, 2);
  const list = `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  return `${head.replace(JSON.stringify(marker), () => list)}\n`;
}

/** A file name for a report: student and assignment title. */
export function reportFileName(report: Pick<Report, 'student' | 'assignmentTitle'>): string {
  const slug = `${report.student} ${report.assignmentTitle}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'report'}.report.headroom.json`;
}
