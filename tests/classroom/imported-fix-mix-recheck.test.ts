/**
 * fix-mix on an imported song in the classroom: an honest report re-checks clean on the teacher's copy of the
 * song (the question is made again from the song's summary alone), a score the answers do not earn is flagged,
 * and an assignment asking level 3 (compression) or 4 (production problems) on an imported song is refused in
 * the level's plain words.
 */
import { describe, expect, it } from 'vitest';
import { type Assignment, validateAssignment } from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import { buildReport, type Report } from '../../src/classroom/report';
import { rescoreAnswer, verifyReport } from '../../src/classroom/report-verify';
import { check } from '../../src/exercises/fix-mix/check';
import type { FixMixAnswer, FixMixQuestion } from '../../src/exercises/fix-mix/meta';
import { solve } from '../../src/exercises/fix-mix/solve';
import { start } from '../../src/exercises/fix-mix/start';
import { generateOnImported } from '../../src/exercises/shared/imported-kinds';
import { hash, summary } from '../exercises/imported-fixtures';
import { forge } from './fixtures';

const NOW = Date.UTC(2026, 2, 10);
const LEVELS = [1, 2];

const assignment: Assignment = {
  version: 1,
  id: 'song-fix-mix',
  title: 'Fix our own song',
  instructions: 'Import the stems I sent first.',
  items: LEVELS.map((level, i) => ({ exercise: 'fix-mix', level, seeds: deriveSeeds(700 + i, 3) })),
  passMark: 60,
  createdAt: Date.UTC(2026, 2, 1),
  song: { hash, name: summary.name, tracks: summary.tracks.map((t) => t.name) },
};

const question = (level: number, seed: number) =>
  generateOnImported('fix-mix', seed, level, summary) as FixMixQuestion;

/** Every question answered with `answer(q)`, reported with the score the song's question gives it. */
function report(answer: (q: FixMixQuestion) => FixMixAnswer): Report {
  let t = Date.UTC(2026, 2, 2);
  const attempts = assignment.items.flatMap((item) =>
    item.seeds.map((seed) => {
      const q = question(item.level, seed);
      const a = answer(q);
      return {
        exercise: item.exercise,
        level: item.level,
        seed,
        score: check(q, a).score,
        timeMs: 60000,
        at: (t += 61000),
        answer: a,
      };
    }),
  );
  return buildReport(
    assignment,
    attempts,
    { student: 'Ana', appVersion: '0.3.0', handedInAt: Date.UTC(2026, 2, 3) },
    { songHash: hash },
  );
}

describe('re-checking fix-mix on an imported song', () => {
  it('the assignment is valid on the song; levels 3 and 4 on it are refused in plain words', () => {
    expect(validateAssignment(assignment).ok).toBe(true);
    for (const [level, words] of [
      [3, /Level 3 grades compression/],
      [4, /Level 4 adds problems in the parts themselves/],
    ] as const) {
      const r = validateAssignment({
        ...assignment,
        items: [{ exercise: 'fix-mix', level, seeds: deriveSeeds(9, 2) }],
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(words);
    }
    // On Headroom's own songs every level stays assignable.
    const { song: _song, ...own } = assignment;
    expect(
      validateAssignment({ ...own, items: [{ exercise: 'fix-mix', level: 4, seeds: deriveSeeds(9, 2) }] }).ok,
    ).toBe(true);
  });

  it('an honest report (solved and untouched desks) is clean, every answer re-scored as reported', () => {
    const solved = report(solve);
    expect(solved.score).toBe(100);
    expect(verifyReport(solved, assignment, { now: NOW, song: summary })).toEqual([]);
    for (const item of solved.items)
      for (const at of item.attempts)
        expect(rescoreAnswer(item.exercise, item.level, at.seed, at.answer, summary)).toBe(100);
    const untouched = report(start);
    expect(untouched.score).toBe(0);
    expect(verifyReport(untouched, assignment, { now: NOW, song: summary })).toEqual([]);
  });

  it('a forged score is flagged: the untouched desk reported as 100 earns 0 on the song’s question', () => {
    const forged = forge(report(solve), (r) => {
      const item = r.items[1]!;
      const at = item.attempts[0]!;
      item.attempts[0] = { ...at, answer: start(question(item.level, at.seed)) };
      return r;
    });
    const checks = verifyReport(forged, assignment, { now: NOW, song: summary }).map((p) => p.check);
    expect(checks).toContain('score-mismatch');
  });
});
