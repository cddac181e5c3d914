/**
 * The student side of the classroom: open an assignment (link, code or file), pick the profile that does
 * it, run its questions (fixed seeds), and hand in a report. The drill runner plugs in through
 * `registerAssignmentRunner`; until one is registered, the page lists the items with their status.
 */

import { signal } from '@preact/signals';
import { version as APP_VERSION } from '../../../package.json';
import {
  type Assignment,
  type DecodedAssignment,
  decodeAssignment,
  validateAssignment,
} from '../../classroom/assignment';
import {
  type AssignmentAttempt,
  type AssignmentGrade,
  type AssignmentQuestion,
  gradeAssignment,
  remainingQuestions,
} from '../../classroom/grading';
import {
  buildReport,
  encodeReport,
  type Report,
  reportFileName,
  reportFileText,
} from '../../classroom/report';
import { reportLessons, reportThresholds } from '../../classroom/report-extras';
import { summaryDigest } from '../../classroom/summary-digest';
import { canonicalJson } from '../../dsp/canonical-json';
import { exercises, isExerciseId } from '../../exercises/registry';
import type { ImportedSongSummary } from '../../exercises/shared/imported-song';
import {
  addAssignmentIfAbsent,
  deleteAssignmentRecord,
  getAssignmentRecord,
  listAssignmentRecords,
  markHandedIn,
  saveAssignmentRecord,
  studentKey,
} from '../../storage/assignments';
import { listAttempts } from '../../storage/attempts';
import { toStorageError } from '../../storage/errors';
import { listLessonStates } from '../../storage/lessons';
import type { HeadroomDb } from '../../storage/open';
import { drillSongByHashNow } from '../library/drill-songs';
import { showNotice } from '../shared/notices';
import { activeProfileId, database, profiles, saveAttempt } from '../shared/storage';
import { assignmentSong } from './assignment-song';
import { switchProfile } from './profiles';
import { cmi5HandedIn } from './xapi-hooks';

export type { Assignment, AssignmentGrade, AssignmentQuestion, DecodedAssignment, Report };
export { APP_VERSION };

/** An assignment a profile received, with where that profile is in it. */
export interface StudentAssignment {
  key: string;
  assignment: Assignment;
  profileId: string;
  savedAt: number;
  handedInAt?: number;
  grade: AssignmentGrade;
}

/** What a drill runner needs to run an assignment: the questions left and how to record each answer. */
export interface AssignmentRun {
  assignmentId: string;
  title: string;
  questions: AssignmentQuestion[];
  /** Stores one answered question (with `assignmentId`) for the active profile; true when it landed. */
  record(question: AssignmentQuestion, result: AnsweredQuestion): Promise<boolean>;
  /** The page to go back to when the drill is closed (the assignment's, or the teacher's after a preview). */
  returnTo?: string;
  /** The imported song every question plays (its drill summary), when the assignment names one. */
  song?: ImportedSongSummary;
}

/** One graded answer, as the drill runner has it. */
export interface AnsweredQuestion {
  question: unknown;
  answer: unknown;
  /** Integer 0–100 from the kind's check(). */
  score: number;
  timeMs: number;
}

/** A result, or a sentence saying why not. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: string };

/** An assignment decoded from a pasted code or chosen file, waiting for "Keep it" on /classroom/open. */
export const openedAssignment = signal<Assignment | null>(null);

/** The active profile's received assignments, newest first. */
export const studentAssignments = signal<StudentAssignment[]>([]);

let runner: ((run: AssignmentRun) => void) | null = null;
/** Whether a drill runner has registered (the Start button runs questions only then). */
export const assignmentRunnerReady = signal(false);

/** The drill runner calls this once at start-up; "Start" then hands it an AssignmentRun. */
export function registerAssignmentRunner(start: (run: AssignmentRun) => void): void {
  runner = start;
  assignmentRunnerReady.value = true;
}

/** Decodes a link, code or file text. Nothing is stored. */
export function readAssignment(text: string): DecodedAssignment {
  return decodeAssignment(text);
}

function fail(error: unknown): { ok: false; error: string } {
  const e = toStorageError(error);
  showNotice({ id: `classroom-${e.kind}`, tone: 'error', text: e.message });
  return { ok: false, error: e.message };
}

/** The attempts a profile made on one assignment. */
export async function assignmentAttempts(
  assignmentId: string,
  profileId = activeProfileId.value,
): Promise<AssignmentAttempt[]> {
  const all = await listAttempts(await database(), profileId);
  return all.filter((a) => a.assignmentId === assignmentId);
}

/** Reloads the active profile's received assignments with their grades. */
export async function loadStudentAssignments(): Promise<void> {
  const db = await database();
  const profileId = activeProfileId.value;
  const records = await listAssignmentRecords(db, { role: 'student', profileId });
  const attempts = (await listAttempts(db, profileId)).filter((a) => a.assignmentId !== undefined);
  const out: StudentAssignment[] = [];
  for (const r of records) {
    const valid = validateAssignment(r.assignment);
    if (!valid.ok) continue; // a record from an older, incompatible build: skip it rather than crash
    const mine = attempts.filter((a) => a.assignmentId === valid.assignment.id);
    out.push({
      key: r.id,
      assignment: valid.assignment,
      profileId,
      savedAt: r.savedAt,
      ...(r.handedInAt !== undefined ? { handedInAt: r.handedInAt } : {}),
      grade: gradeAssignment(valid.assignment, mine),
    });
  }
  studentAssignments.value = out;
}

/** The profile already kept a different assignment under the same id: which one, and since when. */
export interface AssignmentConflict {
  ok: false;
  error: string;
  kept: { title: string; savedAt: number };
}

/**
 * Keeps a decoded assignment for a profile (re-opening the same link keeps earlier progress) and switches
 * to it. A different assignment under an id the profile already kept is not opened silently: the answer
 * is a conflict, and only `{ replace: true }` swaps the kept one for the new one.
 */
export async function acceptAssignment(
  assignment: Assignment,
  profileId: string,
  options: { replace?: boolean } = {},
): Promise<Outcome<{ key: string }> | AssignmentConflict> {
  if (!profiles.value.some((p) => p.id === profileId)) return { ok: false, error: 'Choose a profile first.' };
  try {
    const key = studentKey(profileId, assignment.id);
    const db = await database();
    const record = { id: key, role: 'student' as const, assignment, profileId, savedAt: Date.now() };
    const { record: kept, created } = await addAssignmentIfAbsent(db, record);
    if (!created) {
      const old = validateAssignment(kept.assignment);
      const same = old.ok && canonicalJson(old.assignment) === canonicalJson(assignment);
      if (!same && !options.replace) {
        const title = old.ok ? old.assignment.title : 'an assignment this Headroom can no longer read';
        return {
          ok: false,
          error: `This profile already has a different assignment with the same id: “${title}”. Choose which one to keep.`,
          kept: { title, savedAt: kept.savedAt },
        };
      }
      if (!same) await saveAssignmentRecord(db, record);
    }
    await switchProfile(profileId);
    await loadStudentAssignments();
    return { ok: true, key };
  } catch (error) {
    return fail(error);
  }
}

/** Stores one answered assignment question for the active profile (with progress, in one transaction). */
export async function recordAssignmentAttempt(
  assignmentId: string,
  q: AssignmentQuestion,
  result: AnsweredQuestion,
): Promise<boolean> {
  const skill = isExerciseId(q.exercise) ? exercises[q.exercise].meta.skill : 'unknown';
  const ok = await saveAttempt({
    exercise: q.exercise,
    skill,
    level: q.level,
    seed: q.seed,
    question: result.question,
    answer: result.answer,
    score: result.score,
    timeMs: result.timeMs,
    at: Date.now(),
    assignmentId,
  });
  if (ok) await loadStudentAssignments();
  return ok;
}

/** The questions the active profile has not answered yet (what Start runs), in assignment order. */
export async function questionsToRun(assignment: Assignment): Promise<AssignmentQuestion[]> {
  return remainingQuestions(assignment, await assignmentAttempts(assignment.id));
}

/** Starts the registered drill runner on what is left; false when no runner is registered yet. */
export async function startAssignment(assignment: Assignment): Promise<boolean> {
  if (!runner) return false;
  // On an imported song the questions are made from this device's copy of it (the work view asks for the
  // files first when it is not here).
  const song = await assignmentSong(assignment);
  if (assignment.song && !song) return false;
  const questions = await questionsToRun(assignment);
  runner({
    assignmentId: assignment.id,
    title: assignment.title,
    questions,
    record: (q, result) => recordAssignmentAttempt(assignment.id, q, result),
    returnTo: `/classroom/work/${encodeURIComponent(assignment.id)}`,
    ...(song ? { song } : {}),
  });
  return true;
}

/** Teacher's preview: runs every question of an assignment as a student would, storing nothing. */
export function previewAssignment(assignment: Assignment): boolean {
  if (!runner) return false;
  const song = assignment.song ? drillSongByHashNow(assignment.song.hash) : null;
  if (assignment.song && !song) {
    showNotice({
      id: 'classroom-song',
      tone: 'error',
      text: `“${assignment.song.name}” is not on this device: import its stems in Produce → Library to preview.`,
    });
    return true;
  }
  runner({
    assignmentId: assignment.id,
    title: `Preview: ${assignment.title}`,
    questions: remainingQuestions(assignment, []),
    record: async () => true,
    returnTo: '/classroom/teach',
    ...(song ? { song } : {}),
  });
  return true;
}

/** A handed-in report in every form the student can send. */
export interface HandIn {
  report: Report;
  code: string;
  fileText: string;
  fileName: string;
}

/** The assigned lessons' status and the profile's thresholds on the assignment's kinds, for its report. */
async function reportExtras(db: HeadroomDb, assignment: Assignment, profileId: string) {
  const [states, all] = await Promise.all([listLessonStates(db, profileId), listAttempts(db, profileId)]);
  const progress = Object.fromEntries(states.map((s) => [s.lessonId, s]));
  // Thresholds come from the profile's own adaptive drills, never from the assignment's fixed questions.
  return { lessons: reportLessons(assignment, progress), thresholds: reportThresholds(assignment, all) };
}

/**
 * The song the answers were given on (the device found it by this hash before any question ran), and how this
 * device measured it: the teacher's re-check compares that digest with its own.
 */
async function songExtras(
  assignment: Assignment,
): Promise<{ songHash?: string; songDigest?: string; songSummaryVersion?: number }> {
  const song = assignment.song && (await assignmentSong(assignment));
  return assignment.song && song
    ? { songHash: assignment.song.hash, songDigest: summaryDigest(song), songSummaryVersion: song.version }
    : {};
}

/** Builds the report for a profile's assignment (name as given), and remembers the hand-in time. */
export async function handInAssignment(key: string, student: string): Promise<Outcome<HandIn>> {
  const name = student.trim();
  if (name === '') return { ok: false, error: 'Type your name so your teacher knows whose report it is.' };
  try {
    const db = await database();
    const record = await getAssignmentRecord(db, key);
    const valid = record && validateAssignment(record.assignment);
    if (!record || !valid?.ok || record.profileId === undefined)
      return { ok: false, error: 'This assignment is no longer stored on this device.' };
    const attempts = await assignmentAttempts(valid.assignment.id, record.profileId);
    const handedInAt = Date.now();
    const report = buildReport(
      valid.assignment,
      attempts,
      { student: name, appVersion: APP_VERSION, handedInAt },
      {
        ...(await reportExtras(db, valid.assignment, record.profileId)),
        ...(await songExtras(valid.assignment)),
      },
    );
    await markHandedIn(db, key, handedInAt);
    await loadStudentAssignments();
    cmi5HandedIn(report.score, report.passMark);
    return {
      ok: true,
      report,
      code: encodeReport(report),
      fileText: reportFileText(report),
      fileName: reportFileName(report),
    };
  } catch (error) {
    return fail(error);
  }
}

/** Removes a received assignment from this device (its attempts stay in the profile's history). */
export async function removeStudentAssignment(key: string): Promise<boolean> {
  try {
    await deleteAssignmentRecord(await database(), key);
    await loadStudentAssignments();
    return true;
  } catch (error) {
    fail(error);
    return false;
  }
}
