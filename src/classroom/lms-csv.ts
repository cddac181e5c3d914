/**
 * Grades in the layouts LMS gradebooks import (pure). Only counted rows go out: each student's newest
 * report that passed the re-check or that the teacher accepted anyway; flagged reports wait for a decision.
 * - Canvas (Grades → Import): columns Student, ID, SIS User ID, SIS Login ID, Section, then one column per
 *   assignment; a "Points Possible" row under the header. Canvas matches students by its ID columns, so a
 *   teacher fills those in (or copies them from a Canvas export); a new assignment column creates a new
 *   assignment in Canvas.
 * - Moodle (Grades → Import → CSV file): any header; the teacher maps one column to identify users (email
 *   address here) and the grade column to a grade item; the feedback column can be mapped to its feedback.
 * Both files: comma-separated, RFC 4180 quoting, CRLF, UTF-8 without a byte-order mark (an upload, not a
 * spreadsheet: a BOM would become part of the first header).
 */
import { type CsvValue, csvCell } from './csv';
import type { GradebookRow, GradebookTable } from './gradebook';

/** Score points possible: Headroom scores run 0–100. */
export const POINTS_POSSIBLE = 100;

const EMAIL = /[^\s<>()@,;:"]+@[^\s<>()@,;:"]+\.[^\s<>()@,;:".]+/;

/** The email address in a student's hand-in name ("Kim Lee <kim@school.example>"), or ''. */
export function emailIn(name: string): string {
  return EMAIL.exec(name)?.[0]?.toLowerCase() ?? '';
}

/** The name without an email address in it. */
function plainName(name: string): string {
  const email = EMAIL.exec(name)?.[0];
  if (!email) return name.trim();
  const rest = name
    .replace(email, '')
    .replace(/[<>()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return rest || name.trim();
}

const lines = (rows: readonly (readonly CsvValue[])[]) =>
  `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

const counted = (t: GradebookTable): GradebookRow[] => t.rows.filter((r) => r.counted);

/** The assignment's column name in the LMS: its title and pass mark. */
export function lmsColumnName(t: Pick<GradebookTable, 'title'>): string {
  return `Headroom: ${t.title}`;
}

/** The gradebook in Canvas's import layout. */
export function canvasCsv(t: GradebookTable): string {
  return lines([
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', lmsColumnName(t)],
    ['Points Possible', '', '', '', '', POINTS_POSSIBLE],
    ...counted(t).map((r) => [plainName(r.student), '', '', emailIn(r.student), '', r.score]),
  ]);
}

/** The gradebook in a layout Moodle's CSV grade import maps: name, email, grade, feedback. */
export function moodleCsv(t: GradebookTable): string {
  return lines([
    ['Full name', 'Email address', lmsColumnName(t), 'Feedback'],
    ...counted(t).map((r) => [
      plainName(r.student),
      emailIn(r.student),
      r.score,
      `${r.passed ? 'Passed' : 'Not passed'} (pass mark ${t.passMark}).${r.accepted ? ' Accepted after a flag.' : ''}`,
    ]),
  ]);
}

/** How many rows each file leaves out, and how many lack an email (Moodle cannot match those). */
export function lmsExportGaps(t: GradebookTable): { leftOut: number; withoutEmail: number } {
  const rows = counted(t);
  return {
    leftOut: t.rows.length - rows.length,
    withoutEmail: rows.filter((r) => !emailIn(r.student)).length,
  };
}

/**
 * A "Share to Google Classroom" link: Google's share page with the assignment link, a title and a
 * description (the parameters of Google's Classroom share button). Opening it is the teacher's click: the
 * page itself loads nothing from Google.
 */
export function googleClassroomShareUrl(link: string, title: string, body: string): string {
  const q = (s: string) => encodeURIComponent(s);
  return `https://classroom.google.com/share?url=${q(link)}&title=${q(title)}&body=${q(body)}`;
}
