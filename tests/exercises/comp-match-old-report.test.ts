/**
 * comp-match's questions changed (the start is drawn, the reference's threshold range widened): a report made
 * by a Headroom with the previous generation is re-marked by the teacher on this generation's questions, so
 * its stored scores do not match. The teacher reads that in plain words, naming both versions, not as a
 * report changed after it was made.
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import type { AssignmentAttempt } from '../../src/classroom/grading';
import { buildReport } from '../../src/classroom/report';
import { verifyReport } from '../../src/classroom/report-verify';
import { check } from '../../src/exercises/comp-match/check';
import { generate } from '../../src/exercises/comp-match/generate';

const assignment: Assignment = {
  version: 1,
  id: 'cm0ld123',
  title: 'Compressors',
  instructions: '',
  items: [{ exercise: 'comp-match', level: 1, seeds: deriveSeeds(2468, 3) }],
  passMark: 60,
  due: '2026-03-14',
  createdAt: Date.UTC(2026, 2, 1, 9, 30),
  lessons: [],
};
const NOW = Date.UTC(2026, 2, 5);

/**
 * What the previous generation's device stored: the student matched that version's reference (threshold
 * 12–24 dB under a start at 0 dBFS, here −18 dBFS) and it marked 100; this generation's question has another
 * reference, so the same answer earns less here.
 */
function oldAttempts(): AssignmentAttempt[] {
  let t = Date.UTC(2026, 2, 2, 10);
  return assignment.items[0]!.seeds.map((seed) => {
    const q = generate(seed, 1);
    const answer = { ...q.start, thresholdDb: -18 };
    expect(check(q, answer).score).toBeLessThan(100);
    return { exercise: 'comp-match', level: 1, seed, score: 100, timeMs: 9000, at: (t += 10_000), answer };
  });
}

describe('a comp-match report made before the questions changed', () => {
  const report = buildReport(assignment, oldAttempts(), {
    student: 'Ana',
    appVersion: '0.9.0',
    handedInAt: Date.UTC(2026, 2, 3, 12),
  });

  it('from another version: the scores differ, and the message names both versions and why', () => {
    const problems = verifyReport(report, assignment, { now: NOW, appVersion: '1.0.0' });
    expect(problems.map((p) => p.check)).toEqual(['score-mismatch']);
    const words = problems[0]!.message;
    expect(words).toMatch(
      /^The scores don’t match the answers: 3 answers carry a score the answer does not earn/,
    );
    expect(words).toContain(
      'It was made with Headroom 0.9.0 and this is 1.0.0: if the marking changed between those versions, that explains it.',
    );
    expect(words).not.toMatch(/forg|changed after it was made/i);
  });

  it('from the same version: no version sentence (the scores really do not match)', () => {
    const problems = verifyReport(report, assignment, { now: NOW, appVersion: '0.9.0' });
    expect(problems.map((p) => p.check)).toEqual(['score-mismatch']);
    expect(problems[0]!.message).not.toContain('made with Headroom');
  });
});
