import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { answerScoring } from '../classroom/answers';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => ({
  student: await import('../../src/state/classroom'),
  teacher: await import('../../src/state/classroom-teacher'),
  profiles: await import('../../src/state/profiles'),
  storage: await import('../../src/state/storage'),
});

describe('profiles state', () => {
  it('creates, refuses duplicate names, renames, switches and deletes (moving the active profile)', async () => {
    const { profiles, storage } = await load();
    await storage.database();
    const ana = await profiles.createProfile('  Ana   Souza ');
    expect(ana.ok && ana.profile.name).toBe('Ana Souza');
    expect(storage.activeProfileId.value).toBe(ana.ok && ana.profile.id);
    expect(await profiles.createProfile('ana souza')).toEqual({
      ok: false,
      error: 'There is already a profile called “ana souza”.',
    });
    expect(await profiles.createProfile('   ')).toEqual({ ok: false, error: 'Type a name.' });
    const bo = await profiles.createProfile('Bo', { activate: false });
    expect(bo.ok && bo.profile.color).not.toBe(ana.ok && ana.profile.color);
    expect(storage.profiles.value.map((p) => p.name)).toEqual(['Me', 'Ana Souza', 'Bo']);
    const renamed = await profiles.renameProfile(bo.ok ? bo.profile.id : '', 'Bob');
    expect(renamed.ok && renamed.profile.name).toBe('Bob');
    expect(await profiles.deleteProfile(ana.ok ? ana.profile.id : '')).toEqual({ ok: true });
    expect(storage.profiles.value.map((p) => p.name)).toEqual(['Me', 'Bob']);
    expect(storage.activeProfileId.value).toBe('default');
    expect(storage.settings.value.activeProfileId).toBe('default');
  });
});

describe('classroom round trip through state (no UI)', () => {
  it('teacher builds → student opens the link, answers, hands in → teacher imports → gradebook shows the scores', async () => {
    const { student, teacher, profiles, storage } = await load();
    const made = await teacher.createAssignment({
      title: 'Week 1',
      instructions: 'Headphones on.',
      items: [
        { exercise: 'eq-boost', level: 1, count: 3 },
        { exercise: 'pan-position', level: 1, count: 2 },
      ],
      passMark: 70,
      due: '2026-05-01',
      lessons: [],
    });
    if (!made.ok) throw new Error(made.error);
    expect(made.assignment.items.map((i) => i.seeds.length)).toEqual([3, 2]);
    expect(teacher.teacherAssignments.value.map((a) => a.id)).toEqual([made.assignment.id]);
    const { link } = teacher.shareAssignment(made.assignment, 'https://class.example');
    expect(link.length).toBeLessThan(300);

    // Student: a bad link is refused and nothing is stored; the good one is accepted for a new profile.
    expect(student.readAssignment(link.slice(0, -12)).ok).toBe(false);
    const opened = student.readAssignment(link);
    if (!opened.ok) throw new Error(opened.error);
    const cy = await profiles.createProfile('Cy', { activate: false });
    if (!cy.ok) throw new Error(cy.error);
    const accepted = await student.acceptAssignment(opened.assignment, cy.profile.id);
    expect(accepted.ok).toBe(true);
    expect(storage.activeProfileId.value).toBe(cy.profile.id);
    expect(student.studentAssignments.value).toHaveLength(1);

    // The hook a drill runner uses: the five questions, then record each answer.
    const todo = await student.questionsToRun(opened.assignment);
    expect(todo.map((q) => q.exercise)).toEqual([
      'eq-boost',
      'eq-boost',
      'eq-boost',
      'pan-position',
      'pan-position',
    ]);
    // Real answers the kinds' own checks score so (eq-boost level 1 gives 0 or 100; pan-position 0, 25, 100).
    const scores = [100, 0, 100, 100, 25];
    for (const [i, q] of todo.entries())
      expect(
        await student.recordAssignmentAttempt(opened.assignment.id, q, {
          question: {},
          answer: answerScoring(q.exercise, q.level, q.seed, scores[i]!),
          score: scores[i]!,
          timeMs: 2000,
        }),
      ).toBe(true);
    expect(await student.questionsToRun(opened.assignment)).toEqual([]);
    const mine = student.studentAssignments.value[0]!;
    // (100 + 0 + 100) / 3 = 66.7 → 67; (100 + 25) / 2 = 62.5 → 63; 325 / 5 = 65.
    expect(mine.grade).toMatchObject({ complete: true, score: 65 });
    expect(mine.grade.items.map((i) => i.score)).toEqual([67, 63]);

    expect((await student.handInAssignment(mine.key, ' ')).ok).toBe(false);
    const handed = await student.handInAssignment(mine.key, 'Cy Young');
    if (!handed.ok) throw new Error(handed.error);
    expect(student.studentAssignments.value[0]!.handedInAt).toBeGreaterThan(0);
    expect(handed.report.appVersion).toBe(student.APP_VERSION);

    // Teacher: import the code (plus garbage and a duplicate), gradebook shows the scores.
    const results = await teacher.importReports([
      { source: 'pasted', text: handed.code },
      { source: 'cy.json', text: handed.fileText },
      { source: 'junk.json', text: '{"headroom":"report","version":1}' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['added', 'duplicate', 'refused']);
    const table = teacher.gradebook.value[0]!;
    expect(table.rows.map((r) => [r.student, ...r.scores, r.score, r.passed, r.problems])).toEqual([
      ['Cy Young', 67, 63, 65, false, []],
    ]);
    expect(table.total).toMatchObject({ n: 1, mean: 65 });
    expect(teacher.gradebookCsvText(table)).toContain('Cy Young,67,63,65,fail,');

    // Deleting the assignment takes its reports with it.
    expect(await teacher.removeTeacherAssignment(made.assignment.id)).toBe(1);
    expect(teacher.gradebook.value).toEqual([]);
  });
  it('Start and Preview hand the drill runner the questions, a recorder, and the page to go back to', async () => {
    const { student, teacher } = await load();
    const made = await teacher.createAssignment({
      title: 'Runner',
      instructions: '',
      items: [{ exercise: 'eq-boost', level: 2, count: 2 }],
      passMark: 50,
      due: '',
      lessons: [],
    });
    if (!made.ok) throw new Error(made.error);
    const a = made.assignment;
    expect(await student.startAssignment(a)).toBe(false);
    const runs: import('../../src/state/classroom').AssignmentRun[] = [];
    student.registerAssignmentRunner((run) => runs.push(run));
    expect(student.previewAssignment(a)).toBe(true);
    expect(await student.startAssignment(a)).toBe(true);
    const [preview, start] = runs;
    expect(preview!.title).toBe('Preview: Runner');
    expect(preview!.returnTo).toBe('/classroom/teach');
    expect(start!.returnTo).toBe(`/classroom/work/${encodeURIComponent(a.id)}`);
    expect(start!.questions.map((q) => q.seed)).toEqual(a.items[0]!.seeds);
    // The preview's recorder stores nothing: every question is still left to run.
    const answered = { question: {}, answer: {}, score: 100, timeMs: 1000 };
    expect(await preview!.record(preview!.questions[0]!, answered)).toBe(true);
    expect(await student.questionsToRun(a)).toHaveLength(2);
    expect(await start!.record(start!.questions[0]!, answered)).toBe(true);
    expect((await student.questionsToRun(a)).map((q) => q.seed)).toEqual([a.items[0]!.seeds[1]]);
  });
  it('splits pasted codes, rejoining one wrapped over lines', async () => {
    const { teacher } = await load();
    expect(teacher.splitPastedCodes('r1.abc\ndef.ghi  r1.xyz.k\n https://x/#r=r1.q.w')).toEqual([
      'r1.abcdef.ghi',
      'r1.xyz.k',
      'https://x/#r=r1.q.w',
    ]);
  });
});
