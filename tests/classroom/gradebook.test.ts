import { describe, expect, it } from 'vitest';
import { csvCell, formatStamp, gradebookCsv, toCsv } from '../../src/classroom/csv';
import { buildGradebook, type GradebookEntry } from '../../src/classroom/gradebook';
import { reportChecksum } from '../../src/classroom/report';
import { mean, median, passRate } from '../../src/classroom/stats';
import { sampleAssignment, sampleReport } from './fixtures';

const a = sampleAssignment({
  passMark: 70,
  items: [
    { exercise: 'eq-boost', level: 4, seeds: [1, 2] },
    { exercise: 'eq-boost', level: 3, seeds: [3, 4] },
  ],
});
const NOW = Date.UTC(2026, 2, 10);
/** Item 1 scores s1 on both questions, item 2 scores s2 (real answers, re-scored by the gradebook). */
const rep = (student: string, s1: number, s2: number, handedInAt = Date.UTC(2026, 2, 3, 12)) => {
  const r = sampleReport(student, (i) => (i === 0 ? s1 : s2), a);
  const body = { ...r, handedInAt };
  return { ...body, checksum: reportChecksum(body) };
};
const entry = (r: ReturnType<typeof rep>, edited?: string): GradebookEntry => ({
  id: r.checksum,
  report: r,
  importedAt: NOW - 1000,
  ...(edited ? { edited } : {}),
});
const build = (entries: GradebookEntry[], assignments = [a]) =>
  buildGradebook(entries, assignments, { now: NOW });

describe('stats', () => {
  it('by hand', () => {
    expect(mean([60, 90, 100])).toBeCloseTo(83.333, 3);
    expect(median([100, 60, 90])).toBe(90);
    expect(median([60, 100, 90, 80])).toBe(85);
    expect(passRate([60, 70, 100, 69], 70)).toBe(0.5);
    expect([mean([]), median([]), passRate([], 1)]).toEqual([null, null, null]);
  });
});

describe('buildGradebook', () => {
  const ana = rep('Ana', 100, 50); // total 75
  const bo = rep('Bo', 50, 100); // total 75
  const cy = rep('Cy', 0, 50); // total 25
  const table = build([entry(cy), entry(ana), entry(bo)])[0]!;

  it('one row per student, sorted by name, with item scores, total, pass/fail and time', () => {
    expect(table.known).toBe(true);
    expect(table.rows.map((r) => [r.student, ...r.scores, r.score, r.passed, r.problems])).toEqual([
      ['Ana', 100, 50, 75, true, []],
      ['Bo', 50, 100, 75, true, []],
      ['Cy', 0, 50, 25, false, []],
    ]);
    expect(table.rows[0]!.timeMs).toBe(2 * (4000 + 4100));
  });
  it('per-item mean, median and pass rate by hand', () => {
    // Item 1: 100, 50, 0 → mean 50, median 50, pass ≥70: 1/3. Item 2: 50, 100, 50 → 66.67, 50, 1/3.
    expect(table.itemStats[0]).toMatchObject({ n: 3, mean: 50, median: 50, passRate: 1 / 3 });
    expect(table.itemStats[1]!.mean).toBeCloseTo(66.667, 3);
    expect(table.itemStats[1]).toMatchObject({ median: 50, passRate: 1 / 3 });
    // Totals 75, 75, 25: mean 58.33, median 75, pass rate 2/3.
    expect(table.total.mean).toBeCloseTo(58.333, 3);
    expect(table.total).toMatchObject({ n: 3, median: 75, passRate: 2 / 3 });
  });
  it('flags duplicates, edited reports and several reports per student, and counts each student once', () => {
    const later = rep('ana', 100, 100, Date.UTC(2026, 2, 4));
    const edited = { ...rep('Dee', 0, 0), score: 100 };
    const t = build([
      entry(ana),
      entry(ana),
      entry(later),
      entry(bo),
      entry(edited, 'Checksum does not match'),
    ])[0]!;
    const row = (student: string) => t.rows.filter((r) => r.student === student);
    expect(row('Ana')).toHaveLength(1);
    expect(row('Ana')[0]!.flags.join(' ')).toMatch(/imported 2 times.*2 reports from this student/);
    expect(row('Ana')[0]!.counted).toBe(false);
    expect(row('ana')[0]!.counted).toBe(true);
    const dee = row('Dee')[0]!;
    expect(dee.counted).toBe(false);
    expect(dee.problems.map((p) => p.check)).toEqual(['edited', 'score-mismatch']);
    expect(dee.flags[1]).toBe(
      'The scores don’t match the answers: the total says 100 but the answers score 0.',
    );
    // Counted: later Ana (100) and Bo (75).
    expect(t.total).toMatchObject({ n: 2, mean: 87.5 });
  });
  it('reports for an assignment this device did not make get their own table, flagged: nothing to check against', () => {
    const other = { ...rep('Eve', 100, 100), assignmentId: 'zzzz1234', assignmentTitle: 'Another class' };
    const tables = build([entry(ana), entry(other)]);
    expect(tables.map((t) => [t.title, t.known, t.rows.length, t.total.n])).toEqual([
      ['Week 3: EQ and levels', true, 1, 1],
      ['Another class', false, 1, 0],
    ]);
    expect(tables[1]!.columns).toEqual([
      { exercise: 'eq-boost', level: 4, questions: 2 },
      { exercise: 'eq-boost', level: 3, questions: 2 },
    ]);
    expect(tables[1]!.rows[0]!.problems.map((p) => p.check)).toEqual(['unknown-assignment']);
  });
  it('flags a report whose items differ from the assignment and keeps it out of the statistics', () => {
    const t = build([entry(rep('Fay', 100, 100))], [{ ...a, items: [a.items[0]!] }])[0]!;
    expect(t.rows[0]!.flags[0]).toBe(
      'Its items differ from the assignment’s. It has 2 items; your assignment has 1.',
    );
    expect(t.total.n).toBe(0);
  });
  it('lists an assignment with no reports yet as an empty table', () => {
    expect(build([])).toMatchObject([{ rows: [], total: { n: 0, mean: null } }]);
  });
});

describe('CSV', () => {
  it('quotes by RFC 4180 and guards formula cells', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(
      toCsv([
        ['a', 1],
        ['é', null],
      ]),
    ).toBe('\uFEFFa,1\r\né,\r\n');
  });
  it('exports a table: title, header, rows, then mean/median/pass rate', () => {
    const t = build([entry(rep('=cmd|x', 100, 50)), entry(rep('Bo, Jr.', 50, 100))])[0]!;
    const csv = gradebookCsv(t, { exerciseTitle: (id) => id.toUpperCase() });
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Week 3: EQ and levels');
    expect(lines[1]).toBe(
      'Student,"1. EQ-BOOST (level 4, 2 q.)","2. EQ-BOOST (level 3, 2 q.)",Total,Result (pass mark 70),Time (min),Handed in,Checks,Counted,Flags',
    );
    expect(lines[2]).toBe("'=cmd|x,100,50,75,pass,0.3,2026-03-03 12:00,passed,yes,");
    expect(lines[3]).toBe('"Bo, Jr.",50,100,75,pass,0.3,2026-03-03 12:00,passed,yes,');
    expect(lines.slice(5, 8)).toEqual(['Mean,75,75,75', 'Median,75,75,75', 'Pass rate (%),50,50,100']);
  });
  it('formats times with an offset', () => {
    expect(formatStamp(Date.UTC(2026, 0, 1, 23, 30), 60)).toBe('2026-01-02 00:30');
  });
});
