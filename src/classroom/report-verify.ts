/**
 * The teacher's re-check of a report against the teacher's own stored assignment. A report's checksum only
 * shows that nobody changed it by accident; anyone can recompute it. This check needs nothing from the
 * student's side: every question must be one the assignment fixed (kind, level, seed), every answer is
 * scored again here with the kind's own `check` on the question regenerated from its seed, and the times
 * must be ones a person could take. What it cannot prove is listed in `CHECK_LIMITS`.
 */

import { canonicalJson } from '../dsp/canonical-json';
import { type ExerciseId, exercises, isExerciseId } from '../exercises/registry';
import { generateOnImported } from '../exercises/shared/imported-kinds';
import {
  type ImportedSongSummary,
  SUMMARY_VERSION,
  summaryAsVersion,
} from '../exercises/shared/imported-song';
import type { CheckResult, QuestionBase } from '../exercises/types';
import type { Assignment, AssignmentItem } from './assignment';
import { questionsChangedSince } from './question-versions';
import type { Report, ReportItem } from './report';
import { summaryDigest } from './summary-digest';

/** Milliseconds. */
export type Ms = number;

/**
 * Fastest plausible answer. Even a simple reaction to a sound takes a person about 0.15 s, and choosing
 * one of several answers after hearing it (choice reaction time) at least about 0.3 s — before moving to
 * a button and confirming. The drill's clock starts when the question can be heard, so an answer under
 * 0.3 s was not given by someone who listened and chose.
 */
export const MIN_ANSWER_MS: Ms = 300;

/**
 * How far a student's clock may be off from the teacher's. Devices that set their clock from the network
 * agree within seconds; 15 minutes covers a drifting clock without letting a report dated tomorrow pass.
 */
export const CLOCK_SKEW_MS: Ms = 15 * 60_000;

/** What one failed check is about. */
export type ReportCheck =
  | 'edited'
  | 'hidden-characters'
  | 'unknown-assignment'
  | 'other-assignment'
  | 'items'
  | 'pass-mark'
  | 'foreign-question'
  | 'cannot-recheck'
  | 'score-mismatch'
  | 'song-mismatch'
  | 'song-missing'
  | 'song-decoded-differently'
  | 'song-other-version'
  | 'too-fast'
  | 'time-total'
  | 'before-created'
  | 'future';

/** One reason a report is flagged, in plain words for the teacher. */
export interface ReportProblem {
  check: ReportCheck;
  message: string;
}

/** What the checks prove and what they cannot (shown to the teacher next to the gradebook). */
export const CHECK_LIMITS = {
  proves: [
    'Every question is one your assignment set (same exercise, level and question).',
    'Every score matches the answer given: each answer is marked again here, against your copy of the assignment.',
    'The times are possible: no answer quicker than a person can hear and choose, no hand-in before you made the assignment or in the future.',
  ],
  cannot: [
    'That the student did the listening themselves, or that nobody else answered for them.',
    'That nobody wrote the right answers in by hand: reports are not tamper-proof. A flag means “look at this”; a clean report means “nothing looks wrong”.',
  ],
} as const;

/** Options: the time to judge "in the future" by, and what decoding found. */
export interface VerifyOptions {
  /** Epoch milliseconds (the teacher's clock). */
  now: number;
  /** Why decoding already flagged it (checksum or sums), if it did. */
  edited?: string;
  /** Whether invisible or direction-override characters were removed from its texts. */
  hidden?: boolean;
  /** This Headroom's version: a mismatch of scores on a report from another version says so. */
  appVersion?: string;
  /**
   * The assignment's imported song as this device has it (its drill summary), when the assignment names one;
   * absent or null when it is not here (the report is then not re-checked, and says so: no false mismatch).
   */
  song?: ImportedSongSummary | null;
}

/** Remembered scores (a class of 40 with 1,000 answers each fits). */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, number | null>();

const QUESTION_LIMIT = 5_000;
const questions = new Map<string, QuestionBase>();

/**
 * What names the summary a question is made on in the caches: the song's hash and its summary version (a report
 * from an older version is re-checked on that version rebuilt, whose questions can differ).
 */
const songKey = (song?: ImportedSongSummary) => (song ? `${song.hash}@${song.version}` : '');

/**
 * The question an assignment fixed, regenerated from its seed (some kinds take long to generate: kept); on an
 * imported song, from the teacher's copy of the song's summary.
 */
function questionFor(
  exercise: ExerciseId,
  level: number,
  seed: number,
  song?: ImportedSongSummary,
): QuestionBase {
  const key = `${exercise}|${level}|${seed}|${songKey(song)}`;
  let q = questions.get(key);
  if (!q) {
    q = song ? generateOnImported(exercise, seed, level, song) : exercises[exercise].generate(seed, level);
    if (questions.size >= QUESTION_LIMIT) questions.clear();
    questions.set(key, q);
  }
  return q;
}

/** Re-checks remembered whole (question and result), for the gradebook's per-track tables; small. */
const RECHECK_LIMIT = 200;
const rechecks = new Map<string, Recheck | null>();

/** An answer marked again: the question regenerated from its seed and the kind's own check of the answer. */
export interface Recheck {
  question: QuestionBase;
  result: CheckResult;
}

/** Marks an answer again (exercise, level, seed); null when it cannot be marked. Never reads the report's score. */
function markAgain(
  exercise: ExerciseId,
  level: number,
  seed: number,
  answer: unknown,
  song?: ImportedSongSummary,
): Recheck | null {
  try {
    const question = questionFor(exercise, level, seed, song);
    const result = exercises[exercise].check(question, answer);
    return Number.isFinite(result.score) ? { question, result } : null;
  } catch {
    return null; // an answer in a shape this exercise does not take
  }
}

function keyOf(
  exercise: string,
  level: number,
  seed: number,
  answer: unknown,
  song?: ImportedSongSummary,
): string | null {
  try {
    return `${exercise}|${level}|${seed}|${songKey(song)}|${canonicalJson(answer)}`;
  } catch {
    return null;
  }
}

/**
 * The question and the kind's own check of an answer to it (exercise, level, seed), recomputed here from the
 * answer alone (the details a report carries are never read); null when it cannot be marked, or when `madeBy`
 * (the report's app version) made other questions of this kind.
 */
export function recheckAnswer(
  exercise: string,
  level: number,
  seed: number,
  answer: unknown,
  song?: ImportedSongSummary,
  madeBy?: string,
): Recheck | null {
  if (!isExerciseId(exercise)) return null;
  if (madeBy !== undefined && questionsChangedSince(exercise, madeBy) !== null) return null;
  const key = keyOf(exercise, level, seed, answer, song);
  if (key === null) return null;
  const known = rechecks.get(key);
  if (known !== undefined) return known;
  const again = markAgain(exercise, level, seed, answer, song);
  if (rechecks.size >= RECHECK_LIMIT) rechecks.clear();
  rechecks.set(key, again);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, again ? Math.round(again.result.score) : null);
  return again;
}

/**
 * The kind's own score for an answer to the question (exercise, level, seed, and the imported song when the
 * assignment names one); null when it cannot be marked.
 */
export function rescoreAnswer(
  exercise: string,
  level: number,
  seed: number,
  answer: unknown,
  song?: ImportedSongSummary,
): number | null {
  if (!isExerciseId(exercise)) return null;
  const key = keyOf(exercise, level, seed, answer, song);
  if (key === null) return null;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const again = markAgain(exercise, level, seed, answer, song);
  const score = again ? Math.round(again.result.score) : null;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, score);
  return score;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function findItem(assignment: Assignment, item: ReportItem, index: number): AssignmentItem | undefined {
  const same = (a: AssignmentItem | undefined) =>
    a !== undefined && a.exercise === item.exercise && a.level === item.level;
  const at = assignment.items[index];
  return same(at) ? at : assignment.items.find(same);
}

function itemsMatch(report: Report, assignment: Assignment): string | null {
  if (report.items.length !== assignment.items.length)
    return `It has ${plural(report.items.length, 'item')}; your assignment has ${assignment.items.length}.`;
  for (const [i, it] of report.items.entries()) {
    const mine = assignment.items[i]!;
    if (it.exercise !== mine.exercise || it.level !== mine.level || it.questions !== mine.seeds.length)
      return `Its item ${i + 1} is ${it.exercise} level ${it.level} with ${it.questions} questions; yours is ${mine.exercise} level ${mine.level} with ${mine.seeds.length}.`;
  }
  return null;
}

/** Re-scores every answer and sums; the numbers behind the answer and score checks. */
interface Rescore {
  foreign: number;
  noAnswer: number;
  unreadable: number;
  mismatched: number;
  /** Answers to kinds whose questions changed after the report's version (not marked again), per kind. */
  older: Map<string, { since: string; n: number }>;
  /** Item numbers (1-based) whose stored score differs from the re-scored answers. */
  itemsOff: { n: number; stored: number; actual: number }[];
  total: { stored: number; actual: number } | null;
}

function rescore(report: Report, assignment: Assignment, song?: ImportedSongSummary): Rescore {
  const out: Rescore = {
    foreign: 0,
    noAnswer: 0,
    unreadable: 0,
    mismatched: 0,
    older: new Map(),
    itemsOff: [],
    total: null,
  };
  let sum = 0;
  let questions = 0;
  report.items.forEach((item, i) => {
    const mine = findItem(assignment, item, i);
    const count = mine?.seeds.length ?? item.questions;
    const first = new Map<number, number>();
    const since = questionsChangedSince(item.exercise, report.appVersion);
    for (const a of item.attempts) {
      if (!mine?.seeds.includes(a.seed)) {
        out.foreign++;
        continue;
      }
      let score = a.score;
      if (a.answer === undefined) out.noAnswer++;
      else if (since !== null) {
        // Made by a version whose questions of this kind were other ones: kept as the student's device marked it.
        const o = out.older.get(item.exercise) ?? { since, n: 0 };
        o.n++;
        out.older.set(item.exercise, o);
      } else {
        const again = rescoreAnswer(item.exercise, item.level, a.seed, a.answer, song);
        if (again === null) {
          out.unreadable++;
          score = 0;
        } else {
          if (again !== a.score) out.mismatched++;
          score = again;
        }
      }
      if (!first.has(a.seed)) first.set(a.seed, score);
    }
    const itemSum = [...first.values()].reduce((s, v) => s + v, 0);
    const actual = Math.round(itemSum / count);
    if (actual !== item.score) out.itemsOff.push({ n: i + 1, stored: item.score, actual });
    sum += itemSum;
    questions += count;
  });
  const actual = questions === 0 ? 0 : Math.round(sum / questions);
  if (actual !== report.score) out.total = { stored: report.score, actual };
  return out;
}

function answerProblems(
  report: Report,
  assignment: Assignment,
  appVersion?: string,
  song?: ImportedSongSummary,
): ReportProblem[] {
  const r = rescore(report, assignment, song);
  const out: ReportProblem[] = [];
  if (r.foreign > 0)
    out.push({
      check: 'foreign-question',
      message: `${plural(r.foreign, 'answer is', 'answers are')} to questions your assignment does not have.`,
    });
  const wrong = r.mismatched + r.unreadable;
  if (wrong > 0 || r.itemsOff.length > 0 || r.total) {
    const parts: string[] = [];
    if (r.mismatched > 0)
      parts.push(
        `${plural(r.mismatched, 'answer')} ${r.mismatched === 1 ? 'carries' : 'carry'} a score the answer does not earn`,
      );
    if (r.unreadable > 0)
      parts.push(`${plural(r.unreadable, 'answer is', 'answers are')} not one this exercise can mark`);
    for (const off of r.itemsOff.slice(0, 3))
      parts.push(`item ${off.n} says ${off.stored} but its answers score ${off.actual}`);
    if (r.total) parts.push(`the total says ${r.total.stored} but the answers score ${r.total.actual}`);
    const versions =
      r.mismatched > 0 && appVersion !== undefined && appVersion !== report.appVersion
        ? ` It was made with Headroom ${report.appVersion} and this is ${appVersion}: if the marking changed between those versions, that explains it.`
        : '';
    out.push({
      check: 'score-mismatch',
      message: `The scores don’t match the answers: ${parts.join('; ')}.${versions}`,
    });
  }
  for (const [exercise, { since, n }] of r.older)
    out.push({
      check: 'cannot-recheck',
      message: `Not re-checked: ${plural(n, 'answer is', 'answers are')} to “${isExerciseId(exercise) ? exercises[exercise].meta.title : exercise}” questions made by Headroom ${report.appVersion}; since ${since} Headroom makes other questions of that exercise from the same numbers, so those scores could not be confirmed: they are only what the student’s device wrote. Ask for the work again if they count.`,
    });
  if (r.noAnswer > 0)
    out.push({
      check: 'cannot-recheck',
      message: `Cannot be re-checked: ${plural(r.noAnswer, 'answer was', 'answers were')} handed in without the answer itself (made by an older Headroom?), so only the score the student’s device wrote is there.`,
    });
  return out;
}

function timeProblems(report: Report, assignment: Assignment | undefined, now: number): ReportProblem[] {
  const out: ReportProblem[] = [];
  const attempts = report.items.flatMap((it) => it.attempts);
  const fast = attempts.filter((a) => a.timeMs < MIN_ANSWER_MS).length;
  if (attempts.length > 0 && fast === attempts.length && attempts.every((a) => a.timeMs === 0))
    out.push({ check: 'too-fast', message: 'Every answer took 0 s: no one listened to these questions.' });
  else if (fast > 0)
    out.push({
      check: 'too-fast',
      message: `${plural(fast, 'answer')} took less than ${MIN_ANSWER_MS / 1000} s — quicker than a person can hear the question and choose.`,
    });
  const sum = attempts.reduce((s, a) => s + a.timeMs, 0);
  if (sum !== report.timeMs)
    out.push({
      check: 'time-total',
      message: `Its total time (${Math.round(report.timeMs / 1000)} s) is not the sum of its answers’ times (${Math.round(sum / 1000)} s).`,
    });
  if (assignment && report.handedInAt < assignment.createdAt - CLOCK_SKEW_MS)
    out.push({
      check: 'before-created',
      message:
        'It is dated before you made the assignment: the student’s clock is wrong, or the date was changed.',
    });
  if (report.handedInAt > now + CLOCK_SKEW_MS)
    out.push({
      check: 'future',
      message: 'It is dated in the future: the student’s clock is wrong, or the date was changed.',
    });
  return out;
}

/**
 * Every reason to flag a report, checked against the teacher's own assignment (undefined when this device
 * has none with the report's id). An empty list means every check passed.
 */
export function verifyReport(
  report: Report,
  assignment: Assignment | undefined,
  options: VerifyOptions,
): ReportProblem[] {
  const out: ReportProblem[] = [];
  if (options.edited) out.push({ check: 'edited', message: options.edited });
  if (options.hidden)
    out.push({
      check: 'hidden-characters',
      message:
        'Its names held invisible or text-direction characters; they were removed before showing them.',
    });
  if (!assignment) {
    out.push({
      check: 'unknown-assignment',
      message:
        'You did not make this assignment on this device, so its questions and answers cannot be checked against yours.',
    });
    return [...out, ...timeProblems(report, undefined, options.now)];
  }
  if (report.assignmentId !== assignment.id)
    out.push({
      check: 'other-assignment',
      message: `It is for a different assignment (id ${report.assignmentId}, not ${assignment.id}).`,
    });
  const items = itemsMatch(report, assignment);
  if (items) out.push({ check: 'items', message: `Its items differ from the assignment’s. ${items}` });
  if (report.passMark !== assignment.passMark)
    out.push({
      check: 'pass-mark',
      message: `It carries a different pass mark (${report.passMark}; yours is ${assignment.passMark}).`,
    });
  const assigned = assignment.song;
  if (!assigned)
    return [
      ...out,
      ...answerProblems(report, assignment, options.appVersion),
      ...timeProblems(report, assignment, options.now),
    ];
  // An assignment on an imported song: the report must name that song, and the answers are re-checked on this
  // device's copy of it (found by the same hash), or not at all when it is not here.
  if (report.songHash !== assigned.hash)
    out.push({
      check: 'song-mismatch',
      message:
        report.songHash === undefined
          ? `It names no song: it was not answered on “${assigned.name}”, the song you assigned.`
          : `It was answered on a different song from “${assigned.name}” (its stem files differ from yours), so its questions are not the ones you set.`,
    });
  const here = options.song && options.song.hash === assigned.hash ? options.song : null;
  if (!here)
    out.push({
      check: 'song-missing',
      message: `Not re-checked: “${assigned.name}” is not on this device. Import the same stem files (Produce → Library) to re-check these answers.`,
    });
  // The student's device measured the same files differently (another browser's decoder or resampler): a
  // question near a rounding step may have been made on another loop or other tracks, so re-checking its
  // answers here could flag an honest student. Reports from before the digest was carried are re-checked.
  // A report from another version of Headroom (reports without a version are from version 1) carries the
  // digest of that version's summary: this device rebuilds it (an older version kept fewer measurements, made
  // the same way) and re-checks when it matches — the drills that version had read only what both keep.
  const claimed = report.songSummaryVersion ?? 1;
  // A version newer than any this Headroom knows, from a report made with this very Headroom, was written in
  // by hand: said as an edit, and the answers are re-checked on this device's copy as usual.
  const sameApp = options.appVersion !== undefined && report.appVersion === options.appVersion;
  const impossible = claimed > SUMMARY_VERSION && sameApp;
  if (impossible)
    out.push({
      check: 'edited',
      message: `It says “${assigned.name}” was measured for drills by a version of Headroom newer than the one that made the report (${report.appVersion}): that part of the report was changed after it was made.`,
    });
  const theirVersion = impossible ? (here?.version ?? claimed) : claimed;
  const measuredApart =
    !impossible &&
    here !== null &&
    report.songHash === assigned.hash &&
    report.songDigest !== undefined &&
    report.songDigest !== summaryDigest(here);
  const theirs = here && measuredApart ? summaryAsVersion(here, theirVersion) : null;
  const sameAtTheirVersion =
    theirs !== null && theirs !== here && report.songDigest === summaryDigest(theirs);
  // Only a newer version cannot be rebuilt here; an older one is rebuilt exactly, so measurements that still
  // differ are the decoder case.
  const otherVersion = measuredApart && !sameAtTheirVersion && theirVersion > (here?.version ?? 0);
  const decodedApart = measuredApart && !sameAtTheirVersion && !otherVersion;
  // Not re-checked as a flag, but marked on this device's copy all the same, for the teacher to weigh.
  const onYourCopy = (): string => {
    if (!here) return '';
    // Answers the copy cannot make questions for (a kind newer than that version) leave it unsaid.
    if (rescore(report, assignment, theirs ?? here).unreadable > 0) return '';
    const again = answerProblems(report, assignment, undefined, theirs ?? here).find(
      (p) => p.check === 'score-mismatch',
    );
    return again
      ? ` Marked on your copy of the song (which may make some questions differently): ${again.message.replace(/^The scores don’t match the answers: /, '')}`
      : ' Marked on your copy of the song, its answers earn the scores it carries.';
  };
  if (otherVersion)
    out.push({
      check: 'song-other-version',
      message: `Not re-checked: the student’s device measured “${assigned.name}” for drills with a newer version of Headroom than yours, so its questions may not be the ones this device makes. Its scores are the ones the student’s device marked. If you both open Headroom while online (it updates itself and measures your songs again), the next report will be re-checked.${onYourCopy()}`,
    });
  if (decodedApart)
    out.push({
      check: 'song-decoded-differently',
      message: `Not re-checked: “${assigned.name}” decoded differently on the student’s device (the same stem files, measured a little differently by another browser), so some of its questions may not be the ones this device makes. Its scores are the ones the student’s device marked.${onYourCopy()}`,
    });
  return [
    ...out,
    ...(here && !decodedApart && !otherVersion
      ? // Re-checked on the summary the student's device had: this device's own, or it rebuilt at their version.
        answerProblems(report, assignment, options.appVersion, sameAtTheirVersion && theirs ? theirs : here)
      : []),
    ...timeProblems(report, assignment, options.now),
  ];
}
