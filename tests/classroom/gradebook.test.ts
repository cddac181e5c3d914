import { describe, expect, it } from 'vitest';
import { csvCell, formatStamp, gradebookCsv, toCsv } from '../../src/classroom/csv';
import { buildGradebook, type GradebookEntry } from '../../src/classroom/gradebook';
import { reportChecksum } from '../../src/classroom/report';
import { mean, median, passRate } from '../../src/classroom/stats';
import { sampleAssignment, sampleReport } from './fixtures';

const a = sampleAssignment({
  passMark: 70,
  items: [
    { exercise: 'eq-boost', level: 1, seeds: [1, 2] },
    { exercise: 'level-change', level: 1, seeds: [3, 4] },
  ],
});
/** Item 1 scores s1 on both questions, item 2 scores s2. */
const rep = (student: string, s1: number, s2: number, handedInAt = Date.UTC(2026, 2, 3, 12)) => {
  const r = sampleReport(student, (i) => (i === 0 ? s1 : s2), a);
  const body = { ...r, handedInAt };
  return { ...body, checksum: reportChecksum(body) };
};
const entry = (r: ReturnType<typeof rep>, flagged?: string): GradebookEntry => ({
  id: r.checksum,
  report: r,
  importedAt: 1,
  ...(flagged ? { flagged } : {}),
});

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
  const ana = rep('Ana', 100, 60); // total 80
  const bo = rep('Bo', 50, 90); // total 70
  const cy = rep('Cy', 80, 40); // total 60
  const table = buildGradebook([entry(cy), entry(ana), entry(bo)], [a])[0]!;

  it('one row per student, sorted by name, with item scores, total, pass/fail and time', () => {
    expect(table.known).toBe(true);
    expect(table.rows.map((r) => [r.student, ...r.scores, r.score, r.passed])).toEqual([
      ['Ana', 100, 60, 80, true],
      ['Bo', 50, 90, 70, true],
      ['Cy', 80, 40, 60, false],
    ]);
    expect(table.rows[0]!.timeMs).toBe(2 * (4000 + 4100));
  });
  it('per-item mean, median and pass rate by hand', () => {
    // Item 1: 100, 50, 80 → mean 76.67, median 80, pass ≥70: 2/3. Item 2: 60, 90, 40 → 63.33, 60, 1/3.
    expect(table.itemStats[0]!.mean).toBeCloseTo(76.667, 3);
    expect(table.itemStats[0]).toMatchObject({ n: 3, median: 80, passRate: 2 / 3 });
    expect(table.itemStats[1]!.mean).toBeCloseTo(63.333, 3);
    expect(table.itemStats[1]).toMatchObject({ median: 60, passRate: 1 / 3 });
    expect(table.total).toMatchObject({ n: 3, mean: 70, median: 70, passRate: 2 / 3 });
  });
  it('flags duplicates, edited reports and several reports per student, and counts each student once', () => {
    const later = rep('ana', 100, 100, Date.UTC(2026, 2, 4));
    const edited = { ...rep('Dee', 10, 10), score: 100 };
    const t = buildGradebook(
      [entry(ana), entry(ana), entry(later), entry(bo), entry(edited, 'Checksum does not match')],
      [a],
    )[0]!;
    const row = (student: string) => t.rows.filter((r) => r.student === student);
    expect(row('Ana')).toHaveLength(1);
    expect(row('Ana')[0]!.flags.join(' ')).toMatch(/imported 2 times.*2 reports from this student/);
    expect(row('Ana')[0]!.counted).toBe(false);
    expect(row('ana')[0]!.counted).toBe(true);
    expect(row('Dee')[0]).toMatchObject({ counted: false, flags: ['Checksum does not match'] });
    // Counted: later Ana (100) and Bo (70).
    expect(t.total).toMatchObject({ n: 2, mean: 85 });
  });
  it('reports for an assignment this device did not make get their own table, columns from the report', () => {
    const other = { ...rep('Eve', 90, 90), assignmentId: 'zzzz1234', assignmentTitle: 'Another class' };
    const tables = buildGradebook([entry(ana), entry(other)], [a]);
    expect(tables.map((t) => [t.title, t.known, t.rows.length])).toEqual([
      ['Week 3: EQ and levels', true, 1],
      ['Another class', false, 1],
    ]);
    expect(tables[1]!.columns).toEqual([
      { exercise: 'eq-boost', level: 1, questions: 2 },
      { exercise: 'level-change', level: 1, questions: 2 },
    ]);
  });
  it('flags a report whose items differ from the assignment and keeps it out of the statistics', () => {
    const t = buildGradebook([entry(rep('Fay', 90, 90))], [{ ...a, items: [a.items[0]!] }])[0]!;
    expect(t.rows[0]!.flags).toContain('Its items differ from the assignment’s.');
    expect(t.total.n).toBe(0);
  });
  it('lists an assignment with no reports yet as an empty table', () => {
    expect(buildGradebook([], [a])).toMatchObject([{ rows: [], total: { n: 0, mean: null } }]);
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
    const t = buildGradebook([entry(rep('=cmd|x', 100, 60)), entry(rep('Bo, Jr.', 50, 90))], [a])[0]!;
    const csv = gradebookCsv(t, { exerciseTitle: (id) => id.toUpperCase() });
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Week 3: EQ and levels');
    expect(lines[1]).toBe(
      'Student,"1. EQ-BOOST (level 1, 2 q.)","2. LEVEL-CHANGE (level 1, 2 q.)",Total,Result (pass mark 70),Time (min),Handed in,Counted,Flags',
    );
    expect(lines[2]).toBe("'=cmd|x,100,60,80,pass,0.3,2026-03-03 12:00,yes,");
    expect(lines[3]).toBe('"Bo, Jr.",50,90,70,pass,0.3,2026-03-03 12:00,yes,');
    expect(lines.slice(5, 8)).toEqual(['Mean,75,75,75', 'Median,75,75,75', 'Pass rate (%),50,50,100']);
  });
  it('formats times with an offset', () => {
    expect(formatStamp(Date.UTC(2026, 0, 1, 23, 30), 60)).toBe('2026-01-02 00:30');
  });
});
