import { describe, expect, it } from 'vitest';
import type { GradebookRow, GradebookTable } from '../../src/classroom/gradebook';
import {
  canvasCsv,
  emailIn,
  googleClassroomShareUrl,
  lmsExportGaps,
  moodleCsv,
} from '../../src/classroom/lms-csv';

const row = (student: string, score: number, extra: Partial<GradebookRow> = {}): GradebookRow => ({
  id: student,
  student,
  scores: [score],
  score,
  passed: score >= 70,
  timeMs: 60_000,
  handedInAt: 1,
  problems: [],
  flags: [],
  counted: true,
  ...extra,
});
const stats = { n: 0, mean: null, median: null, passRate: null };
const table: GradebookTable = {
  assignmentId: 'wk3',
  title: 'Week 3, EQ',
  passMark: 70,
  known: true,
  columns: [{ exercise: 'eq-boost', level: 1, questions: 5 }],
  rows: [
    row('Kim Lee <Kim@School.example>', 85),
    row('=SUM(A1)', 40),
    row('Sam "the ear" Roe', 72, { accepted: { by: 'Ms P', at: 2 } }),
    row('Flagged Fay', 100, { counted: false, problems: [{ check: 'score-mismatch', message: 'x' }] }),
  ],
  itemStats: [stats],
  total: stats,
};

describe('LMS grade files', () => {
  it('Canvas: header, Points Possible row, one row per counted student, login from an email', () => {
    expect(canvasCsv(table).split('\r\n')).toEqual([
      'Student,ID,SIS User ID,SIS Login ID,Section,"Headroom: Week 3, EQ"',
      'Points Possible,,,,,100',
      'Kim Lee,,,kim@school.example,,85',
      "'=SUM(A1),,,,,40",
      '"Sam ""the ear"" Roe",,,,,72',
      '',
    ]);
    expect(canvasCsv(table).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('Moodle: name, email, grade and feedback; flagged reports wait', () => {
    const text = moodleCsv(table);
    expect(text.split('\r\n')).toEqual([
      'Full name,Email address,"Headroom: Week 3, EQ",Feedback',
      'Kim Lee,kim@school.example,85,Passed (pass mark 70).',
      "'=SUM(A1),,40,Not passed (pass mark 70).",
      '"Sam ""the ear"" Roe",,72,Passed (pass mark 70). Accepted after a flag.',
      '',
    ]);
    expect(text).not.toContain('Flagged Fay');
    expect(lmsExportGaps(table)).toEqual({ leftOut: 1, withoutEmail: 2 });
  });

  it('finds an email in a typed name', () => {
    expect(emailIn('kim@school.example')).toBe('kim@school.example');
    expect(emailIn('Kim (kim.lee@school.example)')).toBe('kim.lee@school.example');
    expect(emailIn('Kim Lee')).toBe('');
  });

  it('the Google Classroom share link carries the assignment link, title and words, encoded', () => {
    const url = googleClassroomShareUrl(
      'https://headroom.example/classroom/open#a=xyz&b',
      'Week 3 & EQ',
      'Do it',
    );
    expect(url).toBe(
      'https://classroom.google.com/share?url=https%3A%2F%2Fheadroom.example%2Fclassroom%2Fopen%23a%3Dxyz%26b&title=Week%203%20%26%20EQ&body=Do%20it',
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get('url')).toBe('https://headroom.example/classroom/open#a=xyz&b');
  });
});
