import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { reportChecksum, reportFileText } from '../../../src/classroom/report';
import { answerScoring } from '../../classroom/answers';
import { forge, sampleAssignment, sampleReport } from '../../classroom/fixtures';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => ({
  student: await import('../../../src/state/classroom/classroom'),
  teacher: await import('../../../src/state/classroom/classroom-teacher'),
  profiles: await import('../../../src/state/classroom/profiles'),
  storage: await import('../../../src/state/shared/storage'),
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
        { exercise: 'eq-boost', level: 4, count: 2 },
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
    expect(todo.map((q) => [q.exercise, q.level])).toEqual([
      ['eq-boost', 1],
      ['eq-boost', 1],
      ['eq-boost', 1],
      ['eq-boost', 4],
      ['eq-boost', 4],
    ]);
    // Real answers the kind's own check scores so (level 1 gives 0 or 100; level 4 also 25, 50, 75).
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
    const runs: import('../../../src/state/classroom/classroom').AssignmentRun[] = [];
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
    // Text that is no code is its own input (each gets its own message), not glued onto the one before.
    expect(teacher.splitPastedCodes('hello there r1.abc\ndef.ghi thanks!')).toEqual([
      'hello',
      'there',
      'r1.abcdef.ghi',
      'thanks!',
    ]);
  });
});

describe('the gradebook re-checks reports on every load', () => {
  const a = sampleAssignment({ id: 'backup01', title: 'Restored' });
  const half = (_i: number, q: number) => (q % 2 === 0 ? 100 : 0);
  const record = (report: object, over: Record<string, unknown> = {}) => ({
    id: reportChecksum(report as Parameters<typeof reportChecksum>[0]),
    assignmentId: a.id,
    student: (report as { student: string }).student,
    report,
    importedAt: Date.UTC(2026, 2, 5),
    ...over,
  });

  it('flags come from the report, never from the stored record; Accept anyway counts it, Undo takes it out', async () => {
    const { teacher, storage } = await load();
    const db = await storage.database();
    await db.put('assignments', { id: `teacher:${a.id}`, role: 'teacher', assignment: a, savedAt: 1 });
    const ana = sampleReport('Ana', half, a);
    const bo = { ...sampleReport('Bo', () => 0, a), score: 100 }; // changed after hand-in: checksum off
    const cy = forge(sampleReport('Cy', half, a), (r) => ({
      ...r,
      items: r.items.map((it) => ({
        ...it,
        score: 100,
        attempts: it.attempts.map((x) => ({ ...x, score: 100 })),
      })),
      score: 100,
    }));
    // As a backup could carry them: a stale flag on a clean report, `flagged: ""` on forged ones, and an
    // acceptance stored under an id that is not its content's.
    await db.put('reports', record(ana, { flagged: 'Checksum does not match' }));
    await db.put(
      'reports',
      record(bo, { id: 'deadbeefdeadbeef', flagged: '', accepted: { by: 'x', at: 1 } }),
    );
    await db.put('reports', record(cy, { flagged: '' }));
    await teacher.loadTeacherData();
    const table = () => teacher.gradebook.value.find((t) => t.assignmentId === a.id)!;
    expect(
      table().rows.map((r) => [r.student, r.problems.map((p) => p.check), r.counted, r.accepted]),
    ).toEqual([
      ['Ana', [], true, undefined],
      ['Bo', ['edited', 'score-mismatch'], false, undefined],
      ['Cy', ['score-mismatch'], false, undefined],
    ]);
    expect(table().total).toMatchObject({ n: 1, mean: 50 });

    expect(await teacher.acceptReport(cy.checksum, Date.UTC(2026, 2, 6))).toBe(true);
    const accepted = table().rows[2]!;
    expect(accepted.counted).toBe(true);
    expect(accepted.accepted).toEqual({
      by: storage.profiles.value.find((p) => p.id === storage.activeProfileId.value)!.name,
      at: Date.UTC(2026, 2, 6),
    });
    expect(table().total).toMatchObject({ n: 2, mean: 75 });
    expect(teacher.gradebookCsvText(table())).toMatch(
      /Cy,100,100,100,100,100,100,pass,[\d.]+,[\d :-]+,"flagged, accepted by /,
    );

    expect(await teacher.withdrawAcceptance(cy.checksum)).toBe(true);
    expect(table().rows[2]!).toMatchObject({ counted: false });
    expect(table().rows[2]!.accepted).toBeUndefined();
    expect(table().total).toMatchObject({ n: 1, mean: 50 });
    expect(await teacher.withdrawAcceptance('nonexistent00000')).toBe(false);
  });

  it('import flags a forged report with its reasons and stores no flag with it', async () => {
    const { teacher, storage } = await load();
    const dee = forge(sampleReport('Dee', half, a), (r) => ({
      ...r,
      items: r.items.map((it) => ({
        ...it,
        score: 100,
        attempts: it.attempts.map((x) => ({ ...x, score: 100 })),
      })),
      score: 100,
    }));
    const [result] = await teacher.importReports([{ source: 'dee.json', text: reportFileText(dee) }]);
    expect(result!.status).toBe('flagged');
    expect(result!.message).toMatch(
      /^Dee — Restored: imported, but flagged and not counted until you accept it\. The scores don’t match the answers: 25 answers carry a score/,
    );
    const stored = await (await storage.database()).get('reports', dee.checksum);
    expect(stored && 'flagged' in stored).toBe(false);
    expect(stored?.report).toEqual(dee);
  });

  it('names with invisible and direction-override characters are cleaned for showing, and the report is flagged', async () => {
    const { teacher } = await load();
    const sneaky = forge(sampleReport('Eve', half, a), (r) => ({
      ...r,
      student: 'Eve\u200B \u202Egnp.exe\u202C',
    }));
    const [result] = await teacher.importReports([{ source: 'eve.json', text: reportFileText(sneaky) }]);
    expect(result!.message).toMatch(/^Eve gnp\.exe — Restored: imported, but flagged/);
    const row = teacher.gradebook.value
      .find((t) => t.assignmentId === a.id)!
      .rows.find((r) => r.student.startsWith('Eve'))!;
    expect(row.student).toBe('Eve gnp.exe');
    expect(row.problems.map((p) => p.check)).toEqual(['hidden-characters']);
  });
});

describe('opening an assignment whose id this profile already kept', () => {
  it('asks which one to keep instead of silently opening the old one', async () => {
    const { student, profiles } = await load();
    const fay = await profiles.createProfile('Fay', { activate: false });
    if (!fay.ok) throw new Error(fay.error);
    const first = sampleAssignment({ id: 'samekey1', title: 'First homework' });
    const second = sampleAssignment({ id: 'samekey1', title: 'Second homework', passMark: 50 });
    expect((await student.acceptAssignment(first, fay.profile.id)).ok).toBe(true);
    expect((await student.acceptAssignment(first, fay.profile.id)).ok).toBe(true); // the same one again: fine
    const clash = await student.acceptAssignment(second, fay.profile.id);
    expect(clash).toMatchObject({ ok: false, kept: { title: 'First homework' } });
    expect(!clash.ok && clash.error).toBe(
      'This profile already has a different assignment with the same id: “First homework”. Choose which one to keep.',
    );
    expect(
      student.studentAssignments.value.find((x) => x.assignment.id === 'samekey1')!.assignment.title,
    ).toBe('First homework');
    expect((await student.acceptAssignment(second, fay.profile.id, { replace: true })).ok).toBe(true);
    expect(
      student.studentAssignments.value.find((x) => x.assignment.id === 'samekey1')!.assignment.title,
    ).toBe('Second homework');
  });
});
