/**
 * comp-match's questions changed again in 0.3.0 (the start is drawn by how far off it sounds): a report made by
 * 0.2.0 scored its answers on that version's questions, which today's seeds no longer make, so it is not marked
 * again and the teacher is told why, never that it was edited; a report of this version is re-checked as usual.
 */
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import type { Assignment } from '../../src/classroom/assignment';
import { questionsChangedSince } from '../../src/classroom/question-versions';
import { recheckAnswer, verifyReport } from '../../src/classroom/report-verify';
import type { CompMatchQuestion } from '../../src/exercises/comp-match/meta';
import { exercises } from '../../src/exercises/registry';
import { oneItemReport, sampleAssignment } from './fixtures';

describe('a comp-match report across the 0.3.0 change', () => {
  const seeds = [31, 32];
  const a: Assignment = sampleAssignment({ items: [{ exercise: 'comp-match', level: 2, seeds }] });
  const cm = exercises['comp-match'];
  const questions = seeds.map((seed) => cm.generate(seed, 2) as CompMatchQuestion);
  // What a 0.2.0 device stored: 100 for a compressor that matched its own question's reference; today's
  // question from the same seed has another reference, so the same settings earn less here.
  const oldAnswers = questions.map((q) => ({ ...q.reference, thresholdDb: q.reference.thresholdDb + 9 }));
  const report = (appVersion: string, stored: number, answers: unknown[]) =>
    oneItemReport(a, appVersion, answers, stored);
  const NOW = Date.UTC(2026, 2, 4);

  it('dates comp-match from 0.3.0, and this app is at least that', () => {
    expect(questionsChangedSince('comp-match', '0.2.0')).toBe('0.3.0');
    expect(questionsChangedSince('comp-match', version)).toBeNull();
  });

  it('made by 0.2.0: not re-checked, said in words, never a mismatch', () => {
    for (const [i, q] of questions.entries()) expect(cm.check(q, oldAnswers[i]!).score).toBeLessThan(100);
    const problems = verifyReport(report('0.2.0', 100, oldAnswers), a, { now: NOW, appVersion: version });
    expect(problems.map((p) => p.check)).toEqual(['cannot-recheck']);
    expect(problems[0]?.message).toMatch(/“Match the compressor” questions made by Headroom 0\.2\.0/);
    expect(problems[0]?.message).toMatch(/since 0\.3\.0/);
    expect(problems[0]?.message).not.toMatch(/changed after it was made|edited/i);
    expect(recheckAnswer('comp-match', 2, 31, oldAnswers[0], undefined, '0.2.0')).toBeNull();
  });

  it('made by this version: marked again, a wrong score is a mismatch', () => {
    const right = questions.map((q) => cm.solve(q));
    expect(verifyReport(report(version, 100, right), a, { now: NOW, appVersion: version })).toEqual([]);
    const forged = verifyReport(report(version, 100, oldAnswers), a, { now: NOW, appVersion: version });
    expect(forged.map((p) => p.check)).toEqual(['score-mismatch']);
    expect(recheckAnswer('comp-match', 2, 31, right[0], undefined, version)?.result.score).toBe(100);
  });
});
