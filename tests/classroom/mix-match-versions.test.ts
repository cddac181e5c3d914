/**
 * mix-match's questions changed in 0.3.0 (the desk starts at the usual mix and the reference varies around
 * it): a report made by 0.2.0 is not marked again on today's questions and the teacher is told why, never
 * "edited"; a report of this version is re-checked as usual.
 */
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import type { Assignment } from '../../src/classroom/assignment';
import { questionsChangedSince } from '../../src/classroom/question-versions';
import { recheckAnswer, verifyReport } from '../../src/classroom/report-verify';
import { exercises } from '../../src/exercises/registry';
import { oneItemReport, sampleAssignment } from './fixtures';

describe('a mix-match report across the 0.3.0 change', () => {
  const seeds = [21, 22];
  const a: Assignment = sampleAssignment({ items: [{ exercise: 'mix-match', level: 1, seeds }] });
  const mm = exercises['mix-match'];
  const answers = seeds.map((seed) => mm.solve(mm.generate(seed, 1)));
  const report = (appVersion: string, stored: number) => oneItemReport(a, appVersion, answers, stored);
  const NOW = Date.UTC(2026, 2, 4);

  it('dates mix-match from 0.3.0', () => {
    expect(questionsChangedSince('mix-match', '0.2.0')).toBe('0.3.0');
    expect(questionsChangedSince('mix-match', '0.3.0')).toBeNull();
  });

  it('made by 0.2.0: not re-checked, said in words, no mismatch', () => {
    // The student's device scored 64 on 0.2.0's questions; today's questions from those seeds differ.
    const problems = verifyReport(report('0.2.0', 64), a, { now: NOW, appVersion: version });
    expect(problems.map((p) => p.check)).toEqual(['cannot-recheck']);
    expect(problems[0]?.message).toMatch(/Headroom 0\.2\.0/);
    expect(problems[0]?.message).toMatch(/since 0\.3\.0/);
    expect(recheckAnswer('mix-match', 1, 21, answers[0], undefined, '0.2.0')).toBeNull();
  });

  it('made by this version: marked again, a wrong score is a mismatch', () => {
    expect(verifyReport(report(version, 100), a, { now: NOW, appVersion: version })).toEqual([]);
    const forged = verifyReport(report(version, 64), a, { now: NOW, appVersion: version });
    expect(forged.map((p) => p.check)).toEqual(['score-mismatch']);
    expect(recheckAnswer('mix-match', 1, 21, answers[0], undefined, version)?.result.score).toBe(100);
  });
});
