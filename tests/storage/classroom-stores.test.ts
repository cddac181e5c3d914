import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAssignmentIfAbsent,
  deleteTeacherAssignment,
  getAssignmentRecord,
  listAssignmentRecords,
  markHandedIn,
  saveAssignmentRecord,
  studentKey,
  teacherKey,
} from '../../src/storage/assignments';
import { listAttempts, recordAttempt } from '../../src/storage/attempts';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import {
  deleteProfile,
  ensureDefaultProfile,
  listProfiles,
  renameProfile,
  saveProfile,
} from '../../src/storage/profiles';
import { listProgress } from '../../src/storage/progress';
import { deleteReportRecord, importReportRecords, listReportRecords } from '../../src/storage/reports';
import type { Attempt, StoredReport } from '../../src/storage/schema';

let db: HeadroomDb;
let n = 0;
beforeEach(async () => {
  db = await openHeadroomDb({ name: `headroom-classroom-${++n}` });
  await ensureDefaultProfile(db, 1);
});
afterEach(() => db.close());

const attempt = (profileId: string, over: Partial<Attempt> = {}): Attempt => ({
  profileId,
  exercise: 'eq-boost',
  skill: 'eq',
  level: 1,
  seed: 7,
  question: {},
  answer: {},
  score: 80,
  timeMs: 1000,
  at: Date.UTC(2026, 2, 1),
  ...over,
});
const report = (id: string, assignmentId: string): StoredReport => ({
  id,
  assignmentId,
  student: 'Ana',
  report: { id },
  importedAt: 5,
});

describe('profiles: rename and delete', () => {
  it('renames', async () => {
    expect((await renameProfile(db, 'default', 'Ana')).name).toBe('Ana');
    expect((await listProfiles(db)).map((p) => p.name)).toEqual(['Ana']);
    await expect(renameProfile(db, 'nobody', 'x')).rejects.toThrow(/no longer exists/);
  });
  it('deletes a profile with its attempts, progress, lesson state and received assignments in one go', async () => {
    await saveProfile(db, { id: 'p2', name: 'Bo', color: 'amber', createdAt: 2 });
    await recordAttempt(db, attempt('default'));
    await recordAttempt(db, attempt('p2'));
    await recordAttempt(db, attempt('p2', { exercise: 'pan-position', skill: 'pan' }));
    await db.put('lessons', {
      profileId: 'p2',
      lessonId: 'eq',
      version: 1,
      step: 2,
      scores: {},
      completed: false,
      updatedAt: 1,
    });
    await saveAssignmentRecord(db, {
      id: studentKey('p2', 'abcd'),
      role: 'student',
      assignment: {},
      profileId: 'p2',
      savedAt: 1,
    });
    await saveAssignmentRecord(db, {
      id: studentKey('default', 'abcd'),
      role: 'student',
      assignment: {},
      profileId: 'default',
      savedAt: 1,
    });
    await deleteProfile(db, 'p2');
    expect((await listProfiles(db)).map((p) => p.id)).toEqual(['default']);
    expect(await listAttempts(db, 'p2')).toEqual([]);
    expect(await listProgress(db, 'p2')).toEqual([]);
    expect(await db.getAll('lessons')).toEqual([]);
    expect((await listAssignmentRecords(db)).map((r) => r.id)).toEqual([studentKey('default', 'abcd')]);
    // The other profile's data is untouched.
    expect(await listAttempts(db, 'default')).toHaveLength(1);
    expect(await listProgress(db, 'default')).toHaveLength(1);
  });
  it('refuses to delete the last profile, and changes nothing', async () => {
    await recordAttempt(db, attempt('default'));
    await expect(deleteProfile(db, 'default')).rejects.toThrow(/at least one profile must remain/);
    expect(await listProfiles(db)).toHaveLength(1);
    expect(await listAttempts(db, 'default')).toHaveLength(1);
  });
});

describe('assignments store', () => {
  it('keeps teacher and per-profile student records apart', async () => {
    await saveAssignmentRecord(db, {
      id: teacherKey('abcd'),
      role: 'teacher',
      assignment: { t: 1 },
      savedAt: 1,
    });
    const first = await addAssignmentIfAbsent(db, {
      id: studentKey('default', 'abcd'),
      role: 'student',
      assignment: { s: 1 },
      profileId: 'default',
      savedAt: 2,
    });
    const again = await addAssignmentIfAbsent(db, {
      id: studentKey('default', 'abcd'),
      role: 'student',
      assignment: { s: 2 },
      profileId: 'default',
      savedAt: 3,
    });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.record.assignment).toEqual({ s: 1 });
    await markHandedIn(db, studentKey('default', 'abcd'), 99);
    expect((await getAssignmentRecord(db, studentKey('default', 'abcd')))?.handedInAt).toBe(99);
    expect((await listAssignmentRecords(db, { role: 'teacher' })).map((r) => r.id)).toEqual(['teacher:abcd']);
    expect(
      (await listAssignmentRecords(db, { role: 'student', profileId: 'default' })).map((r) => r.id),
    ).toEqual(['student:default:abcd']);
    expect((await listAssignmentRecords(db)).map((r) => r.savedAt)).toEqual([2, 1]);
  });
  it('deleting a teacher assignment removes its reports too, and only its own', async () => {
    await saveAssignmentRecord(db, { id: teacherKey('abcd'), role: 'teacher', assignment: {}, savedAt: 1 });
    await importReportRecords(db, [report('r1', 'abcd'), report('r2', 'abcd'), report('r3', 'other')]);
    expect(await deleteTeacherAssignment(db, 'abcd')).toBe(2);
    expect(await listAssignmentRecords(db)).toEqual([]);
    expect((await listReportRecords(db)).map((r) => r.id)).toEqual(['r3']);
  });
});

describe('reports store', () => {
  it('imports many at once; the same report twice is a duplicate, not a second copy', async () => {
    expect(await importReportRecords(db, [report('r1', 'a'), report('r2', 'a'), report('r1', 'a')])).toEqual([
      'added',
      'added',
      'duplicate',
    ]);
    expect(await importReportRecords(db, [report('r2', 'a')])).toEqual(['duplicate']);
    expect((await listReportRecords(db, 'a')).map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    await deleteReportRecord(db, 'r1');
    expect((await listReportRecords(db)).map((r) => r.id)).toEqual(['r2']);
  });
});
