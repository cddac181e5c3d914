/**
 * fix-mix's questions changed in 0.3.0 (the desk as found is drawn first and the good mix made by undoing the
 * faults): a report made by 0.2.0 is not marked again on today's questions, whose seeds make other desks, and the
 * teacher is told why, never "edited" nor a mismatch; a report of this version is re-checked as usual.
 */
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import type { Assignment } from '../../src/classroom/assignment';
import { compareVersions, questionsChangedSince } from '../../src/classroom/question-versions';
import { recheckAnswer, verifyReport } from '../../src/classroom/report-verify';
import type { FixMixAnswer } from '../../src/exercises/fix-mix/meta';
import { exercises } from '../../src/exercises/registry';
import { oneItemReport, sampleAssignment } from './fixtures';

describe('a fix-mix report across the 0.3.0 change', () => {
  const seeds = [31, 32];
  const a: Assignment = sampleAssignment({ items: [{ exercise: 'fix-mix', level: 1, seeds }] });
  const fm = exercises['fix-mix'];
  const today = seeds.map((seed) => fm.solve(fm.generate(seed, 1)) as FixMixAnswer);
  /**
   * What a 0.2.0 device handed in: it named and undid that version's fault (the good mix there was another
   * desk), so it marked 100; today's question from the same seed has another desk and fault.
   */
  const older = today.map((ans) => ({
    faults: [{ fault: 'loud' as const, track: 'hats' as const }],
    tracks: ans.tracks.map((t) => ({ ...t, faderDb: t.faderDb + 3 })),
  }));
  const report = (appVersion: string, answers: FixMixAnswer[], stored: number) =>
    oneItemReport(a, appVersion, answers, stored);
  const NOW = Date.UTC(2026, 2, 4);

  it('dates fix-mix from 0.3.0, no later than this app', () => {
    expect(questionsChangedSince('fix-mix', '0.2.0')).toBe('0.3.0');
    expect(questionsChangedSince('fix-mix', '0.1.0')).toBe('0.3.0');
    expect(questionsChangedSince('fix-mix', '0.3.0')).toBeNull();
    expect(compareVersions('0.3.0', version)).not.toBe(1);
  });

  it('made by 0.2.0: not re-checked, said in words naming both versions, never edited or a mismatch', () => {
    // Marked again on today's questions, the old answers would not earn their stored 100.
    for (let q = 0; q < seeds.length; q++)
      expect(fm.check(fm.generate(seeds[q]!, 1), older[q]!).score).toBeLessThan(100);
    const problems = verifyReport(report('0.2.0', older, 100), a, { now: NOW, appVersion: version });
    expect(problems.map((p) => p.check)).toEqual(['cannot-recheck']);
    const words = problems[0]!.message;
    expect(words).toMatch(/“Fix this mix”/);
    expect(words).toMatch(/Headroom 0\.2\.0/);
    expect(words).toMatch(/since 0\.3\.0/);
    expect(words).not.toMatch(/edited|changed after it was made|don’t match/i);
    expect(recheckAnswer('fix-mix', 1, seeds[0]!, older[0], undefined, '0.2.0')).toBeNull();
  });

  it('made by this version: marked again; the right answers are clean, a forged score is a mismatch', () => {
    expect(verifyReport(report(version, today, 100), a, { now: NOW, appVersion: version })).toEqual([]);
    const forged = verifyReport(report(version, older, 100), a, { now: NOW, appVersion: version });
    expect(forged.map((p) => p.check)).toEqual(['score-mismatch']);
    expect(recheckAnswer('fix-mix', 1, seeds[0]!, today[0], undefined, version)?.result.score).toBe(100);
  });
});
