import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../src/classroom/codec';
import {
  buildReport,
  decodeReport,
  encodeReport,
  type Report,
  reportChecksum,
  reportFileName,
  reportFileText,
} from '../../src/classroom/report';
import { answerAll, sampleAssignment, sampleReport } from './fixtures';

const a = sampleAssignment();
// Item i: five right answers and five wrong ones (item 2, eq-boost level 4: 75 for a near miss).
const report = sampleReport('Ana Souza', (i, q) => (q < 5 ? 100 : i === 1 ? 75 : 0));
const refusal = (text: unknown) => {
  const r = decodeReport(text);
  if (r.ok) throw new Error('expected a refusal');
  return r;
};
const asFile = (r: object) => JSON.stringify({ headroom: 'report', ...r });

describe('buildReport', () => {
  it('scores items from the first answer to each question and weighs questions equally', () => {
    // Items: five questions at 100 and five at 0 → 50; item 2 five at 100 and five at 75 → 87.5 → 88.
    expect(report.items.map((it) => it.score)).toEqual([50, 88, 50, 50, 50]);
    expect(report.score).toBe(Math.round((25 * 100 + 5 * 75) / 50));
    expect(report.items[0]!.attempts[0]!.answer).toEqual(expect.any(Object));
    expect(report.timeMs).toBe(5 * (10 * 4000 + 100 * 45));
    expect(report.items[0]!.attempts).toHaveLength(10);
    expect(report.checksum).toMatch(/^[0-9a-f]{16}$/);
    expect(report.checksum).toBe(reportChecksum(report));
  });
  it('counts an unanswered question as 0 and ignores retries and other work', () => {
    const attempts = answerAll(a, () => 100).filter((x) => x.seed !== a.items[0]!.seeds[0]);
    attempts.push({ ...attempts[0]!, score: 0, at: attempts[0]!.at + 99_999 }); // a retry: does not count
    attempts.push({ exercise: 'eq-boost', level: 2, seed: 12, score: 0, timeMs: 1, at: 1 }); // not in the assignment
    const r = buildReport(a, attempts, {
      student: ' Bo ',
      appVersion: '0.1.0',
      handedInAt: Date.UTC(2026, 2, 3),
    });
    expect(r.items[0]!.score).toBe(90);
    expect(r.items[0]!.attempts).toHaveLength(10);
    expect(r.score).toBe(98);
    expect(r.student).toBe('Bo');
  });
});

describe('report round trips', () => {
  it('code and file decode to the same report, with id = checksum and no flag', () => {
    const code = encodeReport(report);
    expect(code).toMatch(/^r1\./);
    expect(decodeReport(code)).toEqual({ ok: true, report, id: report.checksum });
    expect(decodeReport(reportFileText(report))).toEqual({ ok: true, report, id: report.checksum });
    expect(decodeReport(`Here is my report: https://x.test/classroom#r=${code}`).ok).toBe(true);
    console.log(`report code for 50 answers: ${code.length} characters`);
  });
  it('names the file after student and assignment', () => {
    expect(reportFileName(report)).toBe('ana-souza-week-3-eq-and-levels.report.headroom.json');
  });
});

describe('edited reports are flagged, not refused', () => {
  it('a changed score breaks the checksum', () => {
    const edited: Report = { ...report, score: 100 };
    const r = decodeReport(asFile(edited));
    expect(r.ok && r.edited).toMatch(/Checksum does not match/);
    expect(r.ok && r.id).not.toBe(report.checksum);
  });
  it('a changed score with a recomputed checksum is caught by the score arithmetic', () => {
    const body = { ...report, items: report.items.map((it, i) => (i === 0 ? { ...it, score: 100 } : it)) };
    const resigned = { ...body, checksum: reportChecksum(body) };
    const r = decodeReport(asFile(resigned));
    expect(r.ok && r.edited).toMatch(/do not add up/);
  });
  it('unknown extra fields do not change the checksum (only known fields are kept)', () => {
    const r = decodeReport(asFile({ ...report, comment: 'hi' }));
    expect(r.ok && r.edited).toBeUndefined();
  });
});

describe('report refusals', () => {
  it('empty, future, wrong kind, damaged, oversized', () => {
    expect(refusal('').code).toBe('empty');
    expect(refusal(encodeFrame('report', 9, {})).error).toMatch(/newer Headroom \(format 9\)/);
    expect(refusal(encodeFrame('assignment', 1, {})).error).toMatch(
      /assignment code, not a report: open it under Classroom → Open an assignment/,
    );
    expect(refusal(encodeReport(report).slice(0, -3)).code).toBe('damaged');
    expect(refusal(encodeFrame('report', 1, { s: 'x'.repeat(530_000) })).code).toBe('too-large');
  });
  it('missing and mistyped fields are named', () => {
    const field = (key: string, value: unknown) => refusal(asFile({ ...report, [key]: value }));
    expect(field('student', '').error).toBe('The student’s name is empty.');
    expect(field('student', 'x'.repeat(61)).error).toMatch(/too long/);
    expect(field('items', []).error).toBe('The report has no items.');
    expect(field('checksum', 'abc').error).toBe('The report’s checksum is missing or malformed.');
    expect(field('handedInAt', -5).field).toBe('handedInAt');
    expect(field('score', 101).error).toBe('The total score 101 is not a whole number from 0 to 100.');
    const badAttempt = { ...report.items[0]!, attempts: [{ seed: 1, score: 'A', timeMs: 3 }] };
    expect(field('items', [badAttempt]).error).toBe(
      'Item 1, attempt 1: score “A” is not a whole number from 0 to 100.',
    );
    expect(field('version', 0).error).toMatch(/format version 0/);
  });
});
