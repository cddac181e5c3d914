/**
 * A report made before a kind's questions changed is not marked again on today's questions (its seeds make
 * other ones): the teacher is told so, and it is never called a mismatch. A report of today's version is.
 */
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import type { Assignment } from '../../src/classroom/assignment';
import {
  compareVersions,
  QUESTIONS_SINCE,
  questionsChangedSince,
} from '../../src/classroom/question-versions';
import { recheckAnswer, verifyReport } from '../../src/classroom/report-verify';
import { exercises } from '../../src/exercises/registry';
import { oneItemReport, sampleAssignment } from './fixtures';

describe('versions', () => {
  it('compares three-number versions and refuses anything else', () => {
    expect(compareVersions('0.1.0', '0.2.0')).toBe(-1);
    expect(compareVersions('0.10.0', '0.2.0')).toBe(1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    // Only versions written as Headroom writes them: anything else is marked again as usual.
    for (const odd of ['1.2.3-beta', ' 0.2.0', '0.02.0', '00.2.0', 'v0.2.0', '0.2'])
      expect(compareVersions(odd, '0.3.0')).toBeNull();
    expect(compareVersions('old', '0.2.0')).toBeNull();
    expect(compareVersions('', '0.2.0')).toBeNull();
  });

  it('names the version a changed kind dates from, only for older reports', () => {
    // comp-match's questions changed in 0.2.0 and again in 0.3.0 (its start drawn by how far off it sounds).
    expect(questionsChangedSince('comp-match', '0.1.0')).toBe('0.3.0');
    expect(questionsChangedSince('comp-match', '0.2.0')).toBe('0.3.0');
    expect(questionsChangedSince('comp-match', '0.3.0')).toBeNull();
    expect(questionsChangedSince('eq-boost', '0.1.0')).toBeNull();
    // Not a version: nothing is assumed, the answers are marked again as usual.
    expect(questionsChangedSince('comp-match', 'x')).toBeNull();
  });

  it('never dates a kind after this app', () => {
    for (const since of Object.values(QUESTIONS_SINCE)) expect(compareVersions(since, version)).not.toBe(1);
  });
});

describe('a comp-match report across the change', () => {
  const seeds = [11, 12];
  const a: Assignment = sampleAssignment({ items: [{ exercise: 'comp-match', level: 1, seeds }] });
  const cm = exercises['comp-match'];
  const answers = seeds.map((seed) => cm.solve(cm.generate(seed, 1)));
  const report = (appVersion: string, stored: number) => oneItemReport(a, appVersion, answers, stored);
  const NOW = Date.UTC(2026, 2, 4);

  it('made by 0.1.0: not re-checked, said in words, no mismatch', () => {
    const problems = verifyReport(report('0.1.0', 37), a, { now: NOW, appVersion: version });
    expect(problems.map((p) => p.check)).toEqual(['cannot-recheck']);
    expect(problems[0]?.message).toMatch(
      /2 answers are to “Match the compressor” questions made by Headroom 0\.1\.0/,
    );
    expect(problems[0]?.message).toMatch(/since 0\.3\.0/);
    expect(recheckAnswer('comp-match', 1, 11, answers[0], undefined, '0.1.0')).toBeNull();
  });

  it('made by this version: marked again, a wrong score is a mismatch', () => {
    expect(verifyReport(report(version, 100), a, { now: NOW, appVersion: version })).toEqual([]);
    const forged = verifyReport(report(version, 37), a, { now: NOW, appVersion: version });
    expect(forged.map((p) => p.check)).toEqual(['score-mismatch']);
    expect(recheckAnswer('comp-match', 1, 11, answers[0], undefined, version)?.result.score).toBe(100);
  });
});
